import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

/// The SQLite ledger: stake snapshots, event logs, polls, votes, migrations and governor proposals.
///
/// One file (default `.lip/ledger.sqlite` in the workspace), in WAL mode with a busy timeout so
/// that two `lip` processes wait for each other instead of failing; a pool of connections, so that
/// a large read can run on two cores. Amounts are decimal TEXT.
/// The schema only changes through the named, append-only migrations below. This module is the
/// only one that reads or writes the ledger's tables: others get typed values from its methods.
public final class Ledger: Sendable {
    /// The database; private, so that every query lives in this module.
    let database: DatabasePool
    /// The file path.
    public let path: String
    /// The network this command works on: a ledger that records another is refused when opened,
    /// and one that records none is stamped with it by the first write. Nil reads any ledger.
    public let workingNetwork: LedgerNetwork?

    /// Opens the ledger at `path` and brings its schema up to date. With `create` (imports) a
    /// missing file and its folder are made; without (every reader) a missing ledger is an error
    /// and nothing is created. A ledger that a newer `lip` migrated is refused either way, and so
    /// is one that records another network than `network`.
    public init(path: String, create: Bool, network: LedgerNetwork? = nil) throws {
        self.path = path
        self.workingNetwork = network
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
                let queue = try DatabasePool(path: path, configuration: config)
                try Ledger.refuseNewer(queue, path: path)
                if let network { try queue.read { try Ledger.refuseOtherNetwork($0, network, path: path) } }
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
    static func refuseNewer(_ queue: DatabasePool, path: String) throws {
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
        m.registerMigration(Migration1Ledger.identifier, migrate: Migration1Ledger.migrate)
        m.registerMigration(Migration2Imports.identifier, migrate: Migration2Imports.migrate)
        m.registerMigration(Migration3ImportHistory.identifier, migrate: Migration3ImportHistory.migrate)
        m.registerMigration(Migration4RpcSync.identifier, migrate: Migration4RpcSync.migrate)
        m.registerMigration(Migration5SnapshotDigests.identifier, migrate: Migration5SnapshotDigests.migrate)
        m.registerMigration(Migration6Governor.identifier, migrate: Migration6Governor.migrate)
        m.registerMigration(Migration7BinaryLogs.identifier, migrate: Migration7BinaryLogs.migrate)
        m.registerMigration(Migration8ImportPolls.identifier, migrate: Migration8ImportPolls.migrate)
        m.registerMigration(Migration9Costs.identifier, migrate: Migration9Costs.migrate)
        m.registerMigration(Migration10LedgerNetwork.identifier, migrate: Migration10LedgerNetwork.migrate)
        m.registerMigration(Migration11GasMeasurements.identifier, migrate: Migration11GasMeasurements.migrate)
        m.registerMigration(Migration12PollScans.identifier, migrate: Migration12PollScans.migrate)
        m.registerMigration(Migration13VoteSummaries.identifier, migrate: Migration13VoteSummaries.migrate)
        m.registerMigration(Migration14Treasury.identifier, migrate: Migration14Treasury.migrate)
        m.registerMigration(Migration15ChainClocks.identifier, migrate: Migration15ChainClocks.migrate)
        m.registerMigration(Migration16MigrationScans.identifier, migrate: Migration16MigrationScans.migrate)
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

    /// Runs `body` in one write transaction (GRDB's: IMMEDIATE, so no lock upgrade races): all or
    /// nothing. When it changed a row, the revision `change` names is raised in the same
    /// transaction, so that no summary counted before it is read again (`VoteSummary`).
    func transaction<T>(changing change: LedgerChange = .anything, _ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write { db in
                if let network = workingNetwork {
                    try Ledger.refuseOtherNetwork(db, network, path: path)
                    try Ledger.stamp(db, network)
                }
                let before = db.totalChangesCount
                let result = try body(db)
                if db.totalChangesCount != before { try Ledger.raise(db, change) }
                return result
            }
        } catch let error as DatabaseError {
            throw LIPError.writeFailed(path: path, reason: error.message ?? error.description)
        } catch let problem as StoredRow.Problem {
            throw problem.error(ledger: path)
        }
    }

    /// Runs `body` in one read transaction; a value that does not decode is already an `LIPError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as DatabaseError {
            throw LIPError.unreadable(path: path, reason: "not a usable ledger: \(error.message ?? error.description)")
        } catch let problem as StoredRow.Problem {
            // A record's throwing initializer found a value of another form.
            throw problem.error(ledger: path)
        }
    }
}
