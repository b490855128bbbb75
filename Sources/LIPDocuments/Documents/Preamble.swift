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
    /// The 1-based line number, for findings.
    public var lineNumber: Int { lineIndex + 1 }
}

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

/// Why a file could not be read as a LIP at all.
public enum DocumentProblem: Error, Equatable, Sendable {
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

enum PreambleParser {
    static func isMarker(_ line: String) -> Bool {
        var s = Substring(line)
        if s.hasPrefix("\u{FEFF}") { s = s.dropFirst() }
        return s.trimmingCharacters(in: .whitespaces) == "---"
    }

    /// Parses the preamble of `lines`, or says why there is none.
    static func parse(_ lines: [TextLine]) -> Result<Preamble, DocumentProblem> {
        guard let first = lines.first, isMarker(first.content) else { return .failure(.noPreamble) }
        var fields: [PreambleField] = []
        var malformed: [Int] = []
        var index = 1
        while index < lines.count {
            let content = lines[index].content
            if isMarker(content) {
                return .success(Preamble(openingLine: 0, closingLine: index, fields: fields, malformedLines: malformed))
            }
            if content.trimmingCharacters(in: .whitespaces).isEmpty {
                index += 1
                continue
            }
            if let colon = content.firstIndex(of: ":") {
                let key = content[..<colon].trimmingCharacters(in: .whitespaces)
                let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if key.isEmpty {
                    malformed.append(index)
                } else {
                    fields.append(PreambleField(key: key, value: value, lineIndex: index))
                }
            } else {
                malformed.append(index)
            }
            index += 1
        }
        return .failure(.unclosedPreamble(openingLine: 0))
    }
}
