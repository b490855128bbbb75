import Crypto
import Foundation
import LIPCore
import GRDB

/// The SQLite ledger: stake snapshots, event logs, polls, votes, migrations and governor proposals.
///
/// One file (default `.lip/ledger.sqlite` in the workspace), in WAL mode with a busy timeout so
/// that two `lip` processes wait for each other instead of failing. Amounts are decimal TEXT.
/// The schema only changes through the named, append-only migrations below. This module is the
/// only one that reads or writes the ledger's tables: others get typed values from its methods.
public final class Ledger: Sendable {
    /// The database; private, so that every query lives in this module.
    let database: DatabaseQueue
    /// The file path.
    public let path: String

    /// Opens the ledger at `path` and brings its schema up to date. With `create` (imports) a
    /// missing file and its folder are made; without (every reader) a missing ledger is an error
    /// and nothing is created. A ledger that a newer `lip` migrated is refused either way.
    public init(path: String, create: Bool) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw LIPError.unreadable(path: path, reason: "is a folder, not a ledger file") }
        if !exists {
            guard create else {
                throw LIPError.unreadable(path: path, reason: "no ledger there; `lip ledger import …` creates one (or name another with --db PATH)")
            }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        }
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(60)
        // A new ledger is made with 16 KiB pages (SQLite's default is 4 KiB): a log's key index
        // takes each insert at a random place (transaction hashes are random), and with bigger
        // pages fewer of them leave the page cache and are read and written again (`lip-dev
        // bench-logs`: 20% faster at 10^6 logs; tallies the same). The pragma does nothing to a
        // ledger that exists: its pages keep their size.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL") }
        // Two processes may create or upgrade the same ledger at once. Switching a new file to WAL
        // can be refused while the other holds its lock, and each migration runs in its own
        // transaction: the process that loses the race may find its migration already applied
        // under it (a table that exists, a column that is gone). Its transaction rolled back, so
        // it waits a moment and tries again; the next try sees what the other process applied.
        var busy = 0
        var raced = 0
        while true {
            do {
                let queue = try DatabaseQueue(path: path, configuration: config)
                try Ledger.refuseNewer(queue, path: path)
                try Ledger.migrator.migrate(queue)
                // Snapshots stored before v5 get their digests once (each in its own transaction).
                for id in try queue.read({ try Int64.fetchAll($0, sql: "SELECT id FROM snapshots WHERE rows_sha256 IS NULL") }) {
                    try queue.write { try SnapshotDigest.store($0, snapshotID: id, ledgerPath: path) }
                }
                database = queue
                break
            } catch let error as DatabaseError where busy < 100 && (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) {
                busy += 1
                usleep(50_000)
            } catch let error as DatabaseError where raced < 20 && (error.resultCode == .SQLITE_ERROR || error.resultCode == .SQLITE_CONSTRAINT) {
                // SQLITE_CONSTRAINT: the other process recorded the same migration first.
                raced += 1
                usleep(50_000)
            } catch let error as DatabaseError {
                throw LIPError.unreadable(path: path, reason: "not a usable ledger: \(error.message ?? error.description)")
            } catch let problem as RowProblem {
                // A stored value a migration could not convert (v7-binary-logs).
                throw LIPError.unreadable(path: path, reason: "not a usable ledger: \(problem.message)")
            }
        }
    }

    /// Refuses a ledger with migrations this build does not know: a newer `lip` wrote it, and
    /// reading or writing it with this one could misread or damage what that one stored.
    static func refuseNewer(_ queue: DatabaseQueue, path: String) throws {
        let unknown: [String] = try queue.read { db in
            // A new file, or one another process is creating right now: nothing to refuse.
            guard try db.tableExists("grdb_migrations"), try migrator.hasBeenSuperseded(db) else { return [] }
            let known = Set(migrator.migrations)
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier").filter { !known.contains($0) }
        }
        guard unknown.isEmpty else {
            throw LIPError.unreadable(
                path: path, reason: "written by a newer lip: it has schema migrations this lip does not know (\(unknown.joined(separator: ", "))); use that lip or a newer one")
        }
    }

    /// The schema, as named migrations. Never edit one that has shipped: add another.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-ledger") { db in
            try db.execute(
                sql: """
                    -- One stake snapshot of one chain at one block.
                    CREATE TABLE snapshots (
                        id INTEGER PRIMARY KEY,
                        chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                        block INTEGER NOT NULL,          -- block number on its own chain
                        l1_block INTEGER,                -- l2 only: the L1 block Arbitrum reported for it
                        source TEXT NOT NULL,            -- csv, lip73 or subgraph
                        accounts INTEGER NOT NULL,       -- number of rows in snapshot_accounts
                        total_stake TEXT NOT NULL,       -- sum of stake, decimal wei
                        total_bonded TEXT,               -- on-chain total given at import (quorum base), decimal wei
                        total_active TEXT,               -- on-chain active total given at import, decimal wei
                        content_sha256 TEXT NOT NULL,    -- digest of the imported file and options (idempotency)
                        zero_entry INTEGER NOT NULL DEFAULT 0, -- lip73: the file had the all-zero entry (not stored as an account)
                        UNIQUE (chain, block)
                    );
                    -- Every account of a snapshot.
                    CREATE TABLE snapshot_accounts (
                        snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
                        account TEXT NOT NULL,           -- lowercase 0x address
                        delegate TEXT,                   -- lowercase 0x address, NULL when none
                        stake TEXT NOT NULL,             -- pendingStake at the block, decimal wei
                        delegated_stake TEXT,            -- stake delegated to this account as orchestrator, decimal wei
                        registered INTEGER NOT NULL,     -- 1 when a registered orchestrator
                        active INTEGER,                  -- 1 active, 0 not, NULL unknown
                        fees TEXT,                       -- lip73 only: the fees of the packed entry, decimal wei
                        PRIMARY KEY (snapshot_id, account)
                    ) WITHOUT ROWID;
                    CREATE INDEX snapshot_accounts_by_delegate ON snapshot_accounts (snapshot_id, delegate);
                    -- Raw event logs, as eth_getLogs returned them.
                    CREATE TABLE logs (
                        chain TEXT NOT NULL,
                        transaction_hash TEXT NOT NULL,
                        log_index INTEGER NOT NULL,
                        block_number INTEGER NOT NULL,
                        address TEXT NOT NULL,           -- emitting contract, lowercase
                        topics TEXT NOT NULL,            -- JSON array of 0x topics
                        data TEXT NOT NULL,              -- 0x hex
                        event TEXT,                      -- decoded event name; NULL: unknown topic, skipped
                        PRIMARY KEY (chain, transaction_hash, log_index)
                    );
                    -- Polls, from PollCreated.
                    CREATE TABLE polls (
                        address TEXT PRIMARY KEY,        -- the poll contract, lowercase
                        chain TEXT NOT NULL,
                        proposal TEXT NOT NULL,          -- the proposal bytes as text (an IPFS CID)
                        end_block INTEGER NOT NULL,      -- always an L1 block number
                        quorum TEXT NOT NULL,            -- parts per million
                        quota TEXT NOT NULL,             -- parts per million
                        created_block INTEGER,
                        lip INTEGER                      -- linked LIP, from Polls/LIP-<n>/poll.yaml
                    );
                    -- Votes, from Vote logs or a votes CSV. choice is the raw choiceID.
                    CREATE TABLE votes (
                        poll TEXT NOT NULL,
                        voter TEXT NOT NULL,
                        choice TEXT NOT NULL,
                        block INTEGER NOT NULL,
                        log_index INTEGER NOT NULL,
                        PRIMARY KEY (poll, voter, block, log_index)
                    );
                    -- Stake migrations from L1 to L2 (L2Migrator events or a migrations CSV).
                    -- kind: delegator (l1_account moved to l2_account), claim (snapshot claim), pool
                    -- (DelegatorPoolCreated: pool holds l1_account's remaining delegators), orchestrator
                    -- (both at once, from the CSV).
                    CREATE TABLE migrations (
                        kind TEXT NOT NULL CHECK (kind IN ('delegator', 'claim', 'pool', 'orchestrator')),
                        l1_account TEXT NOT NULL,
                        l2_account TEXT,
                        l2_block INTEGER NOT NULL,
                        pool TEXT,
                        delegate TEXT,
                        stake TEXT,
                        PRIMARY KEY (kind, l1_account)
                    );
                    """)
        }
        m.registerMigration("v2-imports") { db in
            try db.execute(
                sql: """
                    -- Every import that changed the ledger, so a report can list the commands that rebuild it.
                    CREATE TABLE imports (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,              -- snapshot, logs, votes or migrations
                        file TEXT NOT NULL,              -- the path as given on the command line
                        arguments TEXT NOT NULL,         -- the other arguments, e.g. --chain l1 --block 14207040
                        content_sha256 TEXT NOT NULL,    -- SHA-256 of the file's bytes
                        UNIQUE (kind, file, arguments, content_sha256)
                    );
                    """)
        }
        m.registerMigration("v3-import-history") { db in
            // The arguments of each import as columns (v2 kept them as one flag string), and the
            // snapshot an import created, so that --replace removes exactly that import.
            try db.execute(
                sql: """
                    CREATE TABLE import_history (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'logs', 'votes', 'migrations')),
                        file TEXT NOT NULL,              -- the path as given on the command line
                        content_sha256 TEXT NOT NULL,    -- SHA-256 of the file's bytes
                        chain TEXT,                      -- --chain (snapshot, logs)
                        block INTEGER,                   -- --block (snapshot)
                        l1_block INTEGER,                -- --l1-block (l2 snapshot)
                        total_bonded TEXT,               -- --total-bonded, decimal wei
                        total_active TEXT,               -- --total-active, decimal wei
                        format TEXT,                     -- --format, when it was given
                        poll TEXT,                       -- --poll (votes), lowercase
                        snapshot_id INTEGER              -- the snapshot the import created
                    );
                    """)
            for row in try Row.fetchAll(db, sql: "SELECT id, kind, file, arguments, content_sha256 FROM imports ORDER BY id") {
                var flags: [String: String] = [:]
                let words = (try row.migrated("arguments", in: "imports", as: String.self)).split(separator: " ").map(String.init)
                var i = 0
                while i + 1 < words.count { flags[words[i]] = words[i + 1]; i += 2 }
                let snapshotID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM snapshots WHERE chain = ? AND block = ?",
                    arguments: [flags["--chain"], flags["--block"].flatMap { Int($0) }])
                try db.execute(
                    sql: """
                        INSERT INTO import_history (id, kind, file, content_sha256, chain, block, l1_block, total_bonded, total_active, format, poll, snapshot_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        try row.migrated("id", in: "imports", as: Int64.self), try row.migrated("kind", in: "imports", as: String.self),
                        try row.migrated("file", in: "imports", as: String.self), try row.migrated("content_sha256", in: "imports", as: String.self),
                        flags["--chain"], flags["--block"].flatMap { Int($0) }, flags["--l1-block"].flatMap { Int($0) },
                        flags["--total-bonded"], flags["--total-active"], flags["--format"], flags["--poll"]?.lowercased(),
                        try row.migrated("kind", in: "imports", as: String.self) == "snapshot" ? snapshotID : nil,
                    ])
            }
            try db.execute(sql: "DROP TABLE imports")
            try db.execute(sql: "ALTER TABLE import_history RENAME TO imports")
        }
        m.registerMigration("v4-rpc-sync") { db in
            // Snapshots read from a JSON-RPC node: the hash of the block they were read at, and
            // whether they hold only the voters and their delegates (partial).
            try db.execute(sql: "ALTER TABLE snapshots ADD COLUMN block_hash TEXT")
            try db.execute(sql: "ALTER TABLE snapshots ADD COLUMN partial INTEGER NOT NULL DEFAULT 0")
            // Import history learns `lip ledger sync`: its network and --full.
            try db.execute(
                sql: """
                    CREATE TABLE imports_v4 (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'logs', 'votes', 'migrations', 'sync')),
                        file TEXT NOT NULL,              -- the path as given on the command line (sync: the poll)
                        content_sha256 TEXT NOT NULL,    -- SHA-256 of the file's bytes (sync: of what was read)
                        chain TEXT, block INTEGER, l1_block INTEGER, total_bonded TEXT, total_active TEXT, format TEXT, poll TEXT,
                        snapshot_id INTEGER,
                        network TEXT,                    -- sync: --network
                        full INTEGER NOT NULL DEFAULT 0  -- sync: --full
                    );
                    INSERT INTO imports_v4 (id, kind, file, content_sha256, chain, block, l1_block, total_bonded, total_active, format, poll, snapshot_id)
                        SELECT id, kind, file, content_sha256, chain, block, l1_block, total_bonded, total_active, format, poll, snapshot_id FROM imports;
                    DROP TABLE imports;
                    ALTER TABLE imports_v4 RENAME TO imports;
                    """)
        }
        m.registerMigration("v5-snapshot-digests") { db in
            // Computed once at import, so that a tally reads only the rows of the accounts that voted:
            // the digest of a snapshot's canonical rows, and its registered active stake.
            try db.execute(sql: "ALTER TABLE snapshots ADD COLUMN rows_sha256 TEXT")
            try db.execute(sql: "ALTER TABLE snapshots ADD COLUMN active_stake TEXT")
        }
        m.registerMigration("v6-governor") { db in
            // LivepeerGovernor proposals (governor.md): their logs decoded, and what the views said.
            try db.execute(
                sql: """
                    -- From ProposalCreated. Ids and amounts are decimal TEXT; arrays are JSON.
                    CREATE TABLE proposals (
                        governor TEXT NOT NULL,          -- the governor, lowercase
                        id TEXT NOT NULL,                -- proposalId, decimal
                        proposer TEXT NOT NULL,
                        targets TEXT NOT NULL,           -- JSON array of lowercase addresses
                        call_values TEXT NOT NULL,       -- JSON array of decimal wei
                        signatures TEXT NOT NULL,        -- JSON array of strings
                        calldatas TEXT NOT NULL,         -- JSON array of 0x hex
                        vote_start INTEGER NOT NULL,     -- the snapshot round
                        vote_end INTEGER NOT NULL,       -- the deadline round
                        description TEXT NOT NULL,
                        block INTEGER NOT NULL,
                        PRIMARY KEY (governor, id)
                    );
                    -- From VoteCast and VoteCastWithParams: one vote per voter and proposal.
                    CREATE TABLE proposal_votes (
                        governor TEXT NOT NULL,
                        proposal TEXT NOT NULL,          -- proposalId, decimal
                        voter TEXT NOT NULL,
                        support INTEGER NOT NULL CHECK (support IN (0, 1, 2)),
                        weight TEXT NOT NULL,            -- as cast (before overrides), decimal wei
                        reason TEXT NOT NULL,
                        params TEXT,                     -- VoteCastWithParams only, 0x hex
                        block INTEGER NOT NULL,
                        log_index INTEGER NOT NULL,
                        PRIMARY KEY (governor, proposal, voter)
                    );
                    -- ProposalQueued, ProposalExecuted, ProposalCanceled.
                    CREATE TABLE proposal_events (
                        governor TEXT NOT NULL,
                        proposal TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('queued', 'executed', 'canceled')),
                        eta TEXT,                        -- queued only
                        block INTEGER NOT NULL,
                        PRIMARY KEY (governor, proposal, kind)
                    );
                    CREATE TABLE quorum_numerator_updates (
                        governor TEXT NOT NULL,
                        old_numerator TEXT NOT NULL,
                        new_numerator TEXT NOT NULL,
                        block INTEGER NOT NULL,
                        log_index INTEGER NOT NULL,
                        PRIMARY KEY (governor, block, log_index)
                    );
                    -- What the views said of a proposal (a governor-state file or a sync); the newest read replaces it.
                    CREATE TABLE proposal_views (
                        governor TEXT NOT NULL,
                        proposal TEXT NOT NULL,
                        total_supply TEXT NOT NULL,      -- getPastTotalSupply(snapshot), decimal wei
                        quorum_numerator TEXT NOT NULL,  -- quorumNumerator(snapshot)
                        quota TEXT NOT NULL,             -- quota()
                        onchain_against TEXT,            -- proposalVotes(id), NULL when not read
                        onchain_for TEXT,
                        onchain_abstain TEXT,
                        state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 7),
                        PRIMARY KEY (governor, proposal)
                    );
                    -- delegatedAt(account, snapshot) of every voter and every voter's delegate.
                    CREATE TABLE proposal_delegations (
                        governor TEXT NOT NULL,
                        proposal TEXT NOT NULL,
                        account TEXT NOT NULL,
                        delegate TEXT NOT NULL,
                        PRIMARY KEY (governor, proposal, account)
                    ) WITHOUT ROWID;
                    -- Import history learns the governor: governor-state files and proposal syncs.
                    CREATE TABLE imports_v6 (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'logs', 'votes', 'migrations', 'sync', 'governor-state', 'sync-proposals')),
                        file TEXT NOT NULL,
                        content_sha256 TEXT NOT NULL,
                        chain TEXT, block INTEGER, l1_block INTEGER, total_bonded TEXT, total_active TEXT, format TEXT, poll TEXT,
                        snapshot_id INTEGER,
                        network TEXT,
                        full INTEGER NOT NULL DEFAULT 0
                    );
                    INSERT INTO imports_v6 SELECT id, kind, file, content_sha256, chain, block, l1_block, total_bonded, total_active, format, poll, snapshot_id, network, full FROM imports;
                    DROP TABLE imports;
                    ALTER TABLE imports_v6 RENAME TO imports;
                    """)
        }
        m.registerMigration("v7-binary-logs") { db in
            // Raw logs as bytes, not hex text: a log row is half the size, and a log import writes
            // half the pages. They stay in a rowid table (rows appended in import order) beside
            // their key's index: transaction hashes are random, and a table clustered by them
            // would take every insert at a random place in its whole width. Votes are kept in their
            // key's B-tree alone (the key is nearly the whole row).
            try db.execute(
                sql: """
                    CREATE TABLE logs_v7 (
                        chain TEXT NOT NULL,
                        transaction_hash BLOB NOT NULL,  -- 32 bytes
                        log_index INTEGER NOT NULL,
                        block_number INTEGER NOT NULL,
                        address BLOB NOT NULL,           -- the emitting contract, 20 bytes
                        topics BLOB NOT NULL,            -- the topics, 32 bytes each, one after another
                        data BLOB NOT NULL,
                        event TEXT,                      -- decoded event name; NULL: unknown topic, skipped
                        PRIMARY KEY (chain, transaction_hash, log_index)
                    );
                    CREATE TABLE votes_v7 (
                        poll TEXT NOT NULL,
                        voter TEXT NOT NULL,
                        choice TEXT NOT NULL,
                        block INTEGER NOT NULL,
                        log_index INTEGER NOT NULL,
                        PRIMARY KEY (poll, voter, block, log_index)
                    ) WITHOUT ROWID;
                    INSERT INTO votes_v7 SELECT poll, voter, choice, block, log_index FROM votes;
                    DROP TABLE votes;
                    ALTER TABLE votes_v7 RENAME TO votes;
                    """)
            // SQLite before 3.41 has no unhex(): the logs are converted here. Every stored value
            // was checked hex when it was imported.
            let insert = try db.makeStatement(
                sql: "INSERT INTO logs_v7 (chain, transaction_hash, log_index, block_number, address, topics, data, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            let rows = try Row.fetchCursor(db, sql: "SELECT chain, transaction_hash, log_index, block_number, address, topics, data, event FROM logs")
            while let row = try rows.next() {
                func bytes(_ column: String) throws -> Data {
                    let text: String = try row.migrated(column, in: "logs")
                    guard let bytes = Hex.decode(text) else { throw RowProblem("logs.\(column) `\(text)` is not hex") }
                    return Data(bytes)
                }
                let topicsJSON: String = try row.migrated("topics", in: "logs")
                guard let topics = try? JSONDecoder().decode([String].self, from: Data(topicsJSON.utf8)) else {
                    throw RowProblem("logs.topics `\(topicsJSON)` is not a JSON array of topics")
                }
                var topicBytes = Data()
                for topic in topics {
                    guard let word = Hex.decode(topic), word.count == 32 else { throw RowProblem("logs.topics `\(topicsJSON)` is not a JSON array of topics") }
                    topicBytes.append(contentsOf: word)
                }
                try insert.execute(arguments: [
                    try row.migrated("chain", in: "logs", as: String.self), try bytes("transaction_hash"), try row.migrated("log_index", in: "logs", as: Int.self),
                    try row.migrated("block_number", in: "logs", as: Int.self), try bytes("address"), topicBytes, try bytes("data"),
                    try row.migratedOptional("event", in: "logs", as: String.self),
                ])
            }
            try db.execute(sql: "DROP TABLE logs; ALTER TABLE logs_v7 RENAME TO logs")
        }
        m.registerMigration("v8-import-polls") { db in
            // What each log import held, so that a report lists the imports that rebuild ITS poll
            // (or proposal), never every import of the ledger: a poll's address for its
            // PollCreated or Vote logs, `migrations` for migration events, `governor` for the
            // governor's. A log import made before this migration has no rows here (unknown).
            try db.execute(
                sql: """
                    CREATE TABLE import_polls (
                        import_id INTEGER NOT NULL,      -- imports.id
                        poll TEXT NOT NULL,              -- a poll's lowercase address, or `migrations`, or `governor`
                        PRIMARY KEY (import_id, poll)
                    ) WITHOUT ROWID;
                    """)
        }
        return m
    }
}

extension Ledger {
    /// SHA-256 of a file's bytes, read in chunks; hex.
    static func fileSHA256(_ url: URL, path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw LIPError.unreadable(path: path, reason: "no such file or not readable") }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return Hex.encode(Array(hasher.finalize()))
    }

    /// Runs `body` in one write transaction (GRDB's: IMMEDIATE, so no lock upgrade races): all or nothing.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch let error as DatabaseError {
            throw LIPError.writeFailed(path: path, reason: error.message ?? error.description)
        }
    }

    /// Runs `body` in one read transaction; a value that does not decode is already an `LIPError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as DatabaseError {
            throw LIPError.unreadable(path: path, reason: "not a usable ledger: \(error.message ?? error.description)")
        }
    }
}
