import Foundation
import GRDB
import LIPCore

/// Schema migration `v6-governor`: LivepeerGovernor's proposals, votes, lifecycle events and views. Frozen once shipped: a change of schema is a new migration.
enum Migration6Governor {
    /// Its name in `grdb_migrations`.
    static let identifier = "v6-governor"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
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
}
