import ArgumentParser
import Foundation
import LIPKit

struct LedgerSyncTreasuryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "treasury",
        abstract: "Read the treasury's LPT movements, reward cuts, executed proposals and balance from an L2 node.",
        discussion: """
            Reads, from the treasury's creation block (networks.yaml: treasury.block) or from the block after the last run, up to --to-block (default: the head): every LivepeerToken Transfer log into or out of the treasury (with its block's time), the BondingManager's TreasuryReward logs that pay it, and the governor's ProposalExecuted logs; then, at that last block, the treasury's balanceOf, treasuryRewardCutRate, nextRoundTreasuryRewardCutRate, treasuryBalanceCeiling and the RoundsManager's round parameters. Every log is checked to come from the contract asked and to have its event's shape. Stored in one transaction: a failed run changes nothing. `lip treasury` then reports from the ledger alone, and refuses when the movements do not add up to that balanceOf.

            The node is --rpc URL, else $LIP_RPC_L2; lip shows only its scheme and host. The network's l2 needs `livepeer-token`, `treasury` and `rounds-manager` (mainnet has them built in).

            Examples:
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync treasury
              lip ledger sync treasury --network devnet --networks networks.yaml --rpc http://127.0.0.1:8545

            Manual: docs/treasury.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @OptionGroup var range: ToBlockOption

    func run() throws {
        let target = try SyncTarget(ledger, node: node, chain: .l2, requiring: TreasurySync.check)
        let (chosen, opened, reader) = (target.contracts, target.ledger, target.node)
        let sync = try TreasurySync(node: reader, network: chosen)
        let progress = node.progress
        let scanned = try opened.treasuryState(chain: .l2, treasury: sync.treasury.address)?.block
        let read = try sync.read(scannedTo: scanned, toBlock: range.toBlock, progress: progress)
        node.endProgress()
        let summary = try opened.storeTreasurySync(read)
        say("treasury \(sync.treasury.address.checksummed) from \(reader.client.endpoint.display): \(summary.line)")
        say(
            "  read to block \(read.state.block): \(read.transfers.count) transfers, \(read.rewards.count) reward cuts, \(read.executions.count) executed proposals; balance \(LPTFigure.text(read.state.balance)) LPT; \(reader.client.roundTrips) HTTP requests"
        )
    }
}
