import Foundation
import LIPCore

/// One row of the README index table.
public struct IndexRow: Equatable, Sendable {
    /// The LIP number in the first cell, when it is `[n](...)` or a plain number.
    public var number: Int?
    /// The link target of the LIP cell, if any.
    public var link: String?
    /// The Title cell, unescaped.
    public var title: String
    /// The Status cell.
    public var status: String
    /// The line index of the row in README.md (0-based).
    public var lineIndex: Int
}
