import BigInt
import Foundation
import LIPEthereum
import GRDB
import GRDBSQLite
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

extension Address: StatementColumnConvertible {
    /// Only TEXT of `0x` + 40 lowercase hex digits, read from SQLite's own buffer (no string is
    /// made: a tally reads a hundred thousand of them).
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let text = StoredText.bytes(sqliteStatement, index), let address = Address(lowercaseUTF8: text) else { return nil }
        self = address
    }
}

/// The bytes of a TEXT column, valid until the statement steps again; nil for any other type.
enum StoredText {
    static func bytes(_ statement: SQLiteStatement, _ index: CInt) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(statement, index) == SQLITE_TEXT, let text = sqlite3_column_text(statement, index) else { return nil }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index)))
    }
}

/// An amount of wei as the ledger stores it: decimal text. The ledger's own type, so that no
/// conformance of `BigUInt` (a type of another package) leaks to every user of the library;
/// `StoredRow` reads amounts through it, and writes bind `Amount.decimal(_:)`.
struct StoredWei: DatabaseValueConvertible, StatementColumnConvertible {
    /// The amount.
    let value: BigUInt

    init(_ value: BigUInt) { self.value = value }

    /// Decimal text of wei.
    var databaseValue: DatabaseValue { Amount.decimal(value).databaseValue }

    /// Only decimal digits, without a sign or leading zeros, below 2^256.
    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredWei? {
        guard var text = String.fromDatabaseValue(dbValue) else { return nil }
        return text.withUTF8 { StoredWei(digits: UnsafeRawBufferPointer($0)) }
    }

    /// Read from SQLite's own buffer, with the same rule.
    init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let text = StoredText.bytes(sqliteStatement, index), let value = StoredWei(digits: text) else { return nil }
        self = value
    }

    /// The amount of canonical decimal `digits`, else nil.
    private init?(digits: UnsafeRawBufferPointer) {
        guard !digits.isEmpty, digits.count <= 78, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.count == 1 || digits[0] != 0x30,
            case let value = Amount.value(ofDigits: digits), value <= Amount.max
        else { return nil }
        self.value = value
    }
}

extension Chain: DatabaseValueConvertible {}
extension MigrationKind: DatabaseValueConvertible {}
extension ImportKind: DatabaseValueConvertible {}
extension SnapshotFormat: DatabaseValueConvertible {}
extension SnapshotSource: DatabaseValueConvertible {}
