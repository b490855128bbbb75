import Foundation
import LIPCore

/// What rules may know beyond the document at hand.
public struct LintContext: Sendable {
    /// The LIP numbers that exist in the workspace (from file names and `lip` fields).
    public var knownNumbers: Set<Int>
    /// The README index, when the workspace has a README.
    public var index: ReadmeIndex?

    /// Creates a context.
    public init(knownNumbers: Set<Int>, index: ReadmeIndex?) {
        self.knownNumbers = knownNumbers
        self.index = index
    }
}
