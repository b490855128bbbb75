import Foundation
import GRDB
import LIPCore

/// Schema migration `v10-ledger-network`: the network a ledger belongs to, so that the stake,
/// polls, proposals and gas prices of two networks never meet in one file. Frozen once shipped: a
/// change of schema is a new migration.
enum Migration10LedgerNetwork {
    /// Its name in `grdb_migrations`.
    static let identifier = "v10-ledger-network"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        // One row at most, written by the first write after this migration (a ledger made before
        // it is stamped by the next command that writes it).
        try db.execute(
            sql: """
                CREATE TABLE ledger_network (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    name TEXT NOT NULL,              -- mainnet, or a key of networks.yaml
                    l1_chain_id INTEGER,             -- the network's L1 chain id, NULL when it names none
                    l2_chain_id INTEGER              -- the network's L2 chain id, NULL when it names none
                );
                """)
    }
}
