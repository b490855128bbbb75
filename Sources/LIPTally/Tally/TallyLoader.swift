import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPLedger
import GRDB

extension Ledger {
    /// Gathers the tally inputs for `poll` from the ledger: the snapshot(s) the stake mode calls
    /// for, the migrations counted, and every vote cast in the poll.
    public func tallyInputs(poll: PollParameters, stakeMode: StakeMode, quorumBase: QuorumBase) throws -> TallyInputs {
        if stakeMode == .l1l2 && quorumBase == .active {
            throw LIPError.usage("--quorum-base active is refused in stake mode l1+l2: unmigrated L1 stake has no active set on L2; use --quorum-base bonded")
        }
        return try database.read { db in
            let votes = try Row.fetchAll(db, sql: "SELECT voter, choice, block, log_index FROM votes WHERE poll = ?", arguments: [poll.address?.lowercased ?? ""]).map {
                CastVote(voter: $0["voter"], choice: $0["choice"], block: $0["block"], logIndex: $0["log_index"])
            }
            var warnings: [String] = []
            switch stakeMode {
            case .l1, .l2:
                let chain: Chain = stakeMode == .l1 ? .l1 : .l2
                let snapshot = try Ledger.snapshotFor(db, chain: chain, endBlock: poll.endBlock)
                var digest = TallyDigest(poll: poll, stakeMode: stakeMode, quorumBase: quorumBase)
                let positions = try Ledger.rows(db, snapshot: snapshot, digest: &digest)
                let reachedBlock = chain == .l1 ? snapshot.block : snapshot.l1Block!
                let override = quorumBase == .bonded ? snapshot.totalBonded : snapshot.totalActive
                if chain == .l2, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM migrations WHERE l2_block <= ?", arguments: [snapshot.block])! > 0,
                   try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM snapshots WHERE chain = 'l1' AND block <= ?", arguments: [poll.endBlock])! > 0 {
                    warnings.append("the ledger holds an L1 snapshot and migrations: if the poll is in the migration window, unmigrated L1 stake counts only with --stake l1+l2")
                }
                if let override {
                    warnings.append("the quorum base is the on-chain total \(quorumBase == .bonded ? "bonded" : "active") stake given at import (\(override) wei), not the sum of the snapshot")
                }
                return TallyInputs(poll: poll, stakeMode: stakeMode, quorumBase: quorumBase,
                                   snapshots: [SnapshotReference(chain: chain, block: snapshot.block, l1Block: snapshot.l1Block)],
                                   provisional: reachedBlock < poll.endBlock, positions: positions,
                                   votes: votes, totalOverride: override, warnings: warnings, inputsDigest: digest.finish(votes: votes, migrations: [], totalOverride: override))
            case .l1l2:
                let s2 = try Ledger.snapshotFor(db, chain: .l2, endBlock: poll.endBlock)
                let s1 = try Ledger.snapshotFor(db, chain: .l1, endBlock: poll.endBlock)
                let migrations = try Row.fetchAll(db, sql: "SELECT kind, l1_account, l2_account, l2_block, pool FROM migrations WHERE l2_block <= ? ORDER BY kind, l1_account", arguments: [s2.block]).map {
                    CountedMigration(kind: $0["kind"], l1Account: $0["l1_account"], l2Account: $0["l2_account"], l2Block: $0["l2_block"], pool: $0["pool"])
                }
                let later = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM migrations WHERE l2_block > ?", arguments: [s2.block])!
                if later > 0 { warnings.append("\(later) migration\(later == 1 ? "" : "s") after the L2 snapshot's block \(s2.block) \(later == 1 ? "was" : "were") not counted") }
                var digest = TallyDigest(poll: poll, stakeMode: stakeMode, quorumBase: quorumBase)
                let l2Rows = try Ledger.rows(db, snapshot: s2, digest: &digest)
                let l1Rows = try Ledger.rows(db, snapshot: s1, digest: &digest)
                let positions = try MigrationWindow.positions(l1: l1Rows, l2: l2Rows, migrations: migrations, l2Block: s2.block)
                return TallyInputs(poll: poll, stakeMode: stakeMode, quorumBase: quorumBase,
                                   snapshots: [SnapshotReference(chain: .l2, block: s2.block, l1Block: s2.l1Block), SnapshotReference(chain: .l1, block: s1.block, l1Block: nil)],
                                   provisional: s2.l1Block! < poll.endBlock, positions: positions, votes: votes, migrations: migrations, warnings: warnings,
                                   inputsDigest: digest.finish(votes: votes, migrations: migrations, totalOverride: nil))
            }
        }
    }

    /// The L1 snapshot with the greatest block <= endBlock, or the L2 snapshot with the greatest L1 block <= endBlock.
    static func snapshotFor(_ db: Database, chain: Chain, endBlock: Int) throws -> SnapshotInfo {
        let sql = chain == .l1
            ? "SELECT * FROM snapshots WHERE chain = 'l1' AND block <= ? ORDER BY block DESC LIMIT 1"
            : "SELECT * FROM snapshots WHERE chain = 'l2' AND l1_block <= ? ORDER BY l1_block DESC, block DESC LIMIT 1"
        if let row = try Row.fetchOne(db, sql: sql, arguments: [endBlock]) { return SnapshotInfo(row: row) }
        let what = chain == .l1 ? "L1 snapshot at or before block \(endBlock)" : "L2 snapshot whose L1 block is at or before \(endBlock)"
        let how = chain == .l1 ? "lip ledger import snapshot FILE --chain l1 --block \(endBlock)" : "lip ledger import snapshot FILE --chain l2 --block N --l1-block \(endBlock)"
        throw LIPError.usage("the poll ends at L1 block \(endBlock) and the ledger has no \(what): import one with `\(how)`")
    }

    /// Reads a snapshot's rows in account order as positions on its chain, adding each row to the inputs digest as stored.
    static func rows(_ db: Database, snapshot: SnapshotInfo, digest: inout TallyDigest) throws -> [Position] {
        var out: [Position] = []
        out.reserveCapacity(snapshot.accounts)
        digest.add("snapshot|\(snapshot.chain.rawValue)|\(snapshot.block)|\(snapshot.l1Block.map(String.init) ?? "-")|\(snapshot.accounts)")
        let cursor = try Row.fetchCursor(db, sql: "SELECT account, delegate, stake, delegated_stake, registered, active FROM snapshot_accounts WHERE snapshot_id = ? ORDER BY account", arguments: [snapshot.id])
        while let row = try cursor.next() {
            let account: String = row[0], delegate: String? = row[1], stake: String = row[2], delegated: String = (row[3] as String?) ?? "0"
            let registered: Bool = row[4], active: Bool = (row[5] as Bool?) ?? false
            digest.add("row|" + account + "|" + (delegate ?? "-") + "|" + stake + "|" + delegated + (registered ? "|1" : "|0") + (active ? "|1" : "|0"))
            out.append(Position(account: account, delegate: delegate, stake: BigUInt(stake, radix: 10)!, delegatedStake: BigUInt(delegated, radix: 10)!,
                                registered: registered, active: active, domain: snapshot.chain))
        }
        return out
    }
}
