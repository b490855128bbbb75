import Foundation
import LIPCore

/// One `key: value` line of a LIP's front matter.
public struct PreambleField: Equatable, Sendable {
    /// The key as written, without surrounding spaces.
    public var key: String
    /// The value with surrounding spaces removed.
    public var value: String
    /// The index of the line in the file (0-based).
    public var lineIndex: Int
}
