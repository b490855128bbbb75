import Foundation
import LIPCore

/// `preamble-duplicate-field`: a key appears twice.
package struct PreambleDuplicateField: DocumentLintRule {
    package init() {}
    package let id = "preamble-duplicate-field"
    package let severity = Severity.error
    package let summary = "a key appears twice"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble else { return [] }
        var firstLine: [String: Int] = [:]
        var findings: [Finding] = []
        for field in preamble.fields {
            if let first = firstLine[field.key] {
                findings.append(document.finding(self, line: field.lineIndex, "field `\(field.key)` appears again (first on line \(first + 1))"))
            } else {
                firstLine[field.key] = field.lineIndex
            }
        }
        return findings
    }
}
