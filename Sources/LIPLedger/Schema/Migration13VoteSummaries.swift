import Foundation
import GRDB
import LIPCore

/// Schema migration `v13-vote-summaries` (records.md; docs/ledger.md): what a full count of an
/// ended poll or proposal found (vote stake, total stake, quorum, outcome, the largest
/// orchestrators that did not vote), kept so that `lip voter`, `lip turnout` and `lip poll list`
/// read one row per vote instead of counting every vote again; the revisions that say whether a
/// kept summary still holds (every write transaction that changes anything a count reads raises
/// one); and an index that finds the voters delegated to an account at a proposal's snapshot.
/// Frozen once shipped: a change of schema is a new migration.
enum Migration13VoteSummaries {
    /// Its name in `grdb_migrations`.
    static let identifier = "v13-vote-summaries"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE ledger_revisions (
                    key TEXT PRIMARY KEY,            -- '*' (anything a count reads) or 'governor:0x…' (one governor's proposals)
                    revision INTEGER NOT NULL
                );
                CREATE TABLE vote_summaries (
                    kind TEXT NOT NULL CHECK (kind IN ('poll', 'proposal')),
                    id TEXT NOT NULL,                -- the poll, 0x lowercase; the proposal, governor:id
                    rules TEXT NOT NULL,             -- the rules it was counted by ('' for a proposal)
                    revisions TEXT NOT NULL,         -- the ledger revisions it was counted at
                    total_vote_stake TEXT NOT NULL,  -- wei decimal
                    total_stake TEXT NOT NULL,       -- wei decimal
                    quorum_met INTEGER NOT NULL CHECK (quorum_met IN (0, 1)),
                    outcome TEXT NOT NULL,
                    largest_non_voters TEXT NOT NULL, -- 'address weight' pairs, largest first, ';' between
                    PRIMARY KEY (kind, id, rules)
                );
                CREATE INDEX proposal_delegations_by_delegate ON proposal_delegations (governor, proposal, delegate);
                """)
    }
}
