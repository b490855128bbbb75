import Foundation
import LIPCore

/// `preamble-missing`: no front matter, or it is never closed.
package struct PreambleMissing: DocumentLintRule {
    package init() {}
    package let id = "preamble-missing"
    package let severity = Severity.error
    package let summary = "no front matter, or it is never closed"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        switch document.preambleResult {
        case .failure(.empty):
            return [document.finding(self, line: 0, "empty file: a LIP starts with a `---` preamble")]
        case .failure(.noPreamble):
            let first = document.lines.lines.first?.content ?? ""
            return [
                document.finding(
                    self, line: 0, "no preamble: the first line is `\(first.prefix(60))`, not `---`",
                    help: "start the file with `---`, the `key: value` fields, and a closing `---`")
            ]
        case .failure(.unclosedPreamble(let opening)):
            return [document.finding(self, line: opening, "the preamble opened here is never closed", help: "add a `---` line after the last field")]
        default:
            return []
        }
    }
}
