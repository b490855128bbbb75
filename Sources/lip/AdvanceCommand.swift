import ArgumentParser
import Foundation
import LIPKit

struct AdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move a LIP to its next status with the guards of LIP-1, carrying its bundle, and update the index.",
        discussion: """
            Moves: Draft -> Last Call (sets last-call-deadline), Last Call -> Proposed (deadline passed), Last Call -> Draft, Proposed -> Accepted/Rejected (Polls/LIP-<n>/result.json says yes/no), Accepted -> Final, and Draft/Last Call/Proposed -> Abandoned. A refused move exits 1 and changes nothing.

            Examples:
              lip advance 80 last-call --deadline 2026-12-10
              lip advance 80 proposed --dry-run
              lip advance 80 accepted
              lip advance 80 proposed --force --reason "editors agreed to shorten Last Call"

            Manual: docs/editors.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The LIP number.", valueName: "N"))
    var lip: Int

    @Argument(help: ArgumentHelp("The new status, in kebab case (last-call) or as written (\"Last Call\"), any case.", valueName: "STATUS"))
    var status: LIPStatus

    @Option(help: ArgumentHelp("The Last Call deadline (default: today + 10 days).", valueName: "YYYY-MM-DD"))
    var deadline: CalendarDate?

    @Flag(name: .customLong("dry-run"), help: "Print the unified diff and write nothing.")
    var dryRun = false

    @Flag(help: "Override a guard (never an impossible move); needs --reason.")
    var force = false

    @Option(help: "Why the guard is overridden; printed and kept in the summary.")
    var reason: String?

    func validate() throws {
        if deadline != nil {
            guard status == .lastCall else { throw ValidationError("--deadline goes with last-call: it sets the Last Call deadline") }
        }
        if force && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--force needs --reason TEXT") }
    }

    func run() throws {
        let workspace = try ledger.workspaceOptions.locate()
        let ledgerPath = try ledger.path()
        let options = AdvanceOptions(
            deadline: deadline, force: force, reason: reason, today: try today, resultCheck: LedgerResultCheck(workspace: workspace, ledgerPath: ledgerPath))
        // A move on a poll's result with no ledger to tally it again takes the committed file as it is: say so, once.
        var isFolder: ObjCBool = false
        let resultFile = PollResultFile.url(workspace: workspace, lip: lip)
        if [.accepted, .rejected].contains(status), !FileManager.default.fileExists(atPath: ledgerPath),
            FileManager.default.fileExists(atPath: resultFile.path, isDirectory: &isFolder), !isFolder.boolValue
        {
            warn(SavedResult.noLedgerNotice(workspace.relativePath(resultFile)))
        }
        if dryRun {
            let plan = try Workflow(workspace: workspace).plan(lip: lip, to: status, options: options)
            for o in plan.overridden { warn("lip: forced past a guard: \(o)\nlip: reason: \(reason ?? "")") }
            return say(plan.diff, terminator: "")
        }
        // Plan and write under the workspace lock: the move reported is the move the files hold.
        let plan = try workspace.locked {
            let plan = try Workflow(workspace: workspace).plan(lip: lip, to: status, options: options)
            try plan.apply(workspace: workspace)
            return plan
        }
        for o in plan.overridden { warn("lip: forced past a guard: \(o)\nlip: reason: \(reason ?? "")") }
        say(plan.summary, terminator: "")
    }
}
