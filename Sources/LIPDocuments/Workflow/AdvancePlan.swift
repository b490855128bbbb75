import Foundation
import LIPCore

/// A move, planned and checked but not yet written.
public struct AdvancePlan: Sendable {
    /// The LIPs that move, as (number, from, to), the requested one first.
    public var moves: [(lip: Int, from: LIPStatus, to: LIPStatus)]
    /// The files that change.
    public var changes: [FileChange]
    /// Guards that `--force` overrode, in words.
    public var overridden: [String]
    /// The reason given with `--force`.
    public var reason: String?

    /// A commit-ready summary of the move.
    public var summary: String {
        var lines: [String] = []
        let first = moves[0]
        var head = "LIP-\(first.lip): \(first.from.rawValue) -> \(first.to.rawValue)"
        if moves.count > 1 { head += " (bundle: " + moves.dropFirst().map { "LIP-\($0.lip)" }.joined(separator: ", ") + ")" }
        lines.append(head)
        if moves.count > 1 || !overridden.isEmpty { lines.append("") }
        for m in moves.dropFirst() { lines.append("- LIP-\(m.lip): \(m.from.rawValue) -> \(m.to.rawValue) with its bundle parent LIP-\(first.lip)") }
        for o in overridden { lines.append("- forced past: \(o)") }
        if let reason, !overridden.isEmpty { lines.append("- reason: \(reason)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The unified diff of every change.
    public var diff: String { changes.map { UnifiedDiff.make(old: $0.old, new: $0.new, path: $0.path) }.joined() }

    /// Writes every change, all or nothing.
    public func apply(workspace: Workspace) throws {
        var transaction = FileTransaction()
        for change in changes { transaction.write(change.new, to: change.url) }
        try transaction.commit(relativeTo: workspace.root)
    }
}
