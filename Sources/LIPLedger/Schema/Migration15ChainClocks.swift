import Foundation
import GRDB
import LIPCore

/// Schema migration `v15-chain-clocks` (site.md): where each chain stood, and how fast its
/// blocks came, when `lip ledger sync polls` or `sync proposals` last read it, so that an open
/// vote's deadline can be dated from the chain without a node or the clock (`lip site`'s index
/// and calendar). One row per chain, the latest read. Frozen once shipped: a change of schema is
/// a new migration.
enum Migration15ChainClocks {
    /// Its name in `grdb_migrations`.
    static let identifier = "v15-chain-clocks"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE chain_clocks (
                    chain TEXT PRIMARY KEY CHECK (chain IN ('l1', 'l2')),
                    head_block INTEGER NOT NULL,     -- the block read as the head (or --to-block)
                    position INTEGER NOT NULL,       -- the L1 block it stands for (Arbitrum's l1BlockNumber), else head_block
                    timestamp INTEGER NOT NULL,      -- its time, Unix seconds
                    sample_seconds INTEGER NOT NULL, -- seconds that sample_blocks positions took, up to it
                    sample_blocks INTEGER NOT NULL,  -- 0: no rate known
                    round INTEGER,                   -- RoundsManager's currentRound(), NULL without one
                    round_start_block INTEGER,
                    round_length INTEGER
                );
                """)
    }
}
