import BigInt
import Foundation
import LIPEthereum
import GRDB
import LIPCore

/// One row of a ledger table, read column by column. A value that does not decode (a row edited
/// with sqlite3, say) is an `LIPError` that names the ledger, the table, the row and the column,
/// never a trap.
struct StoredRow {
    /// The row as fetched.
    let row: Row
    /// The table it comes from.
    let table: String
    /// The columns that identify the row, for messages.
    let key: [String]
    /// The ledger file; nil inside a record's initializer, whose problem the ledger's `read`
    /// names with its path (`StoredRow.Problem`).
    var ledger: String? = nil
    /// The index of each column, when the caller has it (a lookup by name costs a case fold).
    var indexes: [String: Int]? = nil

    /// The columns of `SELECT snapshot_id, account, delegate, stake, delegated_stake, registered, active, fees`.
    static let accountColumns: [String: Int] = [
        "snapshot_id": 0, "account": 1, "delegate": 2, "stake": 3, "delegated_stake": 4, "registered": 5, "active": 6, "fees": 7,
    ]

    /// The index of each column of rows shaped like `row`, to read many rows of one query fast.
    static func indexes(of row: Row) -> [String: Int] {
        Dictionary(row.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The value of `column`; NULL or a value of another form is an error.
    func callAsFunction<Value: DatabaseValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        guard let value = try optional(column, as: type) else { throw problem(column, "is NULL") }
        return value
    }

    /// The value of `column`, nil when NULL; a value of another form is an error.
    func optional<Value: DatabaseValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws -> Value? {
        let raw: DatabaseValue = indexes?[column].map { row[$0] as DatabaseValue } ?? row[column] ?? .null
        if raw.isNull { return nil }
        guard let value = Value.fromDatabaseValue(raw) else {
            throw problem(column, "holds \(StoredRow.show(raw)), not \(StoredRow.expected(Value.self))")
        }
        return value
    }

    /// An amount of wei in `column`; NULL or anything but canonical decimal text is an error.
    func callAsFunction(_ column: String, as type: BigUInt.Type = BigUInt.self) throws -> BigUInt {
        try callAsFunction(column, as: StoredWei.self).value
    }

    /// An amount of wei in `column`, nil when NULL.
    func optional(_ column: String, as type: BigUInt.Type = BigUInt.self) throws -> BigUInt? {
        try optional(column, as: StoredWei.self)?.value
    }

    /// A value that does not decode, before the ledger's path is known.
    struct Problem: Error {
        /// What is wrong, naming the table, the row and the column.
        let message: String

        /// The error naming the ledger file too.
        func error(ledger: String) -> LIPError { LIPError.invalidInput(file: ledger, location: "", message: message) }
    }

    private func problem(_ column: String, _ what: String) -> Error {
        let identity = key.map { "\($0) \(StoredRow.show(row[$0] ?? .null))" }.joined(separator: ", ")
        let problem = Problem(
            message: "table \(table), row \(identity), column \(column) \(what); was the ledger edited outside lip? Re-import the file that row came from")
        return ledger.map { problem.error(ledger: $0) } ?? problem
    }

    private static func show(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let n): return "\(n)"
        case .double(let d): return "\(d)"
        case .string(let s): return "`\(s.prefix(80))`"
        case .blob(let b): return "a blob of \(b.count) bytes"
        }
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is Address.Type: return "a lowercase 0x address"
        case is Chain.Type: return "l1 or l2"
        case is MigrationKind.Type: return "one of " + MigrationKind.allCases.map(\.rawValue).joined(separator: ", ")
        case is ImportKind.Type: return "one of " + ImportKind.allCases.map(\.rawValue).joined(separator: ", ")
        case is SnapshotFormat.Type: return "one of " + SnapshotFormat.allCases.map(\.rawValue).joined(separator: ", ")
        case is SnapshotSource.Type: return "one of " + SnapshotSource.allCases.map(\.rawValue).joined(separator: ", ")
        case is Bool.Type: return "0 or 1"
        case is Int.Type, is Int64.Type: return "an integer"
        case is String.Type: return "text"
        case is StoredWei.Type: return "a decimal amount of wei"
        default: return "a value of its column's form"
        }
    }
}
