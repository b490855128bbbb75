import Foundation
import LIPCore

/// `preamble-self-reference`: `requires`, `replaces` or `part-of` names the LIP itself.
public struct PreambleSelfReference: DocumentLintRule {
    public init() {}
    public let id = "preamble-self-reference"
    public let severity = Severity.error
    public let summary = "`requires`, `replaces` or `part-of` names the LIP itself"

    public func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble, let own = document.effectiveNumber else { return [] }
        return PreambleKey.references.compactMap { key in
            guard let field = preamble.field(key), document.references(key).contains(own) else { return nil }
            return document.finding(self, line: field.lineIndex, "`\(key)` names LIP-\(own) itself")
        }
    }
}
