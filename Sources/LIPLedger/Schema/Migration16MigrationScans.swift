import Foundation
import GRDB
import LIPCore

/// Schema migration `v16-migration-scans` (devnet-protocol.md, "The L2Migrator on one chain"):
/// how far `lip ledger sync migrations` has read an L2Migrator's logs (MigrateDelegatorFinalized,
/// StakeClaimed, DelegatorPoolCreated), so that the next run reads on from there and `lip ledger
/// status` says up to which block the migration window is known; and the import history learns
/// that sync's kind (`sync-migrations`), whose reproduce command is its own. Frozen once shipped:
/// a change of schema is a new migration.
enum Migration16MigrationScans {
    /// Its name in `grdb_migrations`.
    static let identifier = "v16-migration-scans"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE migration_scans (
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    l2_migrator TEXT NOT NULL,       -- the L2Migrator (its proxy), 0x lowercase
                    scanned_to INTEGER NOT NULL,     -- every log of it up to this block is in the ledger
                    PRIMARY KEY (chain, l2_migrator)
                );
                CREATE TABLE imports_v16 (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'logs', 'votes', 'migrations', 'sync', 'governor-state', 'sync-proposals', 'sync-migrations')),
                    file TEXT NOT NULL,
                    content_sha256 TEXT NOT NULL,
                    chain TEXT, block INTEGER, l1_block INTEGER, total_bonded TEXT, total_active TEXT, format TEXT, poll TEXT,
                    snapshot_id INTEGER,
                    network TEXT,
                    full INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO imports_v16 SELECT id, kind, file, content_sha256, chain, block, l1_block, total_bonded, total_active, format, poll, snapshot_id, network, full FROM imports;
                DROP TABLE imports;
                ALTER TABLE imports_v16 RENAME TO imports;
                """)
    }
}
