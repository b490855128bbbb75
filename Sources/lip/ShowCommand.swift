import ArgumentParser
import Foundation
import LIPKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one LIP: its fields, file, the moves allowed now with what each still needs, and its README index row.",
        discussion: "Examples:\n  lip show 73\n  lip show my-draft-slug --format json\n\nManual: docs/user-guide.md (in the lip repository).")

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The LIP number, or a draft's slug.", valueName: "N"))
    var lip: String

    @Option(help: "text or json.")
    var format: TextOrJSON = .text

    func run() throws {
        let workspace = try ledger.workspaceOptions.locate()
        let report = try DocumentReport(
            workspace: workspace, reference: lip, today: try today, resultCheck: LedgerResultCheck(workspace: workspace, ledgerPath: try ledger.path()))
        say(format == .json ? report.json.serialized() : report.text, terminator: "")
    }
}
