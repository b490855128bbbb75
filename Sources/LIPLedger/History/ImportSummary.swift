import Foundation
import LIPEthereum
import LIPCore

/// What one import did, for the one-line summary.
public struct ImportSummary: Sendable, Equatable {
    /// What was imported (`snapshot l1@14207040`, `logs`, ...).
    public var what: String
    /// Rows added.
    public var rows: Int
    /// Rows already present (re-import).
    public var unchanged: Int = 0
    /// Skipped inputs by reason.
    public var skipped: [String: Int] = [:]
    /// Warnings about the data.
    public var warnings: [String] = []

    /// The one-line summary.
    public var line: String {
        var parts = ["\(what): \(rows) row\(rows == 1 ? "" : "s") added"]
        if unchanged > 0 { parts.append("\(unchanged) already present") }
        let skippedTotal = skipped.values.reduce(0, +)
        if skippedTotal > 0 {
            parts.append("\(skippedTotal) skipped (" + skipped.keys.sorted().map { "\($0): \(skipped[$0]!)" }.joined(separator: ", ") + ")")
        }
        parts.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")")
        return parts.joined(separator: ", ")
    }
}
