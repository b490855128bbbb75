import ArgumentParser
import Foundation
import LIPKit

struct LedgerSyncMigrationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrations",
        abstract: "Read the L2Migrator's migrations (LIP-73) from an L2 node: the migration window's L1-to-L2 moves.",
        discussion: """
            Reads the L2Migrator's MigrateDelegatorFinalized, StakeClaimed and DelegatorPoolCreated logs from its deploy block (networks.yaml: l2-migrator.block; mainnet's is built in), or from the block after the last run, up to --to-block (default: the node's finalized block, or its head when it has none; a --to-block past the finalized block is refused, so that no reorganisation can take back a migration the ledger stored). Every log is checked to come from the L2Migrator and to have its event's shape, and is stored as `lip ledger import logs` stores it; a log stored before must be the same. Stored in one transaction: a failed or killed run changes nothing.

            With the LIP-73 L1 snapshot imported (`lip ledger import snapshot FILE --chain l1 --block N`) and the poll synced with --full, `lip poll tally POLL --stake l1+l2` counts the migration window from a node alone. `lip ledger status` shows up to which block the migrations are read; a tally whose L2 block is after that warns.

            The node is --rpc URL, else $LIP_RPC_L2; lip shows only its scheme and host.

            Examples:
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync migrations
              lip ledger sync migrations --network devnet --networks networks.yaml --rpc http://127.0.0.1:8545

            Manual: docs/sync-and-networks.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @OptionGroup var range: ToBlockOption

    func run() throws {
        let target = try SyncTarget(ledger, node: node, chain: .l2) { _ = try MigrationSync.migrator(of: $0) }
        let (chosen, opened, reader) = (target.contracts, target.ledger, target.node)
        let sync = try MigrationSync(node: reader, network: chosen)
        let progress = node.progress
        let outcome = try sync.read(scannedTo: try opened.migrationScan(chain: .l2, migrator: sync.migrator.address), toBlock: range.toBlock, progress: progress)
        node.endProgress()
        let summary = try opened.storeMigrationScan(outcome.logs, chain: .l2, migrator: sync.migrator.address, scannedTo: outcome.scannedTo, record: sync.record(outcome))
        say("L2Migrator \(sync.migrator.address.checksummed) from \(reader.client.endpoint.display): \(summary.line)")
        say("  read to l2 block \(outcome.scannedTo): \(outcome.logs.count) log\(outcome.logs.count == 1 ? "" : "s"); \(reader.client.roundTrips) HTTP requests")
    }
}
