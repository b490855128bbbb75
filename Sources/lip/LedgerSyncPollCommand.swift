import ArgumentParser
import Foundation
import LIPKit

struct LedgerSyncPollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Read a poll, its votes and the stake that decides it from a node, at the poll's deciding block.",
        discussion: """
            Finds the PollCreated, the deciding block (the last block whose L1 block number is at or before the poll's end block; on Arbitrum by binary search over l1BlockNumber), the votes up to it, and each voter's and each voter's delegate's stake there, with getTotalBonded(). They are stored as a partial snapshot (source rpc, with the block hash) and the logs, in one transaction at the end: a failed or interrupted sync changes nothing, and a second one with nothing new changes nothing. --full reads every delegator instead (a whole snapshot). A poll the node has not seen end is synced up to the head, and its tally is provisional.

            The node is --rpc URL, else $LIP_RPC_L2 or $LIP_RPC_L1 for the chain. Its URL may carry an API key: lip shows only its scheme and host, and stores nothing of it. The network (contract addresses, chain id) is mainnet, or NAME from the workspace's networks.yaml or --networks FILE; the node's eth_chainId must match it.

            Examples:
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync poll 0x38794D2d8e0EB28926A865B546bc68418Dcc0B05
              lip ledger sync poll 120 --network devnet --rpc http://127.0.0.1:8545
              lip ledger sync poll 120 --full --max-range 2000

            Manual: docs/sync-and-networks.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("A poll address, or a LIP number whose poll.yaml has `address`.", valueName: "POLL"))
    var poll: String

    @OptionGroup var node: NodeOptions

    @Option(help: "The chain the poll is on.")
    var chain: Chain = .l2

    @Flag(help: "Read every delegator (from Bond, Rebond and TransferBond logs), not only the voters and their delegates.")
    var full = false

    func run() throws {
        let workspace = ledger.workspaceOptions.locateIfPresent()
        let address = try PollReference(poll).address(in: workspace)
        let network = try ledger.writingNetwork()
        let chosen = try ledger.contracts(of: network)
        let reader = try node.connect(chain: chain, network: network)
        let client = reader.client
        let sync = try PollSync(node: reader, network: chosen, chain: chain)
        let progress = node.progress
        let outcome = try sync.read(poll: address, full: full, progress: progress)
        node.endProgress()
        let record = ImportRecord(kind: .sync, file: address.checksummed, sha256: outcome.sha256, chain: chain, network: chosen.name, full: full)
        let summary = try self.ledger.openForImport(network: network).storeSync(logs: outcome.logs, stake: outcome.stake, record: record, links: try PollFile.links(in: workspace))
        say("\(address.checksummed) from \(client.endpoint.display): \(summary.line)")
        say(
            "  decided at \(chain.rawValue) block \(outcome.stake.block) (\(outcome.stake.blockHash.prefix(18))…), poll end block \(outcome.endBlock)"
                + (outcome.provisional ? ", not reached yet: provisional" : "") + "; \(outcome.voters) voters, \(outcome.stake.accounts.count) accounts read; "
                + "\(client.roundTrips) HTTP requests")
    }
}
