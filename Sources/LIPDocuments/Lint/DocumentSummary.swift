import Foundation
import LIPCore

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
