import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// `lip reconcile`: every LIP's status against what its poll says in the ledger, as findings.
public struct Reconciliation: Sendable {
    /// A move the chain supports: a Proposed LIP whose poll ended with yes or no.
    public struct Fix: Sendable {
        /// The LIP.
        public var lip: Int
        /// Where it moves.
        public var to: LIPStatus
        /// The poll's tally, whose JSON becomes its result.json.
        public var tally: PollTally
    }

    /// The findings, in report order.
    public var findings: [Finding]
    /// The moves `--fix` would make.
    public var fixes: [Fix]
    /// LIPs with a poll that could not be compared, and why.
    public var notes: [String]
    /// LIP files checked.
    public var lipsChecked: Int

    /// Compares every LIP of `workspace` with the polls in `ledger` (nil: no ledger, so no poll can be compared).
    public static func run(workspace: Workspace, ledger: Ledger?) throws -> Reconciliation {
        var findings: [Finding] = [], fixes: [Fix] = [], notes: [String] = []
        let urls = try workspace.lipFiles()
        for url in urls {
            guard let number = LIPDocument.number(fromFileName: url.lastPathComponent) else { continue }
            let document = try LIPDocument.load(url, path: workspace.relativePath(url))
            guard let status = document.status else { continue }
            let line = (document.preamble?.field("status")?.lineIndex ?? 0) + 1
            func finding(_ rule: ReconcileRule, _ message: String, help: String? = nil) {
                findings.append(Finding(file: document.path, line: line, lip: number, rule: rule.rawValue, severity: rule.severity, message: message, help: help))
            }
            let pollFile = try PollFile.load(lip: number, in: workspace)
            guard let address = pollFile?.address else {
                guard [.accepted, .rejected, .final].contains(status) else { continue }
                if let parent = document.partOf.first(where: { $0 != number }) {
                    _ = parent  // decided with its bundle parent's poll
                    continue
                }
                if try ForcedMoves.load(workspace: workspace, lip: number)?.contains(where: { $0.to == status }) == true { continue }
                finding(
                    .noPoll, "LIP-\(number) is \(status.rawValue) but has no poll (no `address` in Polls/LIP-\(number)/poll.yaml) and no forced-move record",
                    help: "add the poll's address to Polls/LIP-\(number)/poll.yaml and sync it, or record the decision with `lip advance --force --reason`")
                continue
            }
            guard let ledger else {
                notes.append("LIP-\(number): poll \(address.checksummed) not compared: no ledger")
                continue
            }
            let tally: PollTally
            do {
                tally = try PollTally.run(reference: String(number), ledger: ledger, workspace: workspace, stake: nil, quorumBase: nil)
            } catch let error as LIPError {
                notes.append("LIP-\(number): poll \(address.checksummed) not compared: \(error)")
                continue
            }
            let r = tally.result
            if r.provisional {
                notes.append("LIP-\(number): poll \(address.checksummed) is provisional (the ledger's stake predates its end): not compared")
                continue
            }
            let said = "the poll \(address.short) ended \(r.result.rawValue)"
            switch (status, r.result) {
            case (.proposed, .yes), (.proposed, .no):
                let target: LIPStatus = r.result == .yes ? .accepted : .rejected
                finding(.statusBehind, "LIP-\(number) is Proposed but \(said): it should be \(target.rawValue)", help: "`lip reconcile --fix` moves it and saves the result")
                fixes.append(Fix(lip: number, to: target, tally: tally))
            case (.accepted, .no), (.accepted, .quorumNotMet), (.final, .no), (.final, .quorumNotMet), (.rejected, .yes):
                finding(.statusContradicts, "LIP-\(number) is \(status.rawValue) but \(said)", help: "no move of LIP-1 undoes this: the editors decide (and record it)")
            default:
                break
            }
        }
        return Reconciliation(findings: findings.sorted(by: Finding.reportOrder), fixes: fixes, notes: notes, lipsChecked: urls.count)
    }

    /// Applies every fix in one change, all or nothing: each poll's result.json written and each
    /// move made through the workflow's guards (a move they refuse refuses the whole fix).
    /// Call it under the workspace lock. Returns the plan applied.
    public func apply(workspace: Workspace, options: AdvanceOptions) throws -> AdvancePlan {
        var options = options
        var results: [FileChange] = []
        for fix in fixes {
            let json = fix.tally.result.json
            options.pendingResults[fix.lip] = PollResultFile(
                lip: fix.lip, result: fix.tally.result.result, provisional: fix.tally.result.provisional, inputsDigest: fix.tally.result.inputsDigest)
            let url = PollResultFile.url(workspace: workspace, lip: fix.lip)
            var old: String?
            if FileManager.default.fileExists(atPath: url.path) {
                // A committed result must be what the ledger gives: --fix never overwrites one that says otherwise.
                let path = workspace.relativePath(url)
                let data: Data
                do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
                try SavedResult.require(file: data, path: path, equals: json, ledger: fix.tally.ledger.path, retally: "lip poll tally \(fix.lip) --save")
                old = String(decoding: data, as: UTF8.self)
            }
            results.append(FileChange(url: url, path: workspace.relativePath(url), old: old, new: json.serialized()))
        }
        var plan = try Workflow(workspace: workspace).plan(moves: fixes.map { ($0.lip, $0.to) }, options: options)
        plan.changes = results + plan.changes
        try plan.apply(workspace: workspace)
        return plan
    }

    /// A summary fit for a pull request's description: the moves, the results they rest on, what is left.
    public func pullRequestSummary(applied plan: AdvancePlan) -> String {
        var out = "## lip reconcile --fix\n\n"
        if plan.moves.isEmpty {
            out += "No LIP status is behind its poll.\n"
        } else {
            out += "Statuses moved to match their polls' results (tallied from the ledger, saved beside each poll):\n\n"
            for m in plan.moves {
                if let fix = fixes.first(where: { $0.lip == m.lip }) {
                    let r = fix.tally.result
                    out +=
                        "- LIP-\(m.lip): \(m.from.rawValue) → \(m.to.rawValue): poll \(r.poll.address?.checksummed ?? "-") ended `\(r.result.rawValue)`, inputs `sha256:\(r.inputsDigest.prefix(16))…` (Polls/LIP-\(m.lip)/result.json)\n"
                } else {
                    out += "- LIP-\(m.lip): \(m.from.rawValue) → \(m.to.rawValue) with its bundle\n"
                }
            }
        }
        let left = findings.filter { $0.rule != ReconcileRule.statusBehind.rawValue }
        if !left.isEmpty {
            out += "\nLeft for the editors (no move of LIP-1 fixes them):\n\n"
            for f in left { out += "- \(f.file):\(f.line) [\(f.rule)] \(f.message)\n" }
        }
        if !notes.isEmpty {
            out += "\nNot compared:\n\n" + notes.map { "- \($0)\n" }.joined()
        }
        return out
    }
}
