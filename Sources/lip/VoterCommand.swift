import ArgumentParser
import Foundation
import LIPKit

struct VoterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voter",
        abstract: "An account's part in every poll and governor proposal the ledger holds: how it voted, what its vote counted, and how often it votes.",
        discussion: """
            Each entry is what `lip poll weight` or `lip proposal weight` says at that vote's deciding point (a poll's end block; a proposal's snapshot round with the votes cast by its end): for an account that voted, the weight the tally counted; for one that did not, what its vote would have counted given the others' votes. Its role there, its orchestrator and how that one voted, and the outcome. The summary: ended votes it could weigh in (weight above 0, or voted), how many it voted in, participation (4 decimals, truncated), and how often its choice was the outcome.

            What a partial snapshot lacks is read from a node with --rpc (as `lip poll weight` reads it); without one the entry's weight is unknown (null) and a warning says so. Fill the ledger with `lip ledger sync polls` and `lip ledger sync proposals`.

            Examples:
              lip voter 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF
              lip voter 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF --format json
              lip voter 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF --format csv --rpc https://arb1.example.org/KEY

            Manual: docs/records.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @Argument(help: ArgumentHelp("The account (0x address).", valueName: "ACCOUNT"))
    var account: String

    @Option(help: "What to print: text, json or csv.")
    var format: RecordFormat = .text

    func run() throws {
        let address = try parsedAddress(account, "ACCOUNT")
        let opened = try ledger.open()
        let network = try ledger.networkIdentity(of: opened)
        let record = try VoterRecord.build(
            account: address, ledger: opened, workspace: ledger.workspaceOptions.locateIfPresent(), network: network.name,
            readers: recordReaders(ledger: opened, options: ledger, node: node))
        for warning in record.warnings { warn("lip: warning: \(warning)") }
        switch format {
        case .text: say(record.text, terminator: "")
        case .json: say(record.json.serialized(), terminator: "")
        case .csv: say(record.csv, terminator: "")
        }
    }
}

/// The node readers of a record (`lip voter`, `lip due`): an account's row at a poll's snapshot,
/// and BondingVotes at a round; each nil when no node is named, and connected at its first use.
func recordReaders(ledger opened: Ledger, options: LedgerOptions, node: NodeOptions) -> VoterRecord.Readers {
    var syncs: [Chain: PollSync] = [:]
    let pollRow: ((Address, SnapshotReference) throws -> SnapshotAccount)? =
        node.rpc == nil
        ? nil
        : { account, snapshot in
            if syncs[snapshot.chain] == nil {
                let network = try options.networkIdentity(of: opened)
                syncs[snapshot.chain] = try PollSync(
                    node: try node.connect(chain: snapshot.chain, network: network), network: try options.contracts(of: network), chain: snapshot.chain)
            }
            return try syncs[snapshot.chain]!.row(of: account, at: snapshot.block)
        }
    return VoterRecord.Readers(pollRow: pollRow, bondingVotes: bondingVotesReader(rpc: node.rpc, ledger: opened, options: options))
}
