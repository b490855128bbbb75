import Foundation
import GRDB
import LIPCore

/// Schema migration `v2-imports`: The import history: one row per import that changed the ledger. Frozen once shipped: a change of schema is a new migration.
enum Migration2Imports {
    /// Its name in `grdb_migrations`.
    static let identifier = "v2-imports"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
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
}
