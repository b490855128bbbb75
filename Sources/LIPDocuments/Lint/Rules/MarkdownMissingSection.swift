import Foundation
import LIPCore

/// `markdown-missing-section`: a Standard Track LIP lacks an Abstract, Motivation or Specification section.
public struct MarkdownMissingSection: DocumentLintRule {
    public init() {}
    public let id = "markdown-missing-section"
    public let severity = Severity.warning
    public let summary = "a Standard Track LIP lacks an Abstract, Motivation or Specification section"

    static let sections = ["Abstract", "Motivation", "Specification"]

    public func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble, document.type == .standardTrack else { return [] }
        let present = Set(document.headings.map { $0.text.lowercased() })
        return MarkdownMissingSection.sections.filter { !present.contains($0.lowercased()) }.map { name in
            document.finding(self, line: preamble.closingLine, "Standard Track LIP has no `## \(name)` section")
        }
    }
}
