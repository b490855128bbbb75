import ArgumentParser
import Foundation
import LIPKit

struct PollWeightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weight",
        abstract: "What an account's vote in a poll weighs now, by LIP-16 and the poll's rules, from the ledger.",
        discussion: """
            The account's role (registered orchestrator, delegator of whom, or neither), its own stake, for an orchestrator its delegated stake and the delegators who already voted (their stake comes off its weight), the weight its yes or no counts for given the votes so far (what `lip poll tally` counts for it once its vote is in), and whether and how it voted. On an ended poll the stake is the deciding block's; on an open one the latest the ledger holds, marked provisional. An account a partial snapshot (synced: voters and their delegates) holds no row for is read from the node at that snapshot's block with --rpc, else named as missing (exit 2).

            Examples:
              lip poll weight 120 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF
              lip poll weight 0x38794D2d8e0EB28926A865B546bc68418Dcc0B05 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF --format json

            Manual: docs/voting.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @Argument(help: "The poll: its address, or the number of the LIP whose poll.yaml names it.")
    var poll: String

    @Argument(help: ArgumentHelp("The account (0x address).", valueName: "ACCOUNT"))
    var account: String

    @Option(help: "What to print.")
    var format: TextOrJSON = .text

    func run() throws {
        let address = try parsedAddress(account, "ACCOUNT")
        let workspace = ledger.workspaceOptions.locateIfPresent()
        let opened = try ledger.open()
        // The node, found at the first read (none may be needed) and checked to serve the ledger's network.
        let read = recordReaders(ledger: opened, options: ledger, node: node).pollRow
        let weight = try PollWeight.of(address, reference: poll, ledger: opened, workspace: workspace, read: read)
        say(format == .json ? weight.json.serialized() : weight.text, terminator: "")
    }
}
