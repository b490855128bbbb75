import Foundation
import LIPCore

/// A lint rule: a stable kebab-case id, a default severity and a one-line summary.
public protocol LintRule: Sendable {
    /// The rule id, e.g. `preamble-missing-field`.
    var id: String { get }
    /// The severity its findings have unless the rule says otherwise.
    var severity: Severity { get }
    /// When the rule fires, in a sentence.
    var summary: String { get }
}
