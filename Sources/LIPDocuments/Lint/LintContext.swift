import Foundation
import LIPCore

/// What rules may know beyond the document at hand.
public struct LintContext: Sendable {
    /// The LIP numbers that exist in the workspace (from file names and `lip` fields).
    public var knownNumbers: Set<Int>
    /// The README index, when the workspace has a README.
    public var index: ReadmeIndex?
    /// Whether the README index is checked in this run (a whole workspace, or `lip index --check`).
    public var checksIndex: Bool

    /// Creates a context.
    public init(knownNumbers: Set<Int>, index: ReadmeIndex?, checksIndex: Bool) {
        self.knownNumbers = knownNumbers
        self.index = index
        self.checksIndex = checksIndex
    }
}
