import Foundation
import LIPCore

/// `index-missing-table`: README.md exists but has no table after an `Index` heading.
package struct IndexMissingTable: WorkspaceLintRule {
    package init() {}
    package let id = "index-missing-table"
    package let severity = Severity.error
    package let summary = "README.md is missing or has no index table (the first table after a heading `Index`)"

    package func check(_ summaries: [DocumentSummary], context: LintContext) -> [Finding] {
        guard context.checksIndex else { return [] }
        guard let index = context.index else {
            return [
                Finding(
                    file: "README.md", line: 1, lip: nil, rule: id, severity: severity, message: "the workspace has no README.md, so no index lists its LIPs",
                    help: "run `lip index` to write it")
            ]
        }
        guard index.tableLines == nil else { return [] }
        let line = index.headingLine ?? 0
        let message = index.headingLine == nil ? "README.md has no `## Index` heading" : "no LIP | Title | Status table after the `Index` heading"
        return [index.finding(self, line: line, lip: nil, message, help: "run `lip index` to write it")]
    }
}
