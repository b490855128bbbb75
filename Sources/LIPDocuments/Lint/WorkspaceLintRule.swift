import Foundation
import LIPCore

/// A rule that looks across the workspace: bundles and the README index.
public protocol WorkspaceLintRule: LintRule {
    /// The findings for the whole set of documents.
    func check(_ summaries: [DocumentSummary], context: LintContext) -> [Finding]
    /// Whether the rule is about the README index (run by `lip index --check`).
    var isIndexRule: Bool { get }
}

extension WorkspaceLintRule {
    /// Rules whose id starts with `index-` are index rules.
    public var isIndexRule: Bool { id.hasPrefix("index-") }
}
