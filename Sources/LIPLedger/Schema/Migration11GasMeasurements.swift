import Foundation
import GRDB
import LIPCore

/// Schema migration `v11-gas-measurements` (costs contract v2): an operation may be measured
/// several times on a chain (each measurement its own transaction), a measurement may name its
/// source, and a set is built from one source per chain (L1 from one file or node, L2 from
/// another). Frozen once shipped: a change of schema is a new migration.
enum Migration11GasMeasurements {
    /// Its name in `grdb_migrations`.
    static let identifier = "v11-gas-measurements"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE gas_measurements (
                    id INTEGER PRIMARY KEY,
                    set_name TEXT NOT NULL REFERENCES gas_sets(name) ON DELETE CASCADE,
                    operation TEXT NOT NULL,         -- [A-Za-z0-9._-]{1,64}
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    gas TEXT NOT NULL,               -- gas used, decimal
                    tx TEXT,                         -- the transaction measured, 0x hex lowercase, or NULL
                    gas_used_for_l1 TEXT,            -- Arbitrum receipts: gasUsedForL1, decimal (inside gas), or NULL
                    source TEXT                      -- where a figure without a transaction comes from (a link), or NULL
                );
                -- Each transaction once per operation and chain; without one, an operation and chain once.
                CREATE UNIQUE INDEX gas_measurements_once ON gas_measurements (set_name, operation, chain, ifnull(tx, ''));
                INSERT INTO gas_measurements (set_name, operation, chain, gas, tx, gas_used_for_l1)
                    SELECT set_name, operation, chain, gas, tx, gas_used_for_l1 FROM gas_benchmarks ORDER BY set_name, operation, chain;
                CREATE TABLE gas_set_sources (
                    set_name TEXT NOT NULL REFERENCES gas_sets(name) ON DELETE CASCADE,
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    source TEXT NOT NULL,            -- `csv` or `sync`
                    file TEXT NOT NULL,              -- csv: the path as given; sync: the network
                    content_sha256 TEXT NOT NULL,    -- SHA-256 of the file's bytes (sync: of the rows read)
                    arguments TEXT NOT NULL,         -- sync: --chain and the OPERATION=TXHASH arguments
                    PRIMARY KEY (set_name, chain)
                ) WITHOUT ROWID;
                INSERT INTO gas_set_sources (set_name, chain, source, file, content_sha256, arguments)
                    SELECT DISTINCT s.name, b.chain, s.source, s.file, s.content_sha256, s.arguments
                    FROM gas_sets s JOIN gas_benchmarks b ON b.set_name = s.name;
                DROP TABLE gas_benchmarks;
                """)
    }
}
