import Foundation
import GRDB
import LIPCore
import LIPEthereum

// Views of the raw tables for the project's own tests (`@testable import LIPLedger`), so that
// no SQL is written outside this module.

extension Ledger {
    /// Every row of every data table, in a fixed order: equal dumps mean an unchanged ledger.
    func dump() throws -> String {
        try read { db in
            var out = ""
            for table in ["snapshots", "snapshot_accounts", "logs", "polls", "votes", "migrations"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3") {
                    // Blobs as their bytes in hex (GRDB would show only their length).
                    let columns = zip(row.columnNames, row.databaseValues).map { name, value -> String in
                        if case .blob(let data) = value.storage { return "\(name):x'\(Hex.encode(data))'" }
                        return "\(name):\(value)"
                    }
                    out += "\(table): [\(columns.joined(separator: " "))]\n"
                }
            }
            return out
        }
    }

    /// How many rows `table` holds (one of `tableNames()`).
    func rowCount(_ table: String) throws -> Int {
        guard try tableNames().contains(table) else { throw LIPError.usage("no table \(table)") }
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// The names of the tables, without SQLite's and GRDB's own.
    func tableNames() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%' ORDER BY name")
        }
    }

    /// The names of the indexes SQLite holds (its own automatic ones left out).
    func indexNames() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite%' ORDER BY name")
        }
    }

    /// The size of the file's pages, in bytes.
    func pageSize() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
    }

    /// The journal mode SQLite reports.
    func journalMode() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }
}

extension Ledger {
    /// Creates a ledger file whose schema stops at `migration`, as an older `lip` left it.
    static func createSchema(path: String, upTo migration: String) throws {
        let queue = try DatabaseQueue(path: path)
        try migrator.migrate(queue, upTo: migration)
    }

    /// Runs raw SQL on a ledger file, as a user with sqlite3 would.
    static func execute(path: String, sql: String) throws {
        try DatabaseQueue(path: path).write { try $0.execute(sql: sql) }
    }
}
