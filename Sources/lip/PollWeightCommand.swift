import ArgumentParser
import Foundation
import LIPKit

struct PollWeightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weight",
        abstract: "What an account's vote in a poll weighs now, by LIP-16 and the poll's rules, from the ledger.",
        discussion: """
            The account's role (registered orchestrator, delegator of whom, or neither), its own stake, for an orchestrator its delegated stake and the delegators who already voted (their stake comes off its weight), the weight its yes or no counts for given the votes so far (what `lip poll tally` counts for it once its vote is in), and whether and how it voted. On an ended poll the stake is the deciding block's; on an open one the latest the ledger holds, marked provisional. An account a partial snapshot holds no row for is an error (exit 2) that says how to read it.

            Examples:
              lip poll weight 120 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF
              lip poll weight 0x38794D2d8e0EB28926A865B546bc68418Dcc0B05 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF --format json

            Manual: docs/voting.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The poll: its address, or the number of the LIP whose poll.yaml names it.")
    var poll: String

    @Argument(help: ArgumentHelp("The account (0x address).", valueName: "ACCOUNT"))
    var account: String

    @Option(help: "What to print.")
    var format: TextOrJSON = .text

    func run() throws {
        guard let address = Address(account) else {
            throw LIPError.usage("`\(VisibleText.oneLine(account))` is not an account (\(Address.problem(with: account)))")
        }
        let weight = try PollWeight.of(address, reference: poll, ledger: try ledger.open(), workspace: ledger.workspaceOptions.locateIfPresent())
        say(format == .json ? weight.json.serialized() : weight.text, terminator: "")
    }
}

struct PollVoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote",
        abstract: "Print the unsigned transaction of a vote in a poll, for any wallet, hardware signer or Safe to sign.",
        discussion: """
            lip holds no key and sends nothing: it prints `to` (the Poll), `data` (vote(uint256) with choiceID 0 for yes or 1 for no), value 0 and the chain id; in text also a `cast send` line and an EIP-681 URI, and with --from the weight the vote will carry. Refused (exit 1) when the ledger shows the poll ended.

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

    @Option(help: ArgumentHelp("The network: mainnet, or a name from networks.yaml (for its chain id).", valueName: "NAME"))
    var network = "mainnet"

    @Option(help: ArgumentHelp("A networks.yaml to read networks from (default: the workspace's).", valueName: "FILE"))
    var networks: String?

    @Option(help: "What to print: text, json ({chainId, to, value, data}) or safe (a Safe Transaction Builder batch).")
    var format: VoteFormat = .text

    func run() throws {
        let workspace = ledger.workspaceOptions.locateIfPresent()
        let opened = try ledger.open()
        let resolved = try PollResolver.resolve(poll, ledger: opened, workspace: workspace)
        guard let address = resolved.parameters.address else { throw LIPError.usage("the poll \(poll) has no address yet: create it on chain first") }
        if let ended = try PollVoteCommand.ended(resolved.parameters, ledger: opened) { throw LIPError.refused("the poll has ended: \(ended); a vote now would not count") }
        let networkFile = networks.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory).standardizedFileURL }
        let chainID = try Network.chainID(
            of: resolved.parameters.chain, network: network, file: networkFile, path: networks, workspaceFile: workspace?.root.appendingPathComponent("networks.yaml"))
        let tx = VoteTransaction.poll(address, choice: choice, chainID: chainID, title: "Vote \(choice.rawValue) on poll \(address.checksummed)")
        switch format {
        case .json: say(tx.json.serialized(), terminator: "")
        case .safe: say(tx.safeBatch.serialized(), terminator: "")
        case .text:
            var out = "Vote \(choice.rawValue) on poll \(address.checksummed)" + (resolved.parameters.lip.map { " (LIP-\($0))" } ?? "") + ": an unsigned transaction\n"
            out += "  chain id  \(chainID)\n  to        \(address.checksummed)\n  value     0\n  data      \(Hex.prefixed(tx.data))\n"
            if let from {
                guard let account = Address(from) else { throw LIPError.usage("--from `\(VisibleText.oneLine(from))` is not an account (\(Address.problem(with: from)))") }
                let w = try PollWeight.of(account, reference: poll, ledger: opened, workspace: workspace)
                out += "  weight    \(Amount.formatLPT(w.weight, decimals: 18, grouping: true)) LPT for \(account.checksummed)" + (w.provisional ? " (provisional)" : "") + "\n"
            }
            out += "\nWith Foundry:  \(tx.castCommand)\nEIP-681:       \(tx.eip681)\n"
            say(out, terminator: "")
        }
    }

    /// Why the ledger says the poll ended, nil when it does not.
    static func ended(_ poll: PollParameters, ledger: Ledger) throws -> String? {
        let past = try ledger.snapshots().filter { $0.chain == poll.chain && $0.l1Position >= poll.endBlock }
        return past.first.map { "the ledger has \($0.chain.rawValue) stake at block \($0.block), at or past its end block \(poll.endBlock)" }
    }
}

/// What `lip poll vote` prints.
enum VoteFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, safe
}

extension VoteChoice: ExpressibleByArgument {}
