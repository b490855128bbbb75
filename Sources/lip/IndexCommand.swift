import ArgumentParser
import Foundation
import LIPKit

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rewrite the README index table from the LIP files, or check it with --check.",
        discussion: """
            Only the index table changes; every other byte of README.md stays. With --check nothing is written and the differences are reported as findings (exit 1 when there is an error).

            Examples:
              lip index
              lip index --check --format json

            Manual: docs/editors.md (in the lip repository).
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Flag(help: "Report differences between the index and the files; write nothing.")
    var check = false

    @Option(help: "text or json (findings of --check).")
    var format: TextOrJSON = .text

    func run() throws {
        let workspace = try workspaceOptions.locate()
        if check {
            let report = try Linter().checkIndex(workspace: workspace)
            return try printFindings(report, format: format == .json ? .json : .text)
        }
        say(try IndexWriter.rewrite(workspace: workspace) ? "README.md index rewritten" : "README.md index is up to date")
    }
}
