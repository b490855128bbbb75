import Foundation
import LIPCore

/// `markdown-missing-section`: a Standard Track LIP lacks an Abstract, Motivation or Specification section.
package struct MarkdownMissingSection: DocumentLintRule {
    package init() {}
    package let id = "markdown-missing-section"
    package let severity = Severity.warning
    package let summary = "a Standard Track LIP lacks an Abstract, Motivation or Specification section"

    static let sections = ["Abstract", "Motivation", "Specification"]

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble, document.type == .standardTrack else { return [] }
        let present = Set(document.headings.map { $0.text.lowercased() })
        return MarkdownMissingSection.sections.filter { !present.contains($0.lowercased()) }.map { name in
            document.finding(self, line: preamble.closingLine, "Standard Track LIP has no `## \(name)` section")
        }
    }
}
