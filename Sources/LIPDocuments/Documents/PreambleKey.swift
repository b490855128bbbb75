import Foundation
import LIPCore

/// The field keys a LIP preamble may hold, in the order a new LIP writes them.
public enum PreambleKey {
    /// Fields every LIP must have.
    public static let required = ["lip", "title", "author", "type", "status", "created", "discussions-to"]
    /// Fields a LIP may have.
    public static let optional = ["requires", "replaces", "part-of", "last-call-deadline"]
    /// Every known field.
    public static let all = required + optional
    /// Fields whose value is a list of LIP numbers.
    public static let references = ["requires", "replaces", "part-of"]
}
