import ArgumentParser
import Foundation
import LIPKit

struct PollVoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote",
        abstract: "Print the unsigned transaction of a vote in a poll, for any wallet, hardware signer or Safe to sign.",
        discussion: """
            lip holds no key and sends nothing: it prints `to` (the Poll), `data` (vote(uint256) with choiceID 0 for yes or 1 for no), value 0 and the chain id; in text also a `cast send` line and an EIP-681 URI, and with --from the weight the vote will carry. The chain id is that of the ledger's network, and the poll must be one of its polls (its PollCreated from the network's PollCreator). Refused (exit 1) when the poll is not the network's or the ledger shows it ended.

            Examples:
              lip poll vote 120 yes --from 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF
              lip poll vote 0x38794D2d8e0EB28926A865B546bc68418Dcc0B05 no --format safe > vote.json

            Manual: docs/voting.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The poll: its address, or the number of the LIP whose poll.yaml names it.")
    var poll: String

    @Argument(help: ArgumentHelp("yes or no.", valueName: "CHOICE"))
    var choice: VoteChoice

    @Option(help: ArgumentHelp("The voting account, to print the weight its vote will carry.", valueName: "ACCOUNT"))
    var from: String?

    @OptionGroup var output: VoteOutputOptions

    func run() throws {
        let workspace = ledger.workspaceOptions.locateIfPresent()
        let opened = try ledger.open()
        let network = try ledger.networkIdentity(of: opened)
        let contracts = try ledger.contracts(of: network)
        let (tx, parameters) = try PollVoting.transaction(
            poll, choice: choice, ledger: opened, workspace: workspace, network: network, pollCreator: { contracts.chains[$0]?.pollCreator.address })
        var lines: [String] = []
        if let from, output.format == .text {
            let account = try parsedAddress(from, "--from")
            let w = try PollWeight.of(account, reference: poll, ledger: opened, workspace: workspace)
            lines.append("weight    \(Amount.formatLPT(w.weight, decimals: 18, grouping: true)) LPT for \(account.checksummed)" + (w.provisional ? " (provisional)" : ""))
        }
        output.print(tx, heading: "Vote \(choice.rawValue) on poll \(tx.to.checksummed)" + (parameters.lip.map { " (LIP-\($0))" } ?? "") + " on \(network.name)", lines: lines)
    }
}
