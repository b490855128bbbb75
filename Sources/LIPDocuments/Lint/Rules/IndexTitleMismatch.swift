import Foundation
import LIPCore

/// `index-title-mismatch`: the README index shows another title than the file.
public struct IndexTitleMismatch: WorkspaceLintRule {
    public init() {}
    public let id = "index-title-mismatch"
    public let severity = Severity.warning
    public let summary = "the README index shows another title than the file"

    public func check(_ summaries: [DocumentSummary], context: LintContext) -> [Finding] {
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
