import ArgumentParser
import Foundation
import LIPKit

struct ProposalListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the ledger's governor proposals: id, title, state, deadline round and LIP.",
        discussion: """
            The title is the description's first heading; the LIP is the description's front matter `lip: N`. The state is the governor's state() when its views were read, else what the ProposalQueued/Executed/Canceled logs say.

            Examples:
              lip proposal list
              lip proposal list --db ledger.sqlite --format json

            Manual: docs/governor.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "How to print the list.")
    var format: TextOrJSON = .text

    func run() throws {
        let rows = try ProposalSummary.all(in: try ledger.open())
        switch format {
        case .json: say(JSONValue.array(rows.map(\.json)).serialized(), terminator: "")
        case .text:
            guard !rows.isEmpty else { return say("no proposals in the ledger") }
            say(
                TextTable.render(
                    header: ["id", "title", "state", "deadline", "lip"],
                    rows: rows.map { [String($0.id), $0.title, $0.state, String($0.deadline), $0.lip.map { "LIP-\($0)" } ?? "-"] }),
                terminator: "")
        }
    }
}
