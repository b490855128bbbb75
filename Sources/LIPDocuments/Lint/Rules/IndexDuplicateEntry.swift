import Foundation
import LIPCore

/// `index-duplicate-entry`: two index rows name the same LIP.
package struct IndexDuplicateEntry: WorkspaceLintRule {
    package init() {}
    package let id = "index-duplicate-entry"
    package let severity = Severity.error
    package let summary = "two index rows name the same LIP"

    package func check(_ summaries: [DocumentSummary], context: LintContext) -> [Finding] {
        guard let index = context.index else { return [] }
        var seen: [Int: Int] = [:]
        var findings: [Finding] = []
        for row in index.rows {
            guard let n = row.number else { continue }
            if let first = seen[n] {
                findings.append(index.finding(self, line: row.lineIndex, lip: n, "LIP-\(n) has a second index row (first on line \(first + 1))"))
            } else {
                seen[n] = row.lineIndex
            }
        }
        return findings
    }
}
