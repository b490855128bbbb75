import Foundation
import LIPCore

/// Moves LIPs through their statuses with the guards of LIP-1, bundles included.
public struct Workflow {
    /// The workspace.
    public let workspace: Workspace

    /// Creates a workflow over `workspace`.
    public init(workspace: Workspace) { self.workspace = workspace }

    /// Why a guard of moving `document` to `target` fails, or nil when it holds.
    public func guardFailure(_ document: LIPDocument, number: Int, to target: LIPStatus, options: AdvanceOptions) throws -> String? {
        guard let from = document.status, let guardKind = TransitionTable.guardOf(from: from, to: target) else { return nil }
        if [.accepted, .rejected].contains(target), let parent = document.partOf.first(where: { $0 != number }) {
            return "LIP-\(number) is part of the LIP-\(parent) bundle and is never polled on its own: advance LIP-\(parent)"
        }
        switch guardKind {
        case .setsDeadline:
            let deadline = options.deadline ?? options.today.adding(days: 10)
            if deadline <= options.today { return "the deadline \(deadline) is not after today (\(options.today))" }
            return nil
        case .deadlinePassed:
            guard let text = document.preamble?.value("last-call-deadline"), !text.isEmpty else {
                return "LIP-\(number) has no last-call-deadline"
            }
            guard let deadline = CalendarDate(text) else { return "last-call-deadline `\(text)` is not a YYYY-MM-DD date" }
            if options.today <= deadline { return "the Last Call deadline \(deadline) has not passed (today is \(options.today))" }
            return nil
        case .pollResult(let wanted):
            let path = "Polls/LIP-\(number)/result.json"
            guard let result = try options.pendingResults[number] ?? PollResultFile.load(workspace: workspace, lip: number) else {
                return Workflow.pollSteps(lip: number, workspace: workspace, missing: path)
            }
            if let lip = result.lip, lip != number { return "\(path) is the result of LIP-\(lip), not LIP-\(number)" }
            if result.lip == nil { return "\(path) names no LIP" }
            if result.provisional {
                return "\(path) is provisional (a snapshot predates the poll's end block): import a snapshot at the end block and run `lip poll tally \(number) --save`"
            }
            // A pending result was just tallied from the ledger; a file must agree with the ledger.
            if options.pendingResults[number] == nil, let problem = try options.resultCheck?.problem(with: result, lip: number) { return problem }
            if result.result == .quorumNotMet { return "\(path) says the poll did not meet quorum: the LIP stays Proposed" }
            if result.result != wanted { return "\(path) says \"\(result.result.rawValue)\", not \"\(wanted.rawValue)\"" }
            return nil
        case .removesDeadline, .none:
            return nil
        }
    }

    /// Plans moving LIP `number` to `target`, with its bundle; throws `.refused` when the move is not allowed.
    public func plan(lip number: Int, to target: LIPStatus, options: AdvanceOptions) throws -> AdvancePlan {
        let document = try workspace.document(lip: number)
        guard let from = document.status else {
            let raw = document.preamble?.value("status") ?? "(none)"
            throw LIPError.refused("LIP-\(number) has status `\(raw)`, which is not a LIP status; fix it before advancing")
        }
        let allowed = TransitionTable.allowed(from: from)
        guard TransitionTable.guardOf(from: from, to: target) != nil else {
            let list = allowed.isEmpty ? "none (\(from.rawValue) is final)" : allowed.map(\.rawValue).joined(separator: ", ")
            throw LIPError.refused("LIP-\(number) cannot move from \(from.rawValue) to \(target.rawValue); allowed from \(from.rawValue): \(list)")
        }
        if options.force && (options.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw LIPError.usage("--force needs --reason TEXT: the reason is kept in the summary")
        }
        var overridden: [String] = []
        if let failure = try guardFailure(document, number: number, to: target, options: options) {
            guard options.force else {
                throw LIPError.refused(
                    "LIP-\(number) cannot move to \(target.rawValue): \(failure)\nallowed from \(from.rawValue): " + allowed.map(\.rawValue).joined(separator: ", ")
                        + " (--force --reason TEXT overrides a guard)")
            }
            overridden.append(failure)
        }
        var moves: [(lip: Int, from: LIPStatus, to: LIPStatus)] = [(number, from, target)]
        var documents: [Int: LIPDocument] = [number: try moved(document, to: target, from: from, options: options)]
        // Bundles: the parent's move carries its part-of children.
        for url in try workspace.lipFiles() {
            guard let childNumber = LIPDocument.number(fromFileName: url.lastPathComponent), childNumber != number else { continue }
            let child = try LIPDocument.load(url, path: workspace.relativePath(url))
            guard child.partOf.contains(number), let childStatus = child.status else { continue }
            let childTarget: LIPStatus?
            switch (target, childStatus) {
            case (.accepted, .proposed): childTarget = .accepted
            case (.final, .accepted): childTarget = .final
            default: childTarget = nil
            }
            guard let childTarget else { continue }
            moves.append((childNumber, childStatus, childTarget))
            documents[childNumber] = try child.setting("status", to: childTarget.rawValue)
        }
        var changes: [FileChange] = []
        if !overridden.isEmpty { changes.append(try ForcedMoves.recording(workspace: workspace, lip: number, from: from, to: target, overridden: overridden, options: options)) }
        for move in moves {
            let doc = documents[move.lip]!
            let url = workspace.fileURL(lip: move.lip)
            let old = try String(contentsOf: url, encoding: .utf8)
            changes.append(FileChange(url: url, path: workspace.relativePath(url), old: old, new: doc.text))
        }
        if let readme = try workspace.readmeIndex() {
            let entries = moves.map { m in (number: m.lip, title: documents[m.lip]!.title ?? "", status: m.to.rawValue) }
            let newReadme = IndexWriter.updatingRows(readme, entries: entries)
            if newReadme != readme.lines.text {
                changes.append(FileChange(url: workspace.readme, path: "README.md", old: readme.lines.text, new: newReadme))
            }
        }
        return AdvancePlan(moves: moves, changes: changes, overridden: overridden, reason: options.reason)
    }

    /// Plans several moves as one change (`lip reconcile --fix`): each with its guards, as
    /// `plan(lip:to:options:)` would; the README index updated once for all of them.
    public func plan(moves requested: [(lip: Int, to: LIPStatus)], options: AdvanceOptions) throws -> AdvancePlan {
        var moves: [(lip: Int, from: LIPStatus, to: LIPStatus)] = []
        var changes: [FileChange] = []
        var titles: [Int: String] = [:]
        for request in requested {
            let plan = try self.plan(lip: request.lip, to: request.to, options: options)
            moves += plan.moves
            changes += plan.changes.filter { $0.url != workspace.readme }
            for m in plan.moves { titles[m.lip] = try workspace.document(lip: m.lip).title ?? "" }
        }
        if let readme = try workspace.readmeIndex() {
            let newReadme = IndexWriter.updatingRows(readme, entries: moves.map { (number: $0.lip, title: titles[$0.lip] ?? "", status: $0.to.rawValue) })
            if newReadme != readme.lines.text { changes.append(FileChange(url: workspace.readme, path: "README.md", old: readme.lines.text, new: newReadme)) }
        }
        return AdvancePlan(moves: moves, changes: changes, overridden: [], reason: nil)
    }

    private func moved(_ document: LIPDocument, to target: LIPStatus, from: LIPStatus, options: AdvanceOptions) throws -> LIPDocument {
        var doc = try document.setting("status", to: target.rawValue)
        if target == .lastCall {
            doc = try doc.setting("last-call-deadline", to: (options.deadline ?? options.today.adding(days: 10)).description)
        } else if from == .lastCall && target == .draft {
            doc = doc.removing("last-call-deadline")
        }
        return doc
    }

    /// The moves allowed from the LIP's status now, each with what it still needs (nil when ready).
    public func nextMoves(lip number: Int, options: AdvanceOptions) throws -> [(status: LIPStatus, requirement: TransitionGuard, blocker: String?)] {
        let document = try workspace.document(lip: number)
        guard let from = document.status else { return [] }
        return try TransitionTable.moves.filter { $0.from == from }.map { move in
            (move.to, move.guard, try guardFailure(document, number: number, to: move.to, options: options))
        }
    }

    /// What a Proposed LIP without a saved result still needs, in the order a champion does it:
    /// open the poll, record its address once created, sync it, save its result.
    static func pollSteps(lip n: Int, workspace: Workspace, missing path: String) -> String {
        let pollFile = workspace.pollDirectory(lip: n).appendingPathComponent("poll.yaml")
        guard FileManager.default.fileExists(atPath: pollFile.path) else {
            return "LIP-\(n) has no poll yet: open it with `lip poll open \(n)` (it writes Polls/LIP-\(n)/poll.yaml and prints the createPoll calldata); "
                + "once the poll is created on chain, put its address in poll.yaml, sync it with `lip ledger sync poll \(n)`, and save its result with `lip poll tally \(n) --save`"
        }
        let text = (try? String(contentsOf: pollFile, encoding: .utf8)) ?? ""
        guard text.split(separator: "\n").contains(where: { $0.hasPrefix("address:") }) else {
            return "the poll of LIP-\(n) is opened but has no address: once it is created on chain, put its address in Polls/LIP-\(n)/poll.yaml, "
                + "sync it with `lip ledger sync poll \(n)`, and save its result with `lip poll tally \(n) --save`"
        }
        return "\(path) is missing: sync the poll with `lip ledger sync poll \(n)` (or import its files), then save its result with `lip poll tally \(n) --save`"
    }
}
