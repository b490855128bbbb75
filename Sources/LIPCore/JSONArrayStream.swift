import Foundation

/// Reads the elements of a large JSON array from a file one at a time, in bounded memory: the
/// file's top-level array, or the array under a top-level object's `key` (a JSON-RPC response's
/// `result`). Each element comes back as its own bytes, for a decoder; nothing else is kept.
package struct JSONArrayStream {
    /// Why the stream cannot go on.
    package enum Problem: Error, Equatable {
        /// The file ends inside a value (truncated).
        case truncated(element: Int)
        /// Not JSON where a value or a separator belongs.
        case invalid(element: Int)
        /// The top level is neither an array nor an object with `key`; `other` holds the raw value
        /// of the object's `error` member, when it has one.
        case noArray(error: Data?)
    }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var started = false
    private var done = false
    private let key: String
    /// Elements read so far.
    package private(set) var count = 0
    /// Called with every chunk of the file as it is read (to hash the file while streaming).
    package var onChunk: ((Data) -> Void)?

    /// Opens `url`; `key` names the array inside a top-level object.
    package init(url: URL, key: String = "result") throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw CocoaError(.fileReadNoSuchFile) }
        self.handle = handle
        self.key = key
    }

    /// The next element's bytes, or nil after the last.
    package mutating func next() throws -> Data? {
        try nextBytes().map { Data($0) }
    }

    /// The next element's bytes, or nil after the last, without a copy: valid until the next call.
    package mutating func nextBytes() throws -> ArraySlice<UInt8>? {
        compact()
        if done { return nil }
        if !started {
            started = true
            try openArray()
        }
        try skipWhitespace()
        guard let c = try peek() else { throw Problem.truncated(element: count) }
        if c == UInt8(ascii: "]") {
            position += 1
            done = true
            return nil
        }
        if count > 0 {
            guard c == UInt8(ascii: ",") else { throw Problem.invalid(element: count) }
            position += 1
            try skipWhitespace()
        }
        let start = position
        try skipValue()
        count += 1
        return buffer[start..<position]
    }

    /// Reads the rest of the file (after the array), so that `onChunk` has seen all of it.
    package mutating func drain() throws {
        while try peek() != nil {
            position = buffer.count
            compact()
        }
    }

    /// Finds the array: the top level, or the object's `key`.
    private mutating func openArray() throws {
        try skipWhitespace()
        guard let c = try peek() else { throw Problem.truncated(element: 0) }
        if c == UInt8(ascii: "[") {
            position += 1
            return
        }
        guard c == UInt8(ascii: "{") else { throw Problem.noArray(error: nil) }
        position += 1
        var error: Data?
        while true {
            try skipWhitespace()
            guard let c = try peek() else { throw Problem.truncated(element: 0) }
            if c == UInt8(ascii: "}") { throw Problem.noArray(error: error) }
            if c == UInt8(ascii: ",") {
                position += 1
                continue
            }
            let nameStart = position
            try skipValue()
            let name = try? JSONSerialization.jsonObject(with: Data(buffer[nameStart..<position]), options: [.fragmentsAllowed]) as? String
            try skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw Problem.invalid(element: 0) }
            position += 1
            try skipWhitespace()
            if name == key, try peek() == UInt8(ascii: "[") {
                position += 1
                return
            }
            let valueStart = position
            try skipValue()
            if name == "error" { error = Data(buffer[valueStart..<position]) }
        }
    }

    /// Moves past one JSON value (string, number, literal, object or array), keeping it in the buffer.
    private mutating func skipValue() throws {
        guard let first = try peek() else { throw Problem.truncated(element: count) }
        if first == UInt8(ascii: "\"") {
            position += 1
            try skipStringBody()
            return
        }
        if first != UInt8(ascii: "{") && first != UInt8(ascii: "[") {
            // A number or a literal: up to the next separator.
            while let c = try peek(), !",]} \n\r\t".utf8.contains(c) { position += 1 }
            return
        }
        var depth = 0
        while let c = try peek() {
            position += 1
            switch c {
            case UInt8(ascii: "\""): try skipStringBody()
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
        throw Problem.truncated(element: count)
    }

    /// Moves past a string's body and closing quote.
    private mutating func skipStringBody() throws {
        while let c = try peek() {
            position += 1
            if c == UInt8(ascii: "\\") {
                guard try peek() != nil else { break }
                position += 1
            } else if c == UInt8(ascii: "\"") {
                return
            }
        }
        throw Problem.truncated(element: count)
    }

    private mutating func skipWhitespace() throws {
        while let c = try peek(), c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { position += 1 }
    }

    /// The byte at the position, reading more of the file when needed; nil at its end.
    private mutating func peek() throws -> UInt8? {
        while position >= buffer.count {
            if finished { return nil }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty {
                finished = true
                try? handle.close()
            } else {
                onChunk?(chunk)
                buffer.append(contentsOf: chunk)
            }
        }
        return buffer[position]
    }

    /// Drops what was read, keeping memory bounded.
    private mutating func compact() {
        if position > 1 << 20 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
    }
}
