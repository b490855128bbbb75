import GRDB
import GRDBSQLite

/// A record that can also be read straight from SQLite's buffers: a tally reads a hundred thousand
/// rows and a cost report six hundred thousand, and GRDB's generic row decoding costs more than
/// the rest of the work. The record's throwing `init(row:)` stays the one that names a problem.
protocol BufferDecodable: LedgerRecord {
    /// The row `statement` stands on, read from SQLite's buffers; nil when a column holds a value
    /// of another form (the query is then read again by `init(row:)`, which names it).
    init?(sqliteStatement statement: SQLiteStatement)
}

extension Database {
    /// Calls `body` with each record of `statement` (its arguments set), stepped on SQLite's own
    /// handle. At the first row the buffer reader declines, the query runs again through
    /// `init(row:)`, which throws the error naming the row; rows already given are not given again.
    /// The query must have an `ORDER BY` that orders its rows fully: the second run skips the rows
    /// given by count, so both runs must give them in one order.
    func forEachRecord<Record: BufferDecodable>(_ type: Record.Type, of statement: Statement, _ body: (Record) throws -> Void) throws {
        let s = statement.sqliteStatement
        var given = 0
        defer { sqlite3_reset(s) }
        while true {
            guard try statement.stepRow() else { return }
            guard let record = Record(sqliteStatement: s) else { break }
            try body(record)
            given += 1
        }
        sqlite3_reset(s)
        let records = try Record.fetchCursor(statement)
        var seen = 0
        while let record = try records.next() {
            seen += 1
            if seen > given { try body(record) }
        }
    }

    /// Every record of `sql` with `arguments`, read as `forEachRecord` reads them.
    func fetchAllRecords<Record: BufferDecodable>(_ type: Record.Type, sql: String, arguments: StatementArguments) throws -> [Record] {
        let statement = try makeStatement(sql: sql)
        try statement.setArguments(arguments)
        var out: [Record] = []
        try forEachRecord(type, of: statement) { out.append($0) }
        return out
    }
}
