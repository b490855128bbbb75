import Foundation

/// One line of a text file: its content and the exact terminator that ended it.
public struct TextLine: Equatable, Sendable {
    /// The line's characters, without its terminator.
    public var content: String
    /// The bytes that ended the line: `"\n"`, `"\r\n"`, or `""` for a last line without one.
    public var terminator: String

    /// Creates a line from its content and terminator.
    public init(content: String, terminator: String) {
        self.content = content
        self.terminator = terminator
    }
}
