import BigInt
import Crypto
import Foundation
import LIPEthereum
import GRDB
import GRDBSQLite
import LIPCore

/// What a snapshot's rows add up to, computed once at import and stored with it: the digest of its
/// canonical rows (which a tally's inputs digest names instead of every row) and the stake of its
/// registered active orchestrators (the `active` quorum base), so that a tally reads only the rows
/// of the accounts that voted.
struct SnapshotDigest: Equatable {
    /// SHA-256 over `row|account|delegate or -|stake|delegated_stake|registered 0/1|active 0/1\n`
    /// for every row, by account; hex.
    var rowsSHA256: String
    /// Sum of delegated_stake over the rows that are registered and active.
    var activeStake: BigUInt
    /// Rows.
    var accounts: Int
    /// Sum of stake.
    var totalStake: BigUInt

    /// Reads snapshot `id`'s rows in account order and computes what they add up to. Every value
    /// is checked as `StoredRow` checks it; text already in canonical form (what lip writes) is
    /// hashed as stored, so only the amounts that are summed are parsed.
    static func compute(_ db: Database, snapshotID id: Int64, ledgerPath: String) throws -> SnapshotDigest {
        if let digest = try computeFromBuffers(db, snapshotID: id) { return digest }
        return try computeFromRows(db, snapshotID: id, ledgerPath: ledgerPath)
    }

    private static let select = "SELECT snapshot_id, account, delegate, stake, delegated_stake, registered, active FROM snapshot_accounts WHERE snapshot_id = ? ORDER BY account"

    /// The canonical rows hashed a megabyte at a time, and what they add up to.
    private struct Accumulator {
        var hasher = SHA256(), buffer: [UInt8] = [], active = BigUInt(0), total = BigUInt(0), count = 0

        init() { buffer.reserveCapacity(1 << 20 + 512) }

        /// Adds `row|account|delegate or -|stake|delegated|registered|active\n`, each text as
        /// bytes in canonical form; `delegated` nil for 0.
        mutating func add<Text: Collection<UInt8>>(account: Text, delegate: Text?, stake: Text, delegated: Text?, registered: Bool, active isActive: Bool) {
            let bar = UInt8(ascii: "|")
            buffer += "row|".utf8
            buffer.append(contentsOf: account)
            buffer.append(bar)
            if let delegate { buffer.append(contentsOf: delegate) } else { buffer.append(UInt8(ascii: "-")) }
            buffer.append(bar)
            buffer.append(contentsOf: stake)
            buffer.append(bar)
            if let delegated { buffer.append(contentsOf: delegated) } else { buffer.append(0x30) }
            buffer.append(contentsOf: registered ? [bar, 0x31] : [bar, 0x30])
            buffer.append(contentsOf: isActive ? [bar, 0x31, 0x0A] : [bar, 0x30, 0x0A])
            if registered && isActive, let delegated { active += Amount.value(ofDigits: delegated) }
            total += Amount.value(ofDigits: stake)
            if buffer.count >= 1 << 20 {
                hasher.update(data: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
            count += 1
        }

        mutating func digest() -> SnapshotDigest {
            hasher.update(data: buffer)
            return SnapshotDigest(rowsSHA256: Hex.encode(Array(hasher.finalize())), activeStake: active, accounts: count, totalStake: total)
        }
    }

    /// The same, each row read from SQLite's buffers and hashed as stored; nil at the first row not
    /// in the form lip writes (`compute` then reads them all as rows, which names a bad value).
    private static func computeFromBuffers(_ db: Database, snapshotID id: Int64) throws -> SnapshotDigest? {
        let statement = try db.makeStatement(sql: select)
        try statement.setArguments([id])
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        var rows = Accumulator()
        func flag(_ index: CInt) -> Bool? {
            switch sqlite3_column_type(s, index) {
            case SQLITE_NULL: return false
            case SQLITE_INTEGER:
                let n = sqlite3_column_int64(s, index)
                return n == 0 ? false : n == 1 ? true : nil
            default: return nil
            }
        }
        while try statement.stepRow() {
            let delegateIsNull = sqlite3_column_type(s, 2) == SQLITE_NULL, delegatedIsNull = sqlite3_column_type(s, 4) == SQLITE_NULL
            guard let account = StoredText.bytes(s, 1), Canonical.address(utf8: account), let stake = StoredText.bytes(s, 3), Canonical.amount(utf8: stake),
                let registered = flag(5), let isActive = flag(6)
            else { return nil }
            let delegate = delegateIsNull ? nil : StoredText.bytes(s, 2), delegated = delegatedIsNull ? nil : StoredText.bytes(s, 4)
            guard delegateIsNull || delegate.map({ Canonical.address(utf8: $0) }) == true, delegatedIsNull || delegated.map({ Canonical.amount(utf8: $0) }) == true
            else { return nil }
            rows.add(account: account, delegate: delegate, stake: stake, delegated: delegated, registered: registered, active: isActive)
        }
        return rows.digest()
    }

    /// The same, each row read through `StoredRow`, which names the table, row and column of a
    /// value not in the form lip writes (read this way only when `computeFromBuffers` met one).
    private static func computeFromRows(_ db: Database, snapshotID id: Int64, ledgerPath: String) throws -> SnapshotDigest {
        var rows = Accumulator()
        let cursor = try Row.fetchCursor(db, sql: select, arguments: [id])
        while let row = try cursor.next() {
            let r = StoredRow(row: row, table: "snapshot_accounts", key: ["snapshot_id", "account"], ledger: ledgerPath)
            let account: Address = try r("account")
            let delegate: Address? = try r.optional("delegate")
            let stake: BigUInt = try r("stake")
            let delegated: BigUInt = try r.optional("delegated_stake") ?? 0
            rows.add(
                account: Array(account.lowercased.utf8), delegate: delegate.map { Array($0.lowercased.utf8) }, stake: Array(String(stake).utf8),
                delegated: Array(String(delegated).utf8), registered: try r("registered"), active: try r.optional("active") ?? false)
        }
        return rows.digest()
    }

    /// Cheap checks of the forms lip stores.
    enum Canonical {
        /// `0x` + 40 lowercase hex digits.
        static func address(_ s: String) -> Bool { address(utf8: s.utf8) }

        /// The same of text's bytes (read from SQLite's buffers).
        static func address<Bytes: Collection<UInt8>>(utf8 u: Bytes) -> Bool {
            guard u.count == 42, u.first == 0x30 else { return false }
            var i = 0
            for c in u {
                if i == 1 { guard c == 0x78 else { return false } } else if i > 1 { guard (0x30...0x39).contains(c) || (0x61...0x66).contains(c) else { return false } }
                i += 1
            }
            return true
        }

        /// Decimal digits without a leading zero, at most 78 of them (below 10^78 > 2^256; the
        /// exact bound is checked where such an amount is parsed).
        static func amount(_ s: String) -> Bool { amount(utf8: s.utf8) }

        /// The same of text's bytes (read from SQLite's buffers).
        static func amount<Bytes: Collection<UInt8>>(utf8 u: Bytes) -> Bool {
            guard !u.isEmpty, u.count < 78, u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            return u.count == 1 || u.first != 0x30
        }
    }

    /// Computes and stores snapshot `id`'s digest, count and sums.
    static func store(_ db: Database, snapshotID id: Int64, ledgerPath: String) throws {
        let d = try compute(db, snapshotID: id, ledgerPath: ledgerPath)
        // Only when a value differs: the same rows again change no row (and raise no revision).
        try db.execute(
            sql: """
                UPDATE snapshots SET rows_sha256 = ?1, active_stake = ?2, accounts = ?3, total_stake = ?4
                WHERE id = ?5 AND (rows_sha256 IS NOT ?1 OR active_stake IS NOT ?2 OR accounts IS NOT ?3 OR total_stake IS NOT ?4)
                """,
            arguments: [d.rowsSHA256, StoredWei(d.activeStake), d.accounts, StoredWei(d.totalStake), id])
    }
}
