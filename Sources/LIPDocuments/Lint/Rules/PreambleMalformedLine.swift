import Foundation
import LIPCore

/// `preamble-malformed-line`: a preamble line that is not `key: value`.
package struct PreambleMalformedLine: DocumentLintRule {
    package init() {}
    package let id = "preamble-malformed-line"
    package let severity = Severity.error
    package let summary = "a preamble line is not blank and not `key: value`"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble else { return [] }
        return preamble.malformedLines.map { index in
            document.finding(self, line: index, "not a `key: value` line: `\(document.lines.lines[index].content.prefix(60))`")
        }
    }
}
