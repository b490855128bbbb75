import ArgumentParser
import Foundation
import LIPKit

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check LIP files (and the README index) against the LIP rules.",
        discussion: """
            With no PATH, lints every LIP of the workspace and the README index. Exit status: 0 no errors, 1 at least one error, 2 could not run.

            Examples:
              lip lint
              lip lint LIPs/LIP-73.md --format json
              lip lint --format github --strict
              lip lint --list-rules

            Manual: docs/editors.md (in the lip repository).
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: ArgumentHelp("LIP files or folders to lint (default: the whole workspace).", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: "How to print the findings: github prints GitHub Actions annotations.")
    var format: FindingFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("list-rules"), help: "List every rule id with its severity and exit.")
    var listRules = false

    func run() throws {
        if listRules {
            say(TextTable.render(header: ["rule", "severity", "fires when"], rows: LintRegistry.all.map { [$0.id, $0.severity.rawValue, $0.summary] }), terminator: "")
            return
        }
        let report =
            paths.isEmpty
            ? try Linter().lint(workspace: try workspaceOptions.locate())
            : try Linter().lint(paths: paths, relativeTo: currentDirectory, workspace: workspaceOptions.locateIfPresent())
        try printFindings(strict ? report.strict() : report, format: format)
    }
}
