import ArgumentParser
import Foundation
import LIPKit

struct TreasuryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "treasury",
        abstract: "Where the treasury's LPT came from and where it went: every movement, the balance after each, totals, the ceiling.",
        discussion: """
            From the ledger alone (`lip ledger sync treasury` fills it). Every LPT Transfer into or out of the treasury, oldest first, with its kind: `reward` (a transfer in whose transaction has a TreasuryReward of the same amount; the counterparty is the orchestrator who called reward()), `proposal` (in the transaction of a ProposalExecuted; the proposal's calldata must agree with the transfer, else a warning), `other-in`, `other-out`. Then totals per kind, the balance at the end of each round (RoundsManager's) or UTC day, and the ceiling: the cut rate this round and next, the ceiling, and whether contributions are halted. The movements must add up to the treasury's balanceOf at the last block synced, else lip refuses with both figures (exit 2).

            Examples:
              lip treasury
              lip treasury --by day --from 2024-01-01 --format csv
              lip treasury --format svg -o treasury.svg
              lip treasury --format forum > treasury.md

            Manual: docs/treasury.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("The first UTC day shown (YYYY-MM-DD).", valueName: "DATE"))
    var from: String?

    @Option(name: .customLong("from-block"), help: ArgumentHelp("The first block shown.", valueName: "N"))
    var fromBlock: Int?

    @Option(help: ArgumentHelp("The last UTC day shown (YYYY-MM-DD).", valueName: "DATE"))
    var to: String?

    @Option(name: .customLong("to-block"), help: ArgumentHelp("The last block shown (at most the last block synced).", valueName: "N"))
    var toBlock: Int?

    @Option(help: "Periods of the totals: round (RoundsManager's rounds) or day (UTC).")
    var by: TreasuryReport.Grouping = .round

    @Option(help: "What to print: text, json, csv, svg or forum.")
    var format: TreasuryFormat = .text

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if from != nil && fromBlock != nil { throw ValidationError("give --from or --from-block, not both") }
        if to != nil && toBlock != nil { throw ValidationError("give --to or --to-block, not both") }
        for (name, value) in [("--from-block", fromBlock), ("--to-block", toBlock)] { if let value, value < 0 { throw ValidationError("\(name) must not be negative") } }
    }

    /// A bound from a date or a block.
    func bound(_ date: String?, _ block: Int?, _ name: String) throws -> TreasuryReport.Bound? {
        if let block { return .block(block) }
        guard let date else { return nil }
        guard let day = CalendarDate(date) else { throw ValidationError("\(name) `\(VisibleText.oneLine(date))` is not a date (YYYY-MM-DD)") }
        return .day(day)
    }

    func run() throws {
        let opened = try ledger.open()
        let network = try ledger.networkIdentity(of: opened)
        let report = try TreasuryReport.build(
            ledger: opened, network: network.name, treasury: nil, from: try bound(from, fromBlock, "--from"), to: try bound(to, toBlock, "--to"), by: by)
        for warning in report.warnings { warn("lip: warning: \(warning)") }
        switch format {
        case .text: try writeOutput(report.text, to: output)
        case .json: try writeOutput(report.json.serialized(), to: output)
        case .csv: try writeOutput(report.csv, to: output)
        case .svg: try writeOutput(report.svg, to: output)
        case .forum:
            var rebuild: [String] = []
            if let name = ledger.network { rebuild += ["--network", name] }
            if let file = ledger.networks { rebuild += ["--networks", file] }
            try writeOutput(report.forumPost(rebuild: rebuild), to: output)
        }
    }
}

/// `lip treasury --format`.
enum TreasuryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, svg, forum
}

extension TreasuryReport.Grouping: ExpressibleByArgument {}
