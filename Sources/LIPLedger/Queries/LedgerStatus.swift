import Foundation
import LIPEthereum
import LIPCore

/// What the ledger holds, as `lip ledger status` shows it.
public struct LedgerStatus: Sendable, Equatable {
    /// A poll with its vote count; chain and end block are nil while only its votes are imported.
    public struct Poll: Sendable, Equatable {
        /// The poll contract.
        public var address: Address
        /// Its chain, when its PollCreated is imported.
        public var chain: Chain?
        /// Its L1 end block, when its PollCreated is imported.
        public var endBlock: Int?
        /// Vote rows.
        public var votes: Int
        /// The linked LIP.
        public var lip: Int?
    }

    /// The migration window (LIP-73) as far as the ledger knows it.
    public struct MigrationWindow: Sendable, Equatable {
        /// The block of the latest L1 snapshot (the frozen LIP-73 one), nil without one.
        public var l1SnapshotBlock: Int?
        /// Rows of `migrations`.
        public var migrations: Int
        /// The L2 blocks of the first and the last of them.
        public var firstL2Block: Int?, lastL2Block: Int?
        /// How far `lip ledger sync migrations` read each L2Migrator; empty when migrations came
        /// from files only (then they are complete as far as those files are).
        public var scans: [MigrationScan]

        /// The contract's JSON.
        public var json: JSONValue {
            .object([
                ("l1SnapshotBlock", .int(l1SnapshotBlock)), ("migrations", .int(migrations)), ("firstL2Block", .int(firstL2Block)),
                ("lastL2Block", .int(lastL2Block)),
                (
                    "syncedTo",
                    .array(scans.map { .object([("chain", .string($0.chain.rawValue)), ("l2Migrator", .string($0.l2Migrator.checksummed)), ("block", .int($0.scannedTo))]) })
                ),
            ])
        }
    }

    /// The ledger file.
    public var path: String
    /// The network it belongs to; nil for a ledger no command has written since networks were recorded.
    public var network: LedgerNetwork?
    /// Every snapshot, by chain then block.
    public var snapshots: [SnapshotInfo]
    /// Every poll with a PollCreated, by address, then polls known only by their votes.
    public var polls: [Poll]
    /// Rows of `migrations`.
    public var migrations: Int
    /// The migration window: nil when the ledger holds no L1 snapshot, no migration and no scan.
    public var window: MigrationWindow?
    /// Logs of a known event.
    public var logsImported: Int
    /// Logs of an unknown topic, stored and skipped.
    public var logsSkipped: Int

    /// The contract's JSON.
    public var json: JSONValue {
        .object([
            (
                "network",
                network.map { n in
                    .object([("name", .string(n.name)), ("l1ChainId", .int(n.l1ChainID)), ("l2ChainId", .int(n.l2ChainID))])
                } ?? .null
            ),
            (
                "snapshots",
                .array(
                    snapshots.map { s in
                        .object([
                            ("chain", .string(s.chain.rawValue)), ("block", .int(s.block)), ("l1Block", .int(s.l1Block)),
                            ("accounts", .int(s.accounts)), ("totalStake", .string(String(s.totalStake))), ("source", .string(s.source.rawValue)),
                            ("partial", .bool(s.partial)),
                        ])
                    })
            ),
            (
                "polls",
                .array(
                    polls.map { p in
                        .object([
                            ("address", .string(p.address.checksummed)), ("chain", .string(p.chain?.rawValue)), ("endBlock", .int(p.endBlock)),
                            ("votes", .int(p.votes)), ("lip", .int(p.lip)),
                        ])
                    })
            ),
            ("migrations", .int(migrations)),
            ("migrationWindow", window?.json ?? .null),
            ("logs", .object([("imported", .int(logsImported)), ("skipped", .int(logsSkipped))])),
        ])
    }
}
