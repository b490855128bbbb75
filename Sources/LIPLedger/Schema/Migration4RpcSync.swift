import Foundation
import GRDB
import LIPCore

/// Schema migration `v4-rpc-sync`: Snapshots read from a node (their block hash, partial), and syncs in the import history. Frozen once shipped: a change of schema is a new migration.
enum Migration4RpcSync {
    /// Its name in `grdb_migrations`.
    static let identifier = "v4-rpc-sync"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
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
}
