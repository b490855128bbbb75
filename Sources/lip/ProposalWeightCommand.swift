import ArgumentParser
import Foundation
import LIPKit

struct ProposalWeightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weight",
        abstract: "What an account's vote on a governor proposal weighs now, as GovernorCountingOverridable counts it.",
        discussion: """
            Its votes at the proposal's snapshot round (BondingVotes' getPastVotes), less those of its delegators who already voted (an orchestrator's); a delegator's vote comes off its orchestrator's. What the ledger lacks (an account that has not voted) is read from the node, --rpc URL or $LIP_RPC_L2: BondingVotes is checkpointed by round, so any node will do.

            Examples:
              lip proposal weight 1094…217 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF --rpc https://arb1.example.org/KEY

            Manual: docs/voting.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @Argument(help: "The proposal id (decimal, as `lip proposal list` shows, or 0x hex).")
    var id: String

    @Argument(help: ArgumentHelp("The account (0x address).", valueName: "ACCOUNT"))
    var account: String

    @Option(help: "What to print.")
    var format: TextOrJSON = .text

    func run() throws {
        let address = try parsedAddress(account, "ACCOUNT")
        let opened = try ledger.open()
        let read = bondingVotesReader(rpc: node.rpc, ledger: opened, options: ledger)
        let weight = try ProposalWeight.of(address, reference: id, ledger: opened, read: read)
        say(format == .json ? weight.json.serialized() : weight.text, terminator: "")
    }
}
