import Foundation
import GRDB
import LIPCore

/// Schema migration `v14-treasury` (treasury.md): what `lip ledger sync treasury` reads: the LPT
/// transfers into and out of the treasury, the BondingManager's TreasuryReward logs, the
/// governor's ProposalExecuted logs with their transactions, and the treasury's views at the last
/// block read. Frozen once shipped: a change of schema is a new migration.
enum Migration14Treasury {
    /// Its name in `grdb_migrations`.
    static let identifier = "v14-treasury"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE treasury_transfers (
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    transaction_hash TEXT NOT NULL,   -- 0x lowercase
                    log_index INTEGER NOT NULL,
                    block INTEGER NOT NULL,
                    timestamp INTEGER NOT NULL,      -- the block's, Unix seconds
                    token TEXT NOT NULL,             -- the LivepeerToken, 0x lowercase
                    sender TEXT NOT NULL,            -- Transfer's from
                    recipient TEXT NOT NULL,         -- Transfer's to
                    amount TEXT NOT NULL,            -- wei decimal
                    PRIMARY KEY (chain, transaction_hash, log_index)
                );
                CREATE TABLE treasury_rewards (
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    transaction_hash TEXT NOT NULL,
                    log_index INTEGER NOT NULL,
                    block INTEGER NOT NULL,
                    transcoder TEXT NOT NULL,        -- who called reward()
                    treasury TEXT NOT NULL,
                    amount TEXT NOT NULL,            -- wei decimal
                    PRIMARY KEY (chain, transaction_hash, log_index)
                );
                CREATE TABLE treasury_executions (
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    transaction_hash TEXT NOT NULL,
                    log_index INTEGER NOT NULL,
                    block INTEGER NOT NULL,
                    governor TEXT NOT NULL,
                    proposal TEXT NOT NULL,          -- decimal id
                    PRIMARY KEY (chain, transaction_hash, log_index)
                );
                -- The views at the last block read, one row per treasury; replaced by each sync.
                CREATE TABLE treasury_scans (
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    treasury TEXT NOT NULL,
                    token TEXT NOT NULL,
                    scanned_to INTEGER NOT NULL,     -- every log up to this block is in the ledger
                    balance TEXT NOT NULL,           -- balanceOf(treasury) at scanned_to, wei decimal
                    cut_rate TEXT NOT NULL,          -- treasuryRewardCutRate(), of 10^27
                    next_cut_rate TEXT NOT NULL,     -- nextRoundTreasuryRewardCutRate()
                    ceiling TEXT NOT NULL,           -- treasuryBalanceCeiling(), wei decimal
                    round_length INTEGER NOT NULL,   -- RoundsManager's roundLength()
                    length_update_round INTEGER NOT NULL,       -- lastRoundLengthUpdateRound()
                    length_update_start_block INTEGER NOT NULL, -- lastRoundLengthUpdateStartBlock()
                    PRIMARY KEY (chain, treasury)
                );
                """)
    }
}
