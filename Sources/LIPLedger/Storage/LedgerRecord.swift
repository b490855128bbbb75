import GRDB

/// A value the ledger reads from a row through `StoredRow` (a value of another form is an error
/// naming table, row and column). The conformance GRDB needs is `StoredRecord`'s, internal to this
/// module: the public value types (`SnapshotInfo`, `CastVote`, …) carry no public GRDB
/// conformance, so the library's surface says nothing of how the ledger stores them.
protocol LedgerRecord {
    /// The value of `row`; throws `StoredRow.Problem` for a value of another form.
    init(row: Row) throws
}

/// GRDB's record of a `LedgerRecord`.
struct StoredRecord<Value: LedgerRecord>: FetchableRecord {
    let value: Value
    init(row: Row) throws { value = try Value(row: row) }
}

extension LedgerRecord {
    /// Every value of `sql`.
    static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        try StoredRecord<Self>.fetchAll(db, sql: sql, arguments: arguments).map(\.value)
    }

    /// The first value of `sql`, nil when it has no row.
    static func fetchOne(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try StoredRecord<Self>.fetchOne(db, sql: sql, arguments: arguments)?.value
    }

    /// The first value of a prepared statement, nil when it has no row.
    static func fetchOne(_ statement: Statement, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try StoredRecord<Self>.fetchOne(statement, arguments: arguments)?.value
    }

    /// The values of a prepared statement, one at a time.
    static func fetchCursor(_ statement: Statement) throws -> MapCursor<RecordCursor<StoredRecord<Self>>, Self> {
        try StoredRecord<Self>.fetchCursor(statement).map(\.value)
    }
}
