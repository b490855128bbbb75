import ArgumentParser
import Foundation
import LIPKit

struct TurnoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "turnout",
        abstract: "Turnout of every ended poll and proposal in the ledger: participation against quorum, outcome, and the largest orchestrators that did not vote.",
        discussion: """
            One row per ended poll and proposal, oldest first: vote stake and total stake (a poll's tally by its poll.yaml's rules; a proposal's For + Against + Abstain as counted with overrides, and getPastTotalSupply at its snapshot round), participation (4 decimals, truncated), whether quorum was met, the outcome, and the five largest orchestrators by weight that did not vote, each with what its vote would have counted (as `lip voter` weighs it). For a poll those are the transcoder pool at its deciding block; for a proposal the orchestrators with votes at its snapshot round. From the ledger alone: `lip ledger sync polls` and `lip ledger sync proposals` read the pool.

            Examples:
              lip turnout
              lip turnout --format svg -o turnout.svg
              lip turnout --format json

            Manual: docs/records.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "What to print: text, json, csv or svg.")
    var format: TurnoutFormat = .text

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let turnout = try Turnout.build(ledger: try ledger.open(), workspace: ledger.workspaceOptions.locateIfPresent())
        for warning in turnout.warnings { warn("lip: warning: \(warning)") }
        switch format {
        case .text: try writeOutput(turnout.text, to: output)
        case .json: try writeOutput(turnout.json.serialized(), to: output)
        case .csv: try writeOutput(turnout.csv, to: output)
        case .svg: try writeOutput(turnout.svg, to: output)
        }
    }
}

/// `lip turnout --format`.
enum TurnoutFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, svg
}
