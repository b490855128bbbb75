import Foundation
import LIPCore

/// `index-title-mismatch`: the README index shows another title than the file.
package struct IndexTitleMismatch: WorkspaceLintRule {
    package init() {}
    package let id = "index-title-mismatch"
    package let severity = Severity.warning
    package let summary = "the README index shows another title than the file"

    package func check(_ summaries: [DocumentSummary], context: LintContext) -> [Finding] {
        guard let index = context.index else { return [] }
        let expected = IndexExpectation(summaries)
        return index.rows.compactMap { row in
            guard let n = row.number, let s = expected.byNumber[n], let title = s.title, row.title != title else { return nil }
            return index.finding(
                self, line: row.lineIndex, lip: n, "index title of LIP-\(n) is `\(row.title)` but \(s.path) says `\(title)`",
                help: "run `lip index` to update the row")
        }
    }
}
