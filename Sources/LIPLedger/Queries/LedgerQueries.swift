import BigInt
import Foundation
import LIPEthereum
import GRDB
import GRDBSQLite
import LIPCore

// The typed reads of the ledger: every SELECT of the project lives in this module.

extension Ledger {
    /// Wraps a fetched row of `table`, identified in messages by `key`; `indexes` (from
    /// `StoredRow.indexes(of:)`) read many rows of one query without name lookups.
    func stored(_ row: Row, _ table: String, key: [String], indexes: [String: Int]? = nil) -> StoredRow {
        StoredRow(row: row, table: table, key: key, ledger: path, indexes: indexes)
    }

    /// Every snapshot, by chain then block.
    public func snapshots() throws -> [SnapshotInfo] {
        try read { db in try SnapshotInfo.fetchAll(db, sql: "SELECT * FROM snapshots ORDER BY chain, block") }
    }

    /// The snapshot of `chain` at `block`, or nil.
    public func snapshot(chain: Chain, block: Int) throws -> SnapshotInfo? {
        try read { db in
            try SnapshotInfo.fetchOne(db, sql: "SELECT * FROM snapshots WHERE chain = ? AND block = ?", arguments: [chain, block])
        }
    }

    /// The snapshot a poll ending at L1 block `endBlock` is weighed with: the L1 snapshot with the
    /// greatest block <= endBlock, or the L2 snapshot with the greatest L1 block <= endBlock.
    /// Throws a usage error that says what to import when there is none.
    public func snapshot(chain: Chain, forEndBlock endBlock: Int) throws -> SnapshotInfo {
        let sql =
            chain == .l1
            ? "SELECT * FROM snapshots WHERE chain = 'l1' AND block <= ? ORDER BY block DESC LIMIT 1"
            : "SELECT * FROM snapshots WHERE chain = 'l2' AND l1_block <= ? ORDER BY l1_block DESC, block DESC LIMIT 1"
        if let found = try read({ db in try SnapshotInfo.fetchOne(db, sql: sql, arguments: [endBlock]) }) { return found }
        let what = chain == .l1 ? "L1 snapshot at or before block \(endBlock)" : "L2 snapshot whose L1 block is at or before \(endBlock)"
        let how = chain == .l1 ? "lip ledger import snapshot FILE --chain l1 --block \(endBlock)" : "lip ledger import snapshot FILE --chain l2 --block N --l1-block \(endBlock)"
        throw LIPError.usage("the poll ends at L1 block \(endBlock) and the ledger has no \(what): import one with `\(how)`")
    }

    /// Calls `body` with each account of `snapshot`, by account, without holding them all.
    public func forEachAccount(of snapshot: SnapshotInfo, _ body: (SnapshotAccount) throws -> Void) throws {
        try read { db in
            let statement = try db.makeStatement(sql: "SELECT \(SnapshotAccount.columns) FROM snapshot_accounts WHERE snapshot_id = ? ORDER BY account")
            try statement.setArguments([snapshot.id])
            try db.forEachRecord(SnapshotAccount.self, of: statement, body)
        }
    }

    /// The accounts of `snapshot` among `accounts` (those it has), by account: read by key, so a
    /// tally reads only the rows of the accounts that can weigh.
    public func accounts(of snapshot: SnapshotInfo, among accounts: [Address]) throws -> [SnapshotAccount] {
        // Sorted, then duplicates dropped: cheaper than hashing a hundred thousand addresses.
        var wanted = accounts.sorted()
        wanted = zip(wanted.indices, wanted).filter { $0.0 == 0 || wanted[$0.0 - 1] != $0.1 }.map(\.1)
        var out: [SnapshotAccount] = []
        out.reserveCapacity(wanted.count)
        try read { db in
            // Chunks of 2,000 keys, each statement prepared once; rows read by column index.
            var statements: [Int: Statement] = [:]
            for start in stride(from: 0, to: wanted.count, by: 2_000) {
                let chunk = wanted[start..<min(wanted.count, start + 2_000)]
                let statement: Statement
                if let cached = statements[chunk.count] {
                    statement = cached
                } else {
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    statement = try db.makeStatement(
                        sql: "SELECT \(SnapshotAccount.columns) FROM snapshot_accounts WHERE snapshot_id = ? AND account IN (\(marks)) ORDER BY account")
                    statements[chunk.count] = statement
                }
                statement.setUncheckedArguments(StatementArguments([snapshot.id.databaseValue] + chunk.map(\.databaseValue)))
                try db.forEachRecord(SnapshotAccount.self, of: statement) { out.append($0) }
            }
        }
        // The rows come back in key order within each chunk, and the chunks are in order.
        if !zip(out, out.dropFirst()).allSatisfy({ $0.account < $1.account }) { out.sort { $0.account < $1.account } }
        return out
    }

    /// The accounts of `snapshot` that voted in `poll` (its votes in the ledger), by account: SQLite
    /// finds them from the votes table, so a tally of a hundred thousand voters binds no key lists.
    /// A large poll's voters are read in two halves (split at the middle voter) on two
    /// connections at once: the rows of every tenth account touch every page of the snapshot,
    /// and reading them is most of a large tally.
    public func accounts(of snapshot: SnapshotInfo, votersOf poll: Address) throws -> [SnapshotAccount] {
        let select = "SELECT \(SnapshotAccount.columns) FROM snapshot_accounts WHERE snapshot_id = ? AND account IN (SELECT voter FROM votes WHERE poll = ?"
        let middle: String? = try read { db in
            let voters = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT voter) FROM votes WHERE poll = ?", arguments: [poll]) ?? 0
            guard voters >= 20_000 else { return nil }
            return try String.fetchOne(db, sql: "SELECT DISTINCT voter FROM votes WHERE poll = ? ORDER BY voter LIMIT 1 OFFSET ?", arguments: [poll, voters / 2])
        }
        guard let middle else {
            return try read { db in try db.fetchAllRecords(SnapshotAccount.self, sql: select + ") ORDER BY account", arguments: [snapshot.id, poll]) }
        }
        let halves = Halves()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            halves.set(
                k,
                Result {
                    try read { db in
                        try db.fetchAllRecords(
                            SnapshotAccount.self, sql: select + (k == 0 ? " AND voter < ?" : " AND voter >= ?") + ") ORDER BY account", arguments: [snapshot.id, poll, middle])
                    }
                })
        }
        return try halves.get(0).get() + halves.get(1).get()
    }

    /// The rows of `snapshot`'s accounts delegated to `delegate` (other than itself) that voted
    /// in `poll`, by account: the delegators whose votes take stake off an orchestrator's.
    package func accounts(of snapshot: SnapshotInfo, delegatedTo delegate: Address, votersOf poll: Address) throws -> [SnapshotAccount] {
        try read { db in
            try db.fetchAllRecords(
                SnapshotAccount.self,
                sql: """
                    SELECT \(SnapshotAccount.columns) FROM snapshot_accounts
                    WHERE snapshot_id = ? AND delegate = ? AND account <> ? AND EXISTS (SELECT 1 FROM votes WHERE poll = ? AND voter = snapshot_accounts.account)
                    ORDER BY account
                    """, arguments: [snapshot.id, delegate, delegate, poll])
        }
    }

    /// The registered orchestrators of `snapshot` (a synced poll's: the transcoder pool at its
    /// deciding block, with the voters' and delegates' rows), by account.
    public func registeredAccounts(of snapshot: SnapshotInfo) throws -> [Address] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT account FROM snapshot_accounts WHERE snapshot_id = ? AND registered = 1 ORDER BY account", arguments: [snapshot.id]).map {
                try stored($0, "snapshot_accounts", key: ["account"])("account", as: Address.self)
            }
        }
    }

    /// The two halves of a split read, each written by its own thread.
    private final class Halves: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<[SnapshotAccount], Error>] = [.success([]), .success([])]
        func set(_ k: Int, _ result: Result<[SnapshotAccount], Error>) { lock.withLock { results[k] = result } }
        func get(_ k: Int) -> Result<[SnapshotAccount], Error> { lock.withLock { results[k] } }
    }

    /// Every vote of `poll`, in no particular order.
    public func votes(poll: Address?) throws -> [CastVote] {
        guard let poll else { return [] }
        return try read { db in
            try db.fetchAllRecords(CastVote.self, sql: "SELECT \(CastVote.columns) FROM votes WHERE poll = ? ORDER BY voter, block, log_index", arguments: [poll])
        }
    }

    /// The votes of `voters` in `poll`, in no particular order.
    package func votes(poll: Address, voters: [Address]) throws -> [CastVote] {
        let wanted = Array(Set(voters)).sorted()
        guard !wanted.isEmpty else { return [] }
        return try read { db in
            try db.fetchAllRecords(
                CastVote.self,
                sql: "SELECT \(CastVote.columns) FROM votes WHERE poll = ? AND voter IN (\(wanted.map { _ in "?" }.joined(separator: ","))) ORDER BY voter, block, log_index",
                arguments: StatementArguments([poll.databaseValue] + wanted.map(\.databaseValue)))
        }
    }

    /// The migrations with L2 block <= `l2Block`, by kind and L1 account.
    public func migrations(atOrBefore l2Block: Int) throws -> [StakeMigration] {
        try read { db in
            try StakeMigration.fetchAll(
                db, sql: "SELECT kind, l1_account, l2_account, l2_block, pool FROM migrations WHERE l2_block <= ? ORDER BY kind, l1_account", arguments: [l2Block])
        }
    }

    /// How many migrations have an L2 block after `l2Block`.
    public func migrationCount(after l2Block: Int) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM migrations WHERE l2_block > ?", arguments: [l2Block]) ?? 0 }
    }

    /// Every poll that has a PollCreated, by address, with its vote count.
    /// Without `countingVotes` their `votes` are nil (counting reads every vote row).
    public func polls(countingVotes: Bool = true) throws -> [PollInfo] {
        let count = countingVotes ? "(SELECT COUNT(*) FROM votes v WHERE v.poll = p.address)" : "NULL"
        return try read { db in try PollInfo.fetchAll(db, sql: "SELECT p.*, \(count) AS n FROM polls p ORDER BY address") }
    }

    /// The contracts that emitted a PollCreated for `poll` on `chain` (one, for a poll created
    /// once): a poll counts only when its creator is the network's PollCreator.
    public func pollCreators(of poll: Address, chain: Chain) throws -> [Address] {
        try read { db in
            // topics: topic0 then topic1 (the poll, 12 zero bytes and its 20), 32 bytes each.
            try Data.fetchAll(
                db, sql: "SELECT DISTINCT address FROM logs WHERE chain = ? AND event = 'PollCreated' AND substr(topics, 45, 20) = ? ORDER BY address",
                arguments: [chain, Data(poll.bytes)]
            ).compactMap { $0.count == 20 ? Address(bytes: Array($0)) : nil }
        }
    }

    /// What the ledger holds.
    public func status() throws -> LedgerStatus {
        let snapshots = try self.snapshots()
        let polls = try self.polls()
        let scans = try migrationScans()
        return try read { db in
            let migrations = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM migrations") ?? 0
            let l1Block = snapshots.filter { $0.chain == .l1 }.map(\.block).max()
            var window: LedgerStatus.MigrationWindow?
            if l1Block != nil || migrations > 0 || !scans.isEmpty {
                let span = try Row.fetchOne(db, sql: "SELECT MIN(l2_block) AS first, MAX(l2_block) AS last FROM migrations")
                let r = span.map { stored($0, "migrations", key: ["l2_block"]) }
                window = LedgerStatus.MigrationWindow(
                    l1SnapshotBlock: l1Block, migrations: migrations, firstL2Block: try r?.optional("first"), lastL2Block: try r?.optional("last"), scans: scans)
            }
            // Votes for a poll whose PollCreated is not imported yet are listed too, with what is known.
            let orphans = try Row.fetchAll(db, sql: "SELECT poll, COUNT(*) AS n FROM votes WHERE poll NOT IN (SELECT address FROM polls) GROUP BY poll ORDER BY poll").map { row in
                let r = stored(row, "votes", key: ["poll"])
                return LedgerStatus.Poll(address: try r("poll"), chain: nil, endBlock: nil, votes: try r("n"), lip: nil)
            }
            return LedgerStatus(
                path: path, network: try LedgerNetwork.fetchOne(db, sql: "SELECT id, name, l1_chain_id, l2_chain_id FROM ledger_network"), snapshots: snapshots,
                polls: polls.map { LedgerStatus.Poll(address: $0.address, chain: $0.chain, endBlock: $0.endBlock, votes: $0.votes ?? 0, lip: $0.lip) } + orphans,
                migrations: migrations, window: window,
                logsImported: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM logs WHERE event IS NOT NULL") ?? 0,
                logsSkipped: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM logs WHERE event IS NULL") ?? 0)
        }
    }

    /// What a report's inputs came from: a poll (its address, the snapshots it was weighed with,
    /// whether migrations count), or a governor's proposals.
    public enum ImportScope: Sendable {
        /// A poll tally.
        case poll(Address, snapshots: [(chain: Chain, block: Int)], migrations: Bool)
        /// A proposal tally.
        case governor
    }

    /// The imports that rebuild the inputs of `scope`, in the order of `imports()`: a poll's
    /// snapshots (imported, or read by a sync), its logs and votes, and the migrations when they
    /// count; a governor's logs, state files and syncs. A log import made before the ledger knew
    /// what each import held (v8) is listed, since it may hold them.
    public func imports(for scope: ImportScope) throws -> [ImportRecord] {
        let holds: [Int64: Set<String>] = try read { db in
            var out: [Int64: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT import_id, poll FROM import_polls") {
                let r = stored(row, "import_polls", key: ["import_id", "poll"])
                out[try r("import_id"), default: []].insert(try r("poll"))
            }
            return out
        }
        let snapshotIDs: [Int64: (Chain, Int)] = try read { db in
            var out: [Int64: (Chain, Int)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, chain, block FROM snapshots") {
                let r = stored(row, "snapshots", key: ["id"])
                out[try r("id")] = (try r("chain"), try r("block"))
            }
            return out
        }
        return try importRows().filter { id, snapshotID, record in
            let held = holds[id]
            switch scope {
            case .poll(let poll, let snapshots, let migrations):
                func usedSnapshot() -> Bool {
                    guard let snapshotID, let (chain, block) = snapshotIDs[snapshotID] else { return false }
                    return snapshots.contains { $0.chain == chain && $0.block == block }
                }
                switch record.kind {
                case .snapshot: return usedSnapshot()
                case .sync: return record.poll == poll || usedSnapshot()
                case .votes: return record.poll == poll
                case .migrations, .migrationSync: return migrations
                case .logs: return held.map { $0.contains(poll.lowercased) || (migrations && $0.contains("migrations")) } ?? true
                case .governorState, .proposalSync: return false
                }
            case .governor:
                switch record.kind {
                case .governorState, .proposalSync: return true
                case .logs: return held.map { $0.contains("governor") } ?? true
                case .snapshot, .sync, .votes, .migrations, .migrationSync: return false
                }
            }
        }.map(\.record)
    }

    /// The imports that built the ledger, snapshots first, then migrations, logs and votes.
    public func imports() throws -> [ImportRecord] {
        try importRows().map(\.record)
    }

    /// Every import with its id and the snapshot it made, in report order.
    private func importRows() throws -> [(id: Int64, snapshotID: Int64?, record: ImportRecord)] {
        let records: [(id: Int64, snapshotID: Int64?, record: ImportRecord)] = try read { db in
            try ImportRow.fetchAll(db, sql: "SELECT * FROM imports ORDER BY id").map { ($0.id, $0.snapshotID, $0.record) }
        }
        let rank: [ImportKind: Int] = [.snapshot: 0, .sync: 1, .migrations: 2, .migrationSync: 2, .logs: 3, .votes: 4, .governorState: 5, .proposalSync: 6]
        return records.sorted { x, y in
            let (a, b) = (x.record, y.record)
            let ka = (rank[a.kind] ?? 9, a.options.joined(separator: " "), a.file), kb = (rank[b.kind] ?? 9, b.options.joined(separator: " "), b.file)
            return ka < kb
        }
    }

    /// The LIP-73 entries of the snapshot at `block`, by account.
    public func snapshotEntries(chain: Chain, block: Int) throws -> [SnapshotEntry] {
        guard let snapshot = try snapshot(chain: chain, block: block) else {
            let have = try snapshots().filter { $0.chain == chain }.map { String($0.block) }
            throw LIPError.usage(
                "the ledger has no \(chain.rawValue) snapshot at block \(block)"
                    + (have.isEmpty
                        ? "; import one with `lip ledger import snapshot FILE --chain \(chain.rawValue) --block \(block)`" : " (it has: \(have.joined(separator: ", ")))"))
        }
        var entries: [SnapshotEntry] = []
        try forEachAccount(of: snapshot) { a in
            entries.append(SnapshotEntry(delegator: a.account, delegate: a.delegate ?? .zero, stake: a.stake, fees: a.fees ?? 0))
        }
        return entries
    }
}

extension Ledger {
    /// Every account that voted in a poll the ledger holds (any vote, a valid choice or not) or
    /// on a governor proposal it holds, once each, in address order.
    package func everyVoter() throws -> [Address] {
        // The polls' voters and the proposals' read at once, each on a core of its own, each in its
        // key's order (a vote's voters one range of the key after another, no sort) and gathered
        // in a set: SQLite's DISTINCT put two million votes through a sorter, most of a second.
        let queries = [
            "SELECT voter, poll, block, log_index FROM votes WHERE poll IN (SELECT address FROM polls) ORDER BY poll, voter, block, log_index",
            "SELECT v.voter, p.governor, p.id FROM proposals p CROSS JOIN proposal_votes v ON v.governor = p.governor AND v.proposal = p.id ORDER BY p.governor, p.id, v.voter",
        ]
        let read = Locked<[Int: Result<Set<Address>, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: queries.count) { k in
            let voters = Result {
                try self.read { db in
                    var voters = Set<Address>()
                    try db.forEachRecord(VoterRow.self, of: try db.makeStatement(sql: queries[k])) { voters.insert($0.voter) }
                    return voters
                }
            }
            read.withLock { $0[k] = voters }
        }
        let (polls, proposals) = try read.withLock { (try $0[0]!.get(), try $0[1]!.get()) }
        return polls.union(proposals).sorted()
    }
}

/// The voter of a row of `votes` or `proposal_votes` (`everyVoter`'s queries, whose first column
/// it is).
private struct VoterRow: LedgerRecord, BufferDecodable {
    let voter: Address

    init?(sqliteStatement s: SQLiteStatement) {
        guard let voter = Address(sqliteStatement: s, index: 0) else { return nil }
        self.voter = voter
    }

    init(row: Row) throws {
        let polls = row.hasColumn("poll")
        voter = try StoredRow(row: row, table: polls ? "votes" : "proposal_votes", key: polls ? ["poll", "voter", "block", "log_index"] : ["governor", "id", "voter"])("voter")
    }
}
