import BigInt
import Foundation
import LIPEthereum
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

/// An amount of wei as the ledger stores it: decimal text. The ledger's own type, so that no
/// conformance of `BigUInt` (a type of another package) leaks to every user of the library;
/// `StoredRow` reads amounts through it, and writes bind `Amount.decimal(_:)`.
struct StoredWei: DatabaseValueConvertible {
    /// The amount.
    let value: BigUInt

    init(_ value: BigUInt) { self.value = value }

    /// Decimal text of wei.
    var databaseValue: DatabaseValue { Amount.decimal(value).databaseValue }

    /// Only decimal digits, without a sign or leading zeros, below 2^256.
    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredWei? {
        guard let text = String.fromDatabaseValue(dbValue), !text.isEmpty, text.utf8.count <= 78,
            text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text == "0" || !text.hasPrefix("0"),
            case let value = Amount.value(ofDigits: text.utf8), value <= Amount.max
        else { return nil }
        return StoredWei(value)
    }
}

extension Chain: DatabaseValueConvertible {}
extension MigrationKind: DatabaseValueConvertible {}
extension ImportKind: DatabaseValueConvertible {}
extension SnapshotFormat: DatabaseValueConvertible {}
extension SnapshotSource: DatabaseValueConvertible {}
