import Foundation
import LIPCore

/// `index-missing-entry`: a numbered LIP has no index row.
package struct IndexMissingEntry: WorkspaceLintRule {
    package init() {}
    package let id = "index-missing-entry"
    package let severity = Severity.error
    package let summary = "a numbered LIP has no index row"

    package func check(_ summaries: [DocumentSummary], context: LintContext) -> [Finding] {
        guard let index = context.index, let table = index.tableLines else { return [] }
        let listed = Set(index.rows.compactMap(\.number))
        let expected = IndexExpectation(summaries)
        return expected.byNumber.keys.sorted().filter { !listed.contains($0) }.map { n in
            index.finding(
                self, line: table.upperBound - 1, lip: n, "LIP-\(n) (\(expected.byNumber[n]!.path)) has no row in the index",
                help: "run `lip index` to add it")
        }
    }
}
