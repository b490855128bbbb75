import Foundation
import LIPCore

/// A LIP file: its bytes as lines, its preamble, and what its name says.
public struct LIPDocument: Sendable {
    /// The path relative to the workspace root (`LIPs/LIP-16.md`), used in findings.
    public var path: String
    /// The lines of the file; joining them gives back the exact bytes.
    public var lines: TextLines
    /// The parsed preamble, or why there is none.
    public var preambleResult: Result<Preamble, DocumentProblem>

    /// Parses a document from raw bytes. Never fails: problems are kept in `preambleResult`.
    public init(path: String, data: Data) {
        if data.isEmpty {
            self.init(path: path, lines: TextLines(lines: []), problem: .empty)
        } else if data.contains(0) {
            self.init(path: path, lines: TextLines(lines: []), problem: .binary)
        } else if let text = String(validatingUTF8Data: data) {
            self.init(path: path, text: text)
        } else {
            self.init(path: path, lines: TextLines(lines: []), problem: .notUTF8(offset: LIPDocument.firstInvalidUTF8Offset(data)))
        }
    }

    private init(path: String, lines: TextLines, problem: DocumentProblem) {
        self.path = path
        self.lines = lines
        self.preambleResult = .failure(problem)
    }

    /// Parses a document from text.
    public init(path: String, text: String) {
        self.path = path
        self.lines = TextLines(text)
        self.preambleResult = PreambleParser.parse(lines.lines)
    }

    /// Reads and parses the file at `url`; `path` is how findings name it.
    public static func load(_ url: URL, path: String) throws -> LIPDocument {
        do {
            let data = try Data(contentsOf: url)
            return LIPDocument(path: path, data: data)
        } catch {
            throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url))
        }
    }

    /// Reads the file at `url` like `load`, but a path that is a folder, a dangling link or
    /// unreadable becomes a document with that problem (`file-unreadable`), so that a lint goes
    /// on to the other files.
    public static func loadOrProblem(_ url: URL, path: String) -> LIPDocument {
        do { return try load(url, path: path) } catch {
            return LIPDocument(path: path, lines: TextLines(lines: []), problem: .unreadable(reason: FileProblem.describe(error, at: url)))
        }
    }

    /// Whether the file could be read at all.
    public var isReadable: Bool {
        if case .failure(.unreadable) = preambleResult { return false }
        return true
    }

    /// The preamble, when the file has one.
    public var preamble: Preamble? {
        if case .success(let p) = preambleResult { return p }
        return nil
    }

    /// The file's text, exactly as read (with any edits applied).
    public var text: String { lines.text }

    /// The file name without directories.
    public var fileName: String { (path as NSString).lastPathComponent }

    /// The LIP number written in the file name (`LIP-16.md` gives 16), if it is numbered.
    public var numberFromFileName: Int? { LIPDocument.number(fromFileName: fileName) }

    /// The slug of an unnumbered draft's file name (`LIP-my-idea.md` gives `my-idea`).
    public var slugFromFileName: String? {
        guard numberFromFileName == nil, fileName.hasPrefix("LIP-"), fileName.hasSuffix(".md") else { return nil }
        return String(fileName.dropFirst(4).dropLast(3))
    }

    /// The number in the `lip` field, if it is a whole number.
    public var number: Int? {
        guard let value = preamble?.value("lip") else { return nil }
        return Int(value)
    }

    /// The number the LIP goes by: the `lip` field, else the file name's.
    public var effectiveNumber: Int? { number ?? numberFromFileName }

    /// The title field.
    public var title: String? { preamble?.value("title") }

    /// The status field, when it is a known status.
    public var status: LIPStatus? { preamble?.value("status").flatMap { LIPStatus(rawValue: $0) } }

    /// The type field, when it is a known type.
    public var type: LIPType? { preamble?.value("type").flatMap { LIPType(rawValue: $0) } }

    /// The LIP numbers listed in a reference field (`requires`, `replaces`, `part-of`); entries that are not numbers are left out.
    public func references(_ key: String) -> [Int] {
        guard let value = preamble?.value(key) else { return [] }
        return LIPDocument.numberList(value).compactMap { $0 }
    }

    /// The parents named by `part-of`.
    public var partOf: [Int] { references("part-of") }

    /// The markdown headings of the body, as (level, text, line index).
    public var headings: [(level: Int, text: String, line: Int)] {
        let start = (preamble?.closingLine ?? -1) + 1
        var result: [(Int, String, Int)] = []
        var inFence = false
        for i in start..<lines.lines.count {
            let content = lines.lines[i].content
            if content.hasPrefix("```") || content.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence || !content.hasPrefix("#") { continue }
            let level = content.prefix(while: { $0 == "#" }).count
            guard level <= 6 else { continue }
            let rest = content.dropFirst(level)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
            var text = rest.trimmingCharacters(in: .whitespaces)
            while text.hasSuffix("#") { text.removeLast() }
            result.append((level, text.trimmingCharacters(in: .whitespaces), i))
        }
        return result
    }

    /// Parses `LIP-<n>.md` into n.
    public static func number(fromFileName name: String) -> Int? {
        guard name.hasPrefix("LIP-"), name.hasSuffix(".md") else { return nil }
        let middle = name.dropFirst(4).dropLast(3)
        guard !middle.isEmpty, middle.allSatisfy(\.isASCIIDigit), middle == "0" || !middle.hasPrefix("0"), let n = Int(middle) else { return nil }
        return n
    }

    /// Splits a comma-separated list of LIP numbers; entries that are not numbers come back as nil.
    public static func numberList(_ value: String) -> [Int?] {
        value.split(separator: ",").map { part in
            var item = part.trimmingCharacters(in: .whitespaces)
            if item.uppercased().hasPrefix("LIP-") { item = String(item.dropFirst(4)) }
            return item.allSatisfy(\.isASCIIDigit) ? Int(item) : nil
        }
    }

    static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            let b = bytes[offset]
            let length: Int
            if b < 0x80 {
                length = 1
            } else if b >> 5 == 0b110 {
                length = 2
            } else if b >> 4 == 0b1110 {
                length = 3
            } else if b >> 3 == 0b11110 {
                length = 4
            } else {
                return offset
            }
            if offset + length > bytes.count { return offset }
            if String(bytes: bytes[offset..<offset + length], encoding: .utf8) == nil { return offset }
            offset += length
        }
        return offset
    }
}
