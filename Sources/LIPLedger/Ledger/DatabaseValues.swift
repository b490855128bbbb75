import BigInt
import Foundation
import GRDB
import LIPCore

// How the ledger's values are stored: addresses as lowercase `0x` text, amounts as decimal text
// of wei, enums as their raw text. Reading is strict: a value edited into another form does not
// decode, and `StoredRow` turns that into an error naming the table, the row and the column.

extension Address: DatabaseValueConvertible {
    /// Lowercase `0x` text.
    public var databaseValue: DatabaseValue { lowercased.databaseValue }

    /// Only `0x` + 40 lowercase hex digits, as the ledger writes them.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Address? {
        String.fromDatabaseValue(dbValue).flatMap(Address.init(lowercase:))
    }
}

extension BigUInt: @retroactive SQLExpressible {}
extension BigUInt: @retroactive StatementBinding {}
extension BigUInt: @retroactive DatabaseValueConvertible {
    /// Decimal text of wei.
    public var databaseValue: DatabaseValue { Amount.decimal(self).databaseValue }

    /// Only decimal digits, without a sign or leading zeros, below 2^256.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> BigUInt? {
        guard let text = String.fromDatabaseValue(dbValue), !text.isEmpty, text.utf8.count <= 78,
            text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text == "0" || !text.hasPrefix("0"),
            case let value = Amount.value(ofDigits: text.utf8), value <= Amount.max
        else { return nil }
        return value
    }
}

extension Chain: DatabaseValueConvertible {}
extension MigrationKind: DatabaseValueConvertible {}
extension ImportKind: DatabaseValueConvertible {}
extension SnapshotFormat: DatabaseValueConvertible {}
extension SnapshotSource: DatabaseValueConvertible {}
