import Foundation
import GRDB
import LIPCore

/// Schema migration `v1-ledger`: The first schema: snapshots and their accounts, raw logs, polls, votes, migrations. Frozen once shipped: a change of schema is a new migration.
enum Migration1Ledger {
    /// Its name in `grdb_migrations`.
    static let identifier = "v1-ledger"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
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
}
