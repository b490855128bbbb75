import ArgumentParser
import Foundation
import LIPKit

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Open polls and proposals with their deadlines; with an account, whether a vote awaits it (exit 1).",
        discussion: """
            Every poll whose end block the node's head has not reached, and every Active or Pending proposal, from the ledger (run `lip ledger sync polls` and `lip ledger sync proposals` first: the votes are the ledger's), with its deadline: a poll's end block, a proposal's voteEnd round and that round's last block (RoundsManager's round length); blocks and rounds left; and an estimated UTC time from the node's recent block times (an estimate, and said to be one). Blocks are counted as the contracts count them: on Arbitrum, in L1 blocks.

            With ACCOUNT: whether it voted, what its vote would count, and for a delegator whether its orchestrator voted and how (a delegator's vote overrides its orchestrator's). Exit 0 when it voted in every open vote it can weigh in (an account with no stake awaits nothing), 1 when a vote awaits it: for cron and CI. --format ics writes an RFC 5545 calendar, one event per deadline.

            Examples:
              lip due
              lip due 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF || echo "a vote awaits"
              lip due --format ics -o livepeer-votes.ics

            Manual: docs/records.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @Argument(help: ArgumentHelp("An account (0x address): is a vote awaiting it?", valueName: "ACCOUNT"))
    var account: String?

    @Option(help: "The chain whose polls are listed (proposals are on L2).")
    var chain: Chain = .l2

    @Option(help: "What to print: text, json or ics.")
    var format: DueFormat = .text

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let address = try account.map { try parsedAddress($0, "ACCOUNT") }
        let opened = try ledger.open()
        let network = try ledger.networkIdentity(of: opened)
        let contracts = try ledger.contracts(of: network)
        let reader = try node.connect(chain: chain, network: network)
        let clock = try reader.clock(roundsManager: contracts.chains[chain]?.roundsManager).chainClock
        let due = try Deadlines.build(
            ledger: opened, workspace: ledger.workspaceOptions.locateIfPresent(), network: network.name, chain: chain, clock: clock, account: address,
            readers: recordReaders(ledger: opened, options: ledger, node: node))
        for warning in due.warnings { warn("lip: warning: \(warning)") }
        switch format {
        case .text: try writeOutput(due.text, to: output)
        case .json: try writeOutput(due.json.serialized(), to: output)
        case .ics: try writeOutput(due.ics, to: output)
        }
        if due.awaitsVote { throw ExitStatus.findings }
    }
}

/// `lip due --format`.
enum DueFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, ics
}
