import Foundation
import LIPCore

/// `index-status-mismatch`: the README index shows another status than the file.
package struct IndexStatusMismatch: WorkspaceLintRule {
    package init() {}
    package let id = "index-status-mismatch"
    package let severity = Severity.error
    package let summary = "the README index shows another status than the file"

    package func check(_ summaries: [DocumentSummary], context: LintContext) -> [Finding] {
        guard let index = context.index else { return [] }
        let expected = IndexExpectation(summaries)
        return index.rows.compactMap { row in
            guard let n = row.number, let s = expected.byNumber[n], let status = s.status, row.status != status.rawValue else { return nil }
            return index.finding(
                self, line: row.lineIndex, lip: n, "index says LIP-\(n) is `\(row.status)` but \(s.path) says `\(status.rawValue)`",
                help: "run `lip index` to update the row")
        }
    }
}
