import Foundation

/// A JSON value with ordered object keys, serialised byte-for-byte reproducibly.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose `count` elements are made as they are written: a list of a hundred
    /// thousand voters takes no memory before it is written out.
    /// `text`, when given, writes element i's pretty text straight as bytes, exactly as
    /// `element(i)` would be written (a test of each user holds them to that).
    case elements(count: Int, element: @Sendable (Int) -> JSONValue, text: (@Sendable (Int, inout JSONText) -> Void)? = nil)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// An optional string: `null` when nil.
    public static func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    /// An optional integer: `null` when nil.
    public static func int(_ i: Int?) -> JSONValue { i.map(JSONValue.int) ?? .null }

    /// The JSON text: pretty (two-space indent, `": "`) or compact, always with a final newline when pretty.
    public func serialized(pretty: Bool = true) -> String { serialized(pretty: pretty, elementText: true) }

    /// The same text; with `elementText` false, every element of `elements` is written from its
    /// value (what tests compare each `text` against).
    package func serialized(pretty: Bool, elementText: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out, indent: pretty ? 0 : nil, flush: nil, elementText: elementText)
        if pretty { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `serialized(pretty:)`'s bytes to `handle` a megabyte at a time, never holding the whole text.
    public func write(to handle: FileHandle, pretty: Bool = true) throws {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20 + 4096)
        var failure: Error?
        let flush: (inout [UInt8]) -> Void = { bytes in
            guard failure == nil else { return bytes.removeAll(keepingCapacity: true) }
            do { try handle.write(contentsOf: bytes) } catch { failure = error }
            bytes.removeAll(keepingCapacity: true)
        }
        write(to: &out, indent: pretty ? 0 : nil, flush: flush, elementText: true)
        if pretty { out.append(0x0A) }
        flush(&out)
        if let failure { throw failure }
    }

    /// Writes the text as UTF-8 bytes: a tally's JSON runs to tens of megabytes. `flush`, when
    /// given, takes what is written so far whenever it passes a megabyte.
    private func write(to out: inout [UInt8], indent: Int?, flush: ((inout [UInt8]) -> Void)?, elementText: Bool) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): JSONValue.append(String(i), to: &out)
        case .string(let s): JSONValue.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if let indent { JSONValue.newline(&out, indent + 1) }
                item.write(to: &out, indent: indent.map { $0 + 1 }, flush: flush, elementText: elementText)
                if let flush, out.count >= 1 << 20 { flush(&out) }
            }
            if let indent { JSONValue.newline(&out, indent) }
            out.append(0x5D)
        case .object(let pairs):
            if pairs.isEmpty { out += "{}".utf8; return }
            out.append(0x7B)
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                if let indent { JSONValue.newline(&out, indent + 1) }
                JSONValue.appendQuoted(key, to: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                value.write(to: &out, indent: indent.map { $0 + 1 }, flush: flush, elementText: elementText)
            }
            if let indent { JSONValue.newline(&out, indent) }
            out.append(0x7D)
        case .elements(let count, let element, let text):
            if count == 0 { out += "[]".utf8; return }
            out.append(0x5B)
            // Made and written in chunks, the chunks of one wave on all cores at once, then
            // appended in order: the same bytes as one element after another.
            let chunk = 2_048, cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            var start = 0
            while start < count {
                let ranges = stride(from: start, to: min(count, start + chunk * cores), by: chunk).map { $0..<min(count, $0 + chunk) }
                let parts = ChunkBuffers(count: ranges.count)
                DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                    if let text, let indent, elementText {
                        var written = JSONText(level: indent + 1)
                        for i in ranges[k] {
                            written.listElement(first: i == 0)
                            text(i, &written)
                        }
                        return parts.set(k, written.bytes)
                    }
                    var bytes: [UInt8] = []
                    for i in ranges[k] {
                        if i > 0 { bytes.append(0x2C) }
                        if let indent { JSONValue.newline(&bytes, indent + 1) }
                        element(i).write(to: &bytes, indent: indent.map { $0 + 1 }, flush: nil, elementText: elementText)
                    }
                    parts.set(k, bytes)
                }
                for k in ranges.indices {
                    out.append(contentsOf: parts.get(k))
                    if let flush, out.count >= 1 << 20 { flush(&out) }
                }
                start = ranges.last!.upperBound
            }
            if let indent { JSONValue.newline(&out, indent) }
            out.append(0x5D)
        }
    }

    /// The bytes of one wave's chunks, each written by one thread into its own slot.
    private final class ChunkBuffers: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<[UInt8]>
        private let count: Int
        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: [], count: count)
        }
        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }
        func set(_ k: Int, _ bytes: [UInt8]) { slots[k] = bytes }
        func get(_ k: Int) -> [UInt8] { slots[k] }
    }

    /// Appends `s` quoted; most strings (keys, addresses, amounts) need no escape and go in as they are.
    private static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C {
            plain = false
            break
        }
        if plain {
            out.append(0x22)
            append(s, to: &out)
            out.append(0x22)
        } else {
            append(quote(s), to: &out)
        }
    }

    /// Appends a string's UTF-8 bytes (in one copy when the string is native, as ours are).
    private static func append(_ s: String, to out: inout [UInt8]) {
        if s.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil { out += s.utf8 }
    }

    /// Line breaks followed by 0, 1, … levels of two-space indent.
    private static let newlines: [[UInt8]] = (0..<16).map { [0x0A] + [UInt8](repeating: 0x20, count: 2 * $0) }

    /// A line break and `level` indents of two spaces.
    private static func newline(_ out: inout [UInt8], _ level: Int) {
        if level < newlines.count {
            out.append(contentsOf: newlines[level])
        } else {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }
    }

    /// Quotes a string exactly as JavaScript's `JSON.stringify` does: `"` and `\` escaped,
    /// `\b \f \n \r \t` short forms, other control characters as lowercase `\u00xx`, everything else raw.
    public static func quote(_ s: String) -> String {
        // Fast path: nothing to escape.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}
