import Foundation
import GRDB
import LIPCore

/// Schema migration `v9-costs`: gas benchmarks and gas price samples, what `lip costs` reads.
/// Frozen once shipped: a change of schema is a new migration.
enum Migration9Costs {
    /// Its name in `grdb_migrations`.
    static let identifier = "v9-costs"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE gas_sets (
                    name TEXT PRIMARY KEY,           -- the set's name (--set)
                    source TEXT NOT NULL,            -- `csv` or `sync`
                    file TEXT NOT NULL,              -- csv: the path as given; sync: the network and chain
                    content_sha256 TEXT NOT NULL,    -- SHA-256 of the file's bytes (sync: of the rows read)
                    arguments TEXT NOT NULL,         -- sync: the OPERATION=TXHASH arguments, for the reproduce commands
                    seq INTEGER NOT NULL             -- the order sets were stored in (the newest is the default)
                );
                CREATE TABLE gas_benchmarks (
                    set_name TEXT NOT NULL REFERENCES gas_sets(name) ON DELETE CASCADE,
                    operation TEXT NOT NULL,         -- [A-Za-z0-9._-]{1,64}
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    gas TEXT NOT NULL,               -- gas used, decimal
                    tx TEXT,                         -- the transaction it was read from, 0x hex, or NULL
                    gas_used_for_l1 TEXT,            -- Arbitrum receipts: gasUsedForL1, decimal (inside gas), or NULL
                    PRIMARY KEY (set_name, operation, chain)
                ) WITHOUT ROWID;
                CREATE TABLE gas_prices (
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    block INTEGER NOT NULL,
                    timestamp INTEGER NOT NULL,      -- Unix seconds, UTC
                    base_fee TEXT NOT NULL,          -- wei per gas, decimal
                    priority_fee TEXT NOT NULL,      -- wei per gas, decimal
                    PRIMARY KEY (chain, block)
                ) WITHOUT ROWID;
                CREATE INDEX gas_prices_by_time ON gas_prices (chain, timestamp);
                CREATE TABLE gas_price_sources (
                    id INTEGER PRIMARY KEY,
                    chain TEXT NOT NULL,
                    source TEXT NOT NULL,            -- `csv` or `sync`
                    file TEXT NOT NULL,              -- csv: the path as given; sync: the network
                    arguments TEXT NOT NULL,         -- sync: the range and --every, for the reproduce commands
                    content_sha256 TEXT NOT NULL,
                    UNIQUE (chain, source, file, arguments, content_sha256)
                );
                """)
    }
}
