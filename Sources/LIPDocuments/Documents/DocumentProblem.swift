import Foundation
import LIPCore

/// Why a file could not be read as a LIP at all.
public enum DocumentProblem: Error, Equatable, Sendable {
    /// The path cannot be read as a file (a folder, a dangling link, no permission): `reason` says which.
    case unreadable(reason: String)
    /// The file has no bytes.
    case empty
    /// The file contains NUL bytes.
    case binary
    /// The file is not valid UTF-8; `offset` is the first bad byte.
    case notUTF8(offset: Int)
    /// The file does not start with a `---` line.
    case noPreamble
    /// The `---` opening the preamble is never closed.
    case unclosedPreamble(openingLine: Int)
}
