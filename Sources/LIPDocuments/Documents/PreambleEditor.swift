import Foundation
import LIPCore

extension LIPDocument {
    /// The document with field `key` set to `value`: the field's line is replaced, or, when the
    /// field is absent, a line is inserted before the closing `---`. Every other byte stays.
    package func setting(_ key: String, to value: String) throws -> LIPDocument {
        guard let preamble else { throw LIPError.invalidInput(file: path, location: "1", message: "no preamble to edit") }
        var lines = self.lines.lines
        let content = value.isEmpty ? "\(key):" : "\(key): \(value)"
        if let field = preamble.field(key) {
            lines[field.lineIndex].content = content
        } else {
            let terminator = self.lines.dominantTerminator
            lines.insert(TextLine(content: content, terminator: terminator), at: preamble.closingLine)
        }
        return LIPDocument(path: path, text: TextLines(lines: lines).text)
    }

    /// The document without field `key` (its line removed); unchanged when absent.
    package func removing(_ key: String) -> LIPDocument {
        guard let field = preamble?.field(key) else { return self }
        var lines = self.lines.lines
        lines.remove(at: field.lineIndex)
        return LIPDocument(path: path, text: TextLines(lines: lines).text)
    }

    /// The same text under another path.
    package func moved(to newPath: String) -> LIPDocument {
        var copy = self
        copy.path = newPath
        return copy
    }
}
