import Foundation
import LIPCore

/// `preamble-unknown-reference`: `requires`, `replaces` or `part-of` names a LIP the workspace does not have.
package struct PreambleUnknownReference: DocumentLintRule {
    package init() {}
    package let id = "preamble-unknown-reference"
    package let severity = Severity.error
    package let summary = "`requires`, `replaces` or `part-of` names a LIP the workspace does not have"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble else { return [] }
        var findings: [Finding] = []
        for key in PreambleKey.references {
            guard let field = preamble.field(key), !field.value.isEmpty else { continue }
            let items = field.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for (item, number) in zip(items, LIPDocument.numberList(field.value)) {
                if let number {
                    if number != document.effectiveNumber && !context.knownNumbers.contains(number) {
                        findings.append(document.finding(self, line: field.lineIndex, "`\(key)` names LIP-\(number), which is not in this workspace"))
                    }
                } else {
                    findings.append(document.finding(self, line: field.lineIndex, "`\(key)` entry `\(item)` is not a LIP number"))
                }
            }
        }
        return findings
    }
}
