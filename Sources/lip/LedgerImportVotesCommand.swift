import ArgumentParser
import Foundation
import LIPKit

struct LedgerImportVotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "votes",
        abstract: "Import the votes of one poll from a CSV: voter,choice,block,log_index (choice is the raw choiceID).",
        discussion: """
            Examples:
              lip ledger import votes votes.csv --poll 0x1111111111111111111111111111111111111111

            Manual: docs/ledger.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The votes files, each in its own transaction.", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("The poll the votes belong to.", valueName: "ADDRESS"))
    var poll: String

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one FILE") }
        guard Address(poll) != nil else { throw ValidationError("--poll `\(poll)` is not an address (\(Address.problem(with: poll)))") }
    }

    func run() throws {
        guard let address = Address(poll) else { return }
        try importEach(files, into: ledger) { ledger, url, path, _ in try ledger.importVotes(url, path: path, poll: address) }
    }
}
