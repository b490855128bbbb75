import Foundation

/// Reads a CSV file record by record without loading it whole (RFC 4180 quoting; a quoted
/// field may not span lines). Line numbers are 1-based.
package struct CSVReader {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    /// The line number of the record last returned.
    package private(set) var line = 0
    /// Whether the last line returned ended without a newline (a possibly truncated file).
    package private(set) var lastLineUnterminated = false

    /// Opens `url`; `path` names it in errors.
    package init(url: URL, path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let handle = FileHandle(forReadingAtPath: url.path)
        else {
            throw LIPError.unreadable(path: path, reason: FileProblem.describe(nil, at: url))
        }
        self.handle = handle
        self.path = path
    }

    /// The next record's fields, or nil at the end. Blank lines are skipped.
    package mutating func next() throws -> [String]? {
        while true {
            guard let raw = try nextLine() else { return nil }
            line += 1
            if raw.isEmpty || (raw.count == 1 && raw.first == 0x0D) { continue }
            return try parse(raw)
        }
    }

    private mutating func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let slice = buffer[position..<newline]
                position = newline + 1
                lastLineUnterminated = false
                return slice
            }
            if finished {
                guard position < buffer.count else { return nil }
                let slice = buffer[position...]
                position = buffer.count
                lastLineUnterminated = true
                return slice
            }
            buffer.removeSubrange(0..<position)
            position = 0
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw LIPError.unreadable(path: path, reason: "\(error)")
            }
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { finished = true }
        }
    }

    private func parse(_ raw: ArraySlice<UInt8>) throws -> [String] {
        var bytes = raw
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Fast path: no quotes.
        if !bytes.contains(0x22) {
            return bytes.split(separator: 0x2C, omittingEmptySubsequences: false).map { field in
                var f = field
                while let first = f.first, first == 0x20 || first == 0x09 { f = f.dropFirst() }
                while let last = f.last, last == 0x20 || last == 0x09 { f = f.dropLast() }
                return String(decoding: f, as: UTF8.self)
            }
        }
        var fields: [String] = []
        var current: [UInt8] = []
        var inQuotes = false
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let c = bytes[i]
            if inQuotes {
                if c == 0x22 {
                    if i + 1 < bytes.endIndex && bytes[i + 1] == 0x22 { current.append(0x22); i += 1 } else { inQuotes = false }
                } else {
                    current.append(c)
                }
            } else if c == 0x22 {
                inQuotes = true
            } else if c == 0x2C {
                fields.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(c)
            }
            i += 1
        }
        guard !inQuotes else { throw LIPError.invalidInput(file: path, location: "\(line)", message: "a quoted field is not closed") }
        fields.append(String(decoding: current, as: UTF8.self))
        return fields
    }

    /// The next record as a column lookup, or nil at the end; a record with the wrong number of fields is an error.
    package mutating func record(columns: [String: Int]) throws -> ((String) -> String)? {
        guard let f = try next() else { return nil }
        guard f.count == columns.count else {
            throw LIPError.invalidInput(
                file: path, location: "\(line)", message: "expected \(columns.count) fields, found \(f.count)" + (lastLineUnterminated ? " (the file looks truncated)" : ""))
        }
        return { name in columns[name].map { f[$0] } ?? "" }
    }

    /// Reads a header and checks that it has exactly the expected columns (any order), and any of
    /// the `optional` ones.
    package mutating func header(expected: [String], optional: [String] = []) throws -> [String: Int] {
        let known = expected + optional
        guard let header = try next() else { throw LIPError.invalidInput(file: path, location: "1", message: "empty file: expected the header \(expected.joined(separator: ","))") }
        var columns: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            guard known.contains(name.lowercased()) else {
                throw LIPError.invalidInput(file: path, location: "\(line)", message: "unknown column `\(name)` (expected \(known.joined(separator: ",")))")
            }
            guard columns[name.lowercased()] == nil else {
                throw LIPError.invalidInput(file: path, location: "\(line)", message: "column `\(name)` appears twice")
            }
            columns[name.lowercased()] = i
        }
        for name in expected where columns[name] == nil {
            throw LIPError.invalidInput(file: path, location: "\(line)", message: "missing column `\(name)` (expected \(expected.joined(separator: ",")))")
        }
        return columns
    }
}
