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

/// A rule that looks at one document at a time.
public protocol DocumentLintRule: LintRule {
    /// The findings for `document`.
    func check(_ document: LIPDocument, context: LintContext) -> [Finding]
}

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

/// What rules may know beyond the document at hand.
public struct LintContext: Sendable {
    /// The LIP numbers that exist in the workspace (from file names and `lip` fields).
    public var knownNumbers: Set<Int>
    /// The README index, when the workspace has a README.
    public var index: ReadmeIndex?
    /// Whether the README exists at all.
    public var hasReadme: Bool

    /// Creates a context.
    public init(knownNumbers: Set<Int>, index: ReadmeIndex?, hasReadme: Bool) {
        self.knownNumbers = knownNumbers
        self.index = index
        self.hasReadme = hasReadme
    }
}

/// What workspace rules need of each document, kept small so linting holds one document at a time.
public struct DocumentSummary: Sendable {
    /// The file, relative to the workspace.
    public var path: String
    /// The number in the file name.
    public var fileNumber: Int?
    /// The number the LIP goes by.
    public var number: Int?
    /// The title field.
    public var title: String?
    /// The status, when known.
    public var status: LIPStatus?
    /// The `part-of` parents.
    public var partOf: [Int]
    /// The line index of the `part-of` field (or 0).
    public var partOfLine: Int
    /// The line index of the `status` field (or 0).
    public var statusLine: Int
    /// Whether the preamble could be parsed.
    public var parsed: Bool

    /// Summarises a document.
    public init(_ d: LIPDocument) {
        path = d.path
        fileNumber = d.numberFromFileName
        number = d.effectiveNumber
        title = d.title
        status = d.status
        partOf = d.partOf
        partOfLine = d.preamble?.field("part-of")?.lineIndex ?? 0
        statusLine = d.preamble?.field("status")?.lineIndex ?? 0
        parsed = d.preamble != nil
    }
}
