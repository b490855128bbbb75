import Foundation
import LIPCore

/// A rule that looks at one document at a time.
public protocol DocumentLintRule: LintRule {
    /// The findings for `document`.
    func check(_ document: LIPDocument, context: LintContext) -> [Finding]
}
