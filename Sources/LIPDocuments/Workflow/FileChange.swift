import Foundation
import LIPCore

/// One file a move changes: its text before and after.
public struct FileChange: Sendable {
    /// The file.
    public var url: URL
    /// The path relative to the workspace.
    public var path: String
    /// The text before (nil: the file is new).
    public var old: String?
    /// The text after.
    public var new: String

    /// Creates a change.
    public init(url: URL, path: String, old: String?, new: String) {
        self.url = url
        self.path = path
        self.old = old
        self.new = new
    }
}
