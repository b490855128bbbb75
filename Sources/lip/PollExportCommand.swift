import ArgumentParser
import Foundation
import LIPKit

struct PollExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a poll's result for the forum (Discourse markdown), as CSV, JSON or an SVG chart.",
        discussion: "Examples:\n  lip poll export 120 --format forum\n  lip poll export 120 --format csv -o votes.csv --names orchestrators.csv")

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("A poll address, or a LIP number.", valueName: "POLL"))
    var poll: String

    func run() throws {
        throw LIPError.usage("not yet")
    }
}
