import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

/// Why one input row cannot go into the ledger; the importer adds the file and the location.
struct RowProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension Row {
    /// The value of `column` read during a migration: NULL or a value of another form (a ledger
    /// edited by hand) is a `RowProblem` naming the table and column, never a trap.
    func migrated<Value: DatabaseValueConvertible>(_ column: String, in table: String, as type: Value.Type = Value.self) throws -> Value {
        guard let value = try migratedOptional(column, in: table, as: type) else { throw RowProblem("\(table).\(column) is NULL") }
        return value
    }

    /// The value of `column`, nil when NULL; a value of another form is a `RowProblem`.
    func migratedOptional<Value: DatabaseValueConvertible>(_ column: String, in table: String, as type: Value.Type = Value.self) throws -> Value? {
        let raw: DatabaseValue = self[column] ?? .null
        if raw.isNull { return nil }
        guard let value = Value.fromDatabaseValue(raw) else { throw RowProblem("\(table).\(column) holds \(raw), not a value of type \(Value.self)") }
        return value
    }
}
