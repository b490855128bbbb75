import Foundation
import GRDB
import LIPCore

/// Schema migration `v8-import-polls`: What each log import or sync held, so that a report lists its own poll's imports. Frozen once shipped: a change of schema is a new migration.
enum Migration8ImportPolls {
    /// Its name in `grdb_migrations`.
    static let identifier = "v8-import-polls"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
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
}
