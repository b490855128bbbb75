import ArgumentParser
import Foundation
import LIPKit

struct PollListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every poll the ledger holds, oldest first: its LIP, proposal, end block, state, result and participation.",
        discussion: """
            A poll is `ended` when the ledger holds stake of its chain at or past its end block (`lip ledger sync polls` reads it there), else `open`. An ended poll's result is its tally by its poll.yaml's rules (the defaults for a poll without one); participation is its vote stake over its quorum base, 4 decimals truncated. The LIP is the one whose poll.yaml names the poll, else null.

            Examples:
              lip poll list
              lip poll list --format csv > polls.csv

            Manual: docs/records.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "What to print: text, json or csv.")
    var format: RecordFormat = .text

    func run() throws {
        let list = try PollList.build(ledger: try ledger.open(), workspace: ledger.workspaceOptions.locateIfPresent())
        for warning in list.warnings { warn("lip: warning: \(warning)") }
        switch format {
        case .text: say(list.text, terminator: "")
        case .json: say(list.json.serialized(), terminator: "")
        case .csv: say(list.csv, terminator: "")
        }
    }
}

/// `--format text|json|csv` of the records' commands.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
