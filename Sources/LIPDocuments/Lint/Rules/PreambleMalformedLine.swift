import Foundation
import LIPCore

/// `preamble-malformed-line`: a preamble line that is not `key: value`.
public struct PreambleMalformedLine: DocumentLintRule {
    public init() {}
    public let id = "preamble-malformed-line"
    public let severity = Severity.error
    public let summary = "a preamble line is not blank and not `key: value`"

    public func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble else { return [] }
        return preamble.malformedLines.map { index in
            document.finding(self, line: index, "not a `key: value` line: `\(document.lines.lines[index].content.prefix(60))`")
        }
    }
}
