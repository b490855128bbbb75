import Foundation
import GRDB
import LIPCore

/// Schema migration `v3-import-history`: The import history's options as columns, and the snapshot each import made. Frozen once shipped: a change of schema is a new migration.
enum Migration3ImportHistory {
    /// Its name in `grdb_migrations`.
    static let identifier = "v3-import-history"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
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
}
