import ArgumentParser
import Foundation
import LIPKit

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Compare every LIP's status with its poll's result in the ledger; --fix moves what the chain supports.",
        discussion: """
            Each LIP whose Polls/LIP-<n>/poll.yaml has an address is tallied from the ledger by its poll's rules. Findings, in the lint's shape and exit codes (0 no errors, 1 errors, 2 could not run):
              reconcile-status-behind (error): Proposed while the poll ended yes or no;
              reconcile-status-contradicts (error): Accepted or Final while the poll said no or quorum-not-met, Rejected while it said yes;
              reconcile-no-poll (warning): Accepted, Rejected or Final with no poll and no Polls/LIP-<n>/forced.yaml (written by `lip advance --force`). A bundle's parts are decided with their parent.
            A poll the ledger cannot tally, or whose stake predates its end, is noted and not compared.

            --fix writes each behind LIP's result.json and moves it to Accepted or Rejected through the workflow's own guards, all or nothing, and prints a summary for a pull request. It never forces a move.

            Examples:
              lip reconcile
              lip reconcile --format github
              lip ledger sync poll 120 && lip reconcile --fix

            Manual: docs/editors.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "How to print the findings: github prints GitHub Actions annotations.")
    var format: FindingFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Save the results and make the moves the polls support (all or nothing), then print a pull-request summary.")
    var fix = false

    func run() throws {
        let workspace = try ledger.workspaceOptions.locate()
        let path = try ledger.path()
        let openLedger = { FileManager.default.fileExists(atPath: path) ? try ledger.open() : nil }
        if fix {
            // Under the lock: what is fixed is what the files say now.
            let (reconciliation, plan) = try workspace.locked {
                let reconciliation = try Reconciliation.run(workspace: workspace, ledger: try openLedger())
                let plan = try reconciliation.apply(
                    workspace: workspace, options: AdvanceOptions(today: try today, resultCheck: LedgerResultCheck(workspace: workspace, ledgerPath: path)))
                return (reconciliation, plan)
            }
            say(reconciliation.pullRequestSummary(applied: plan), terminator: "")
            let left = reconciliation.findings.filter { $0.rule != ReconcileRule.statusBehind.rawValue }
            let report = LintReport(findings: left, filesChecked: reconciliation.lipsChecked)
            if (strict ? report.strict() : report).hasErrors { throw ExitStatus.findings }
            return
        }
        let reconciliation = try Reconciliation.run(workspace: workspace, ledger: try openLedger())
        for note in reconciliation.notes { warn("lip: note: \(note)") }
        let report = LintReport(findings: reconciliation.findings, filesChecked: reconciliation.lipsChecked)
        try printFindings(strict ? report.strict() : report, format: format)
    }
}
