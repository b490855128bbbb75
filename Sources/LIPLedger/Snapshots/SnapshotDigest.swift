import BigInt
import Crypto
import Foundation
import LIPEthereum
import GRDB
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
        var hasher = SHA256()
        // The canonical text, as bytes, hashed a megabyte at a time.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 512)
        func append(_ s: String) {
            var s = s
            s.withUTF8 { buffer.append(contentsOf: $0) }
        }
        var active = BigUInt(0), total = BigUInt(0), count = 0
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT snapshot_id, account, delegate, stake, delegated_stake, registered, active FROM snapshot_accounts WHERE snapshot_id = ? ORDER BY account",
            arguments: [id])
        func text(_ value: DatabaseValue) -> String? {
            if case .string(let s) = value.storage { return s }
            return nil
        }
        func flag(_ value: DatabaseValue) -> Bool? {
            switch value.storage {
            case .int64(0), .null: return false
            case .int64(1): return true
            default: return nil
            }
        }
        let rowPrefix = Array("row|".utf8), bar = UInt8(ascii: "|")
        while let row = try cursor.next() {
            let accountValue: DatabaseValue = row[1], delegateValue: DatabaseValue = row[2], stakeValue: DatabaseValue = row[3]
            let delegatedValue: DatabaseValue = row[4]
            // The common case, checked cheaply: lowercase 0x addresses and canonical decimal amounts.
            if let account = text(accountValue), Canonical.address(account), let stake = text(stakeValue), Canonical.amount(stake),
                delegateValue.isNull || text(delegateValue).map(Canonical.address) == true,
                delegatedValue.isNull || text(delegatedValue).map(Canonical.amount) == true, let registered = flag(row[5]), let isActive = flag(row[6])
            {
                let delegated = text(delegatedValue) ?? "0"
                buffer.append(contentsOf: rowPrefix)
                append(account)
                buffer.append(bar)
                if let delegate = text(delegateValue) { append(delegate) } else { buffer.append(UInt8(ascii: "-")) }
                buffer.append(bar)
                append(stake)
                buffer.append(bar)
                append(delegated)
                buffer.append(contentsOf: registered ? [bar, 0x31] : [bar, 0x30])
                buffer.append(contentsOf: isActive ? [bar, 0x31, 0x0A] : [bar, 0x30, 0x0A])
                if registered && isActive { active += Amount.value(ofDigits: delegated.utf8) }
                total += Amount.value(ofDigits: stake.utf8)
            } else {
                // Anything else goes through StoredRow, which names the table, row and column of a bad value.
                let r = StoredRow(row: row, table: "snapshot_accounts", key: ["snapshot_id", "account"], ledger: ledgerPath)
                let account: Address = try r("account")
                let delegate: Address? = try r.optional("delegate")
                let stake: BigUInt = try r("stake")
                let delegated: BigUInt = try r.optional("delegated_stake") ?? 0
                let registered: Bool = try r("registered")
                let isActive: Bool = try r.optional("active") ?? false
                append(
                    "row|" + account.lowercased + "|" + (delegate?.lowercased ?? "-") + "|" + String(stake) + "|" + String(delegated) + (registered ? "|1" : "|0")
                        + (isActive ? "|1\n" : "|0\n"))
                if registered && isActive { active += delegated }
                total += stake
            }
            if buffer.count >= 1 << 20 {
                hasher.update(data: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
            count += 1
        }
        hasher.update(data: buffer)
        return SnapshotDigest(rowsSHA256: Hex.encode(Array(hasher.finalize())), activeStake: active, accounts: count, totalStake: total)
    }

    /// Cheap checks of the forms lip stores.
    enum Canonical {
        /// `0x` + 40 lowercase hex digits.
        static func address(_ s: String) -> Bool {
            let u = s.utf8
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
        try db.execute(
            sql: "UPDATE snapshots SET rows_sha256 = ?, active_stake = ?, accounts = ?, total_stake = ? WHERE id = ?",
            arguments: [d.rowsSHA256, StoredWei(d.activeStake), d.accounts, StoredWei(d.totalStake), id])
    }
}
