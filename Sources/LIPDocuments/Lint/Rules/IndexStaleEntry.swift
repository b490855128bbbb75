import Foundation
import LIPCore

/// `index-stale-entry`: an index row points to no file.
package struct IndexStaleEntry: WorkspaceLintRule {
    package init() {}
    package let id = "index-stale-entry"
    package let severity = Severity.error
    package let summary = "an index row points to no file"

    package func check(_ summaries: [DocumentSummary], context: LintContext) -> [Finding] {
        guard let index = context.index else { return [] }
        let files = Set(summaries.compactMap(\.fileNumber))
        return index.rows.compactMap { row in
            guard let n = row.number else {
                return index.finding(self, line: row.lineIndex, lip: nil, "index row has no LIP number: `\(index.lines.lines[row.lineIndex].content.prefix(60))`")
            }
            guard !files.contains(n) else { return nil }
            return index.finding(
                self, line: row.lineIndex, lip: n, "index row for LIP-\(n) points to \(row.link ?? "LIPs/LIP-\(n).md"), which does not exist",
                help: "run `lip index` to drop the row, or restore the file")
        }
    }
}
