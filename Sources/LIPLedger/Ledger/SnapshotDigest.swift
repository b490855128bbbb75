import BigInt
import Crypto
import Foundation
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

    /// Reads snapshot `id`'s rows in account order and computes what they add up to.
    static func compute(_ db: Database, snapshotID id: Int64, ledgerPath: String) throws -> SnapshotDigest {
        var hasher = SHA256()
        var buffer = ""
        var active = BigUInt(0), total = BigUInt(0), count = 0
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT snapshot_id, account, delegate, stake, delegated_stake, registered, active FROM snapshot_accounts WHERE snapshot_id = ? ORDER BY account",
            arguments: [id])
        while let row = try cursor.next() {
            let r = StoredRow(row: row, table: "snapshot_accounts", key: ["snapshot_id", "account"], ledger: ledgerPath)
            let account: Address = try r("account")
            let delegate: Address? = try r.optional("delegate")
            let stake: BigUInt = try r("stake")
            let delegated: BigUInt = try r.optional("delegated_stake") ?? 0
            let registered: Bool = try r("registered")
            let isActive: Bool = try r.optional("active") ?? false
            buffer +=
                "row|" + account.lowercased + "|" + (delegate?.lowercased ?? "-") + "|" + String(stake) + "|" + String(delegated) + (registered ? "|1" : "|0")
                + (isActive ? "|1\n" : "|0\n")
            if buffer.utf8.count > 1 << 16 {
                hasher.update(data: Data(buffer.utf8))
                buffer = ""
            }
            if registered && isActive { active += delegated }
            total += stake
            count += 1
        }
        hasher.update(data: Data(buffer.utf8))
        return SnapshotDigest(rowsSHA256: Hex.encode(Array(hasher.finalize())), activeStake: active, accounts: count, totalStake: total)
    }

    /// Computes and stores snapshot `id`'s digest, count and sums.
    static func store(_ db: Database, snapshotID id: Int64, ledgerPath: String) throws {
        let d = try compute(db, snapshotID: id, ledgerPath: ledgerPath)
        try db.execute(
            sql: "UPDATE snapshots SET rows_sha256 = ?, active_stake = ?, accounts = ?, total_stake = ? WHERE id = ?",
            arguments: [d.rowsSHA256, d.activeStake, d.accounts, d.totalStake, id])
    }
}
