import Foundation
import GRDB
import LIPCore

/// Schema migration `v5-snapshot-digests`: Each snapshot's rows digest and active stake, computed at import. Frozen once shipped: a change of schema is a new migration.
enum Migration5SnapshotDigests {
    /// Its name in `grdb_migrations`.
    static let identifier = "v5-snapshot-digests"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        // Computed once at import, so that a tally reads only the rows of the accounts that voted:
        // the digest of a snapshot's canonical rows, and its registered active stake.
        try db.execute(sql: "ALTER TABLE snapshots ADD COLUMN rows_sha256 TEXT")
        try db.execute(sql: "ALTER TABLE snapshots ADD COLUMN active_stake TEXT")
    }
}
