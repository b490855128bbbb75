import Foundation
import LIPCore

/// The front matter of a LIP: the lines between the opening and the closing `---`.
public struct Preamble: Equatable, Sendable {
    /// The index of the opening `---` line.
    public var openingLine: Int
    /// The index of the closing `---` line.
    public var closingLine: Int
    /// The fields in file order, duplicates included.
    public var fields: [PreambleField]
    /// Lines between the markers that are neither blank nor `key: value` (0-based indices).
    public var malformedLines: [Int]

    /// The first field with this key, if any.
    public func field(_ key: String) -> PreambleField? {
        fields.first { $0.key == key }
    }

    /// The value of the first field with this key, if any.
    public func value(_ key: String) -> String? { field(key)?.value }
}
