import Foundation

/// A text file as a list of lines that joins back to exactly the bytes it was read from.
public struct TextLines: Equatable, Sendable {
    /// The lines, in order.
    public var lines: [TextLine]

    /// Splits `text` into lines, keeping each line's terminator.
    public init(_ text: String) {
        var result: [TextLine] = []
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var start = 0
            var i = 0
            while i < count {
                if bytes[i] == 0x0A {
                    var end = i
                    var terminator = "\n"
                    if end > start, bytes[end - 1] == 0x0D {
                        end -= 1
                        terminator = "\r\n"
                    }
                    let content = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    result.append(TextLine(content: content, terminator: terminator))
                    start = i + 1
                }
                i += 1
            }
            if start < count {
                result.append(TextLine(content: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<count]), as: UTF8.self), terminator: ""))
            }
        }
        self.lines = result
    }

    /// Creates a file from lines.
    public init(lines: [TextLine]) {
        self.lines = lines
    }

    /// The file's text, byte for byte as it was read (plus any edits).
    public var text: String {
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.content.utf8.count + 2 })
        for line in lines {
            out += line.content
            out += line.terminator
        }
        return out
    }

    /// The terminator most lines use, for lines this program inserts.
    public var dominantTerminator: String {
        var crlf = 0, lf = 0
        for line in lines {
            if line.terminator == "\r\n" { crlf += 1 } else if line.terminator == "\n" { lf += 1 }
        }
        return crlf > lf ? "\r\n" : "\n"
    }
}
