import Foundation
import LIPCore

/// `preamble-self-reference`: `requires`, `replaces` or `part-of` names the LIP itself.
package struct PreambleSelfReference: DocumentLintRule {
    package init() {}
    package let id = "preamble-self-reference"
    package let severity = Severity.error
    package let summary = "`requires`, `replaces` or `part-of` names the LIP itself"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble, let own = document.effectiveNumber else { return [] }
        return PreambleKey.references.compactMap { key in
            guard let field = preamble.field(key), document.references(key).contains(own) else { return nil }
            return document.finding(self, line: field.lineIndex, "`\(key)` names LIP-\(own) itself")
        }
    }
}
