import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

extension TallyInputs {
    /// Gathers the inputs of `poll` from the ledger: the votes, the rows of the accounts that can
    /// weigh (the voters'; in the migration window also the pools' and every L1 row), the totals
    /// stored with the snapshots at import, and the inputs digest, which names each snapshot by
    /// its stored rows digest. A tally so reads what decides the poll, not every row.
    /// Without a stated quorum base it is `bonded`, or `active` for a partial snapshot (synced by
    /// RPC: only voters and their delegates), whose total is the on-chain active stake.
    /// `alsoRead`: accounts whose rows are read besides the voters' (what `lip poll weight` asks
    /// of an account that has not voted yet).
    /// `around`: only what decides that account's weight is read (on one chain: its row, its
    /// delegate's row and vote, and the rows and votes of the voters delegated to it), so a
    /// count of these inputs weighs that account as the full count does but decides nothing
    /// else; their digest is `-`. The migration window reads everything either way.
    /// `snapshotRows`: every row of a snapshot in account order, when the caller keeps them (a
    /// count of many polls that one snapshot decides); the rows a full count needs are then taken
    /// from those, the same rows it would read by key.
    public static func load(
        from ledger: Ledger, poll: PollParameters, stakeMode: StakeMode, quorumBase stated: QuorumBase?, alsoRead: [Address] = [], around account: Address? = nil,
        snapshotRows: ((SnapshotInfo) throws -> [SnapshotAccount])? = nil
    ) throws -> TallyInputs {
        if stakeMode == .l1l2 && stated == .active {
            throw LIPError.usage("--quorum-base active is refused in stake mode l1+l2: unmigrated L1 stake has no active set on L2; use --quorum-base bonded")
        }
        var votes = try account == nil || stakeMode == .l1l2 ? ledger.votes(poll: poll.address) : []
        var warnings: [String] = []
        switch stakeMode {
        case .l1, .l2:
            let chain: Chain = stakeMode == .l1 ? .l1 : .l2
            let snapshot = try ledger.snapshot(chain: chain, forEndBlock: poll.endBlock)
            let quorumBase = stated ?? (snapshot.partial ? .active : .bonded)
            if snapshot.partial && quorumBase == .bonded {
                throw LIPError.usage(
                    "the \(chain.rawValue) snapshot at block \(snapshot.block) is partial (synced by RPC: only the voters and their delegates), so it has no bonded total: use quorum-base active (the on-chain getTotalBonded()), or sync with --full"
                )
            }
            var digest = TallyDigest(poll: poll, stakeMode: stakeMode, quorumBase: quorumBase)
            add(snapshot, to: &digest)
            let voterRows: [SnapshotAccount]
            // A full count takes its rows from the caller's, when it keeps them.
            let kept = try account == nil ? snapshotRows?(snapshot) : nil
            if let account, let address = poll.address {
                let own = try ledger.accounts(of: snapshot, among: [account])
                let delegate = own.first?.delegate.flatMap { $0 == account ? nil : $0 }
                voterRows = merged(
                    try ledger.accounts(of: snapshot, delegatedTo: account, votersOf: address), try ledger.accounts(of: snapshot, among: [account] + (delegate.map { [$0] } ?? [])))
                votes = try ledger.votes(poll: address, voters: voterRows.map(\.account) + [account] + (delegate.map { [$0] } ?? []))
            } else if let kept {
                voterRows = poll.address == nil ? [] : SnapshotAccount.rows(kept, among: votes.map(\.voter))
            } else {
                voterRows = try poll.address.map { try ledger.accounts(of: snapshot, votersOf: $0) } ?? []
            }
            let alsoRows = try kept.map { SnapshotAccount.rows($0, among: alsoRead) } ?? ledger.accounts(of: snapshot, among: alsoRead)
            let positions = merged(voterRows, alsoRows).map { position($0, snapshot.chain) }
            let override = quorumBase == .bonded ? snapshot.totalBonded : snapshot.totalActive
            if chain == .l2, try !ledger.migrations(atOrBefore: snapshot.block).isEmpty,
                try ledger.snapshots().contains(where: { $0.chain == .l1 && $0.block <= poll.endBlock })
            {
                warnings.append("the ledger holds an L1 snapshot and migrations: if the poll is in the migration window, unmigrated L1 stake counts only with --stake l1+l2")
            }
            if snapshot.source == .rpc {
                warnings.append(
                    "stake read by RPC at \(chain.rawValue) block \(snapshot.block)" + (snapshot.blockHash.map { " (\($0.prefix(18))…)" } ?? "")
                        + (snapshot.partial
                            ? ": the voters and their delegates only; the quorum base is getTotalBonded() there, \(Amount.formatLPT(snapshot.totalActive ?? 0, decimals: 18)) LPT"
                            : ""))
            } else if let override {
                warnings.append(
                    "the quorum base is the on-chain total \(quorumBase.rawValue) stake given at import (\(Amount.formatLPT(override, decimals: 18)) LPT), not the sum of the snapshot"
                )
            }
            return TallyInputs(
                poll: poll, stakeMode: stakeMode, quorumBase: quorumBase,
                snapshots: [SnapshotReference(chain: chain, block: snapshot.block, l1Block: snapshot.l1Block)],
                provisional: snapshot.l1Position < poll.endBlock, positions: positions, votes: votes, totalOverride: override,
                totalBonded: snapshot.totalStake, totalActive: snapshot.activeStake, warnings: warnings,
                inputsDigest: account == nil ? digest.finish(votes: votes, migrations: [], totalOverride: override) : "-")
        case .l1l2:
            let quorumBase = stated ?? .bonded
            var digest = TallyDigest(poll: poll, stakeMode: stakeMode, quorumBase: quorumBase)
            let s2 = try ledger.snapshot(chain: .l2, forEndBlock: poll.endBlock)
            let s1 = try ledger.snapshot(chain: .l1, forEndBlock: poll.endBlock)
            if let partial = [s2, s1].first(where: \.partial) {
                throw LIPError.usage(
                    "the migration window (l1+l2) needs whole snapshots, and the \(partial.chain.rawValue) snapshot at block \(partial.block) is partial: sync it with --full")
            }
            let migrations = try ledger.migrations(atOrBefore: s2.block)
            let later = try ledger.migrationCount(after: s2.block)
            if later > 0 { warnings.append("\(later) migration\(later == 1 ? "" : "s") after the L2 snapshot's block \(s2.block) \(later == 1 ? "was" : "were") not counted") }
            // Migrations read from a node are known only up to where the sync stopped.
            if let readTo = try ledger.migrationScans().filter({ $0.chain == .l2 }).map(\.scannedTo).max(), readTo < s2.block {
                warnings.append(
                    "the L2Migrator's logs are read up to L2 block \(readTo) only, before the L2 snapshot's block \(s2.block): migrations between them are not counted (run lip ledger sync migrations)"
                )
            }
            add(s2, to: &digest)
            add(s1, to: &digest)
            // From L2 only the voters' rows and the pools' (their stake is shared out); from L1
            // every row (few: the frozen LIP-73 snapshot), which the pool shares need.
            let pools = migrations.compactMap(\.pool)
            // The voters' rows found by SQLite from the votes, the pools' by key; merged in account order, once each.
            let voterRows = try poll.address.map { try ledger.accounts(of: s2, votersOf: $0) } ?? []
            let poolRows = try ledger.accounts(of: s2, among: pools + alsoRead)
            let l2Rows = merged(voterRows, poolRows).map { position($0, .l2) }
            var l1Rows: [Position] = []
            try ledger.forEachAccount(of: s1) { l1Rows.append(position($0, .l1)) }
            let positions = try MigrationWindow.positions(l1: l1Rows, l2: l2Rows, migrations: migrations, l2Block: s2.block)
            // Every unit of stake is in one position: all of L2 (pool shares only move stake
            // within it) plus what stays on L1.
            let totalBonded = positions.filter { $0.domain == .l1 }.reduce(s2.totalStake) { $0 + $1.stake }
            return TallyInputs(
                poll: poll, stakeMode: stakeMode, quorumBase: quorumBase,
                snapshots: [SnapshotReference(chain: .l2, block: s2.block, l1Block: s2.l1Block), SnapshotReference(chain: .l1, block: s1.block, l1Block: nil)],
                provisional: s2.l1Position < poll.endBlock, positions: positions, votes: votes, migrations: migrations, totalBonded: totalBonded,
                warnings: warnings, inputsDigest: digest.finish(votes: votes, migrations: migrations, totalOverride: nil))
        }
    }

    /// Two account-ordered row lists merged in account order, each account once.
    private static func merged(_ a: [SnapshotAccount], _ b: [SnapshotAccount]) -> [SnapshotAccount] {
        guard !b.isEmpty else { return a }
        var out: [SnapshotAccount] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].account < b[j].account) {
                out.append(a[i])
                i += 1
            } else {
                if i < a.count && a[i].account == b[j].account { i += 1 }
                out.append(b[j])
                j += 1
            }
        }
        return out
    }

    /// Names `snapshot` in the digest by its stored rows digest.
    private static func add(_ snapshot: SnapshotInfo, to digest: inout TallyDigest) {
        digest.add("snapshot|\(snapshot.chain.rawValue)|\(snapshot.block)|\(snapshot.l1Block.map(String.init) ?? "-")|\(snapshot.accounts)|\(snapshot.rowsSHA256)")
    }

    /// An account row as a position on `domain`.
    private static func position(_ a: SnapshotAccount, _ domain: Chain) -> Position {
        Position(
            account: a.account, delegate: a.delegate, stake: a.stake, delegatedStake: a.delegatedStake, registered: a.registered,
            active: a.active ?? false, domain: domain)
    }
}
