import Foundation

/// A small JSON reader for one flat object (an event log): its members whose values are strings,
/// whole numbers, booleans, null or arrays of strings; nested objects and other arrays are read
/// past and left out. Much cheaper per object than a general decoder, for files of millions.
package enum FlatJSON {
    /// A member's value.
    package enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case null
        case strings([String])
        /// A number that is not a whole `Int`, a nested object, or an array of other things.
        case other
    }

    /// The members of the object in `bytes`; nil when it is not one JSON object.
    package static func object(_ bytes: [UInt8]) -> [String: Value]? {
        var p = Parser(bytes: bytes)
        guard let members = p.object(), p.atEnd() else { return nil }
        return members
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func whitespace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func atEnd() -> Bool {
            whitespace()
            return i == bytes.count
        }

        mutating func take(_ c: UInt8) -> Bool {
            whitespace()
            guard i < bytes.count, bytes[i] == c else { return false }
            i += 1
            return true
        }

        mutating func object() -> [String: Value]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var members: [String: Value] = [:]
            if take(UInt8(ascii: "}")) { return members }
            repeat {
                whitespace()
                guard let key = string(), take(UInt8(ascii: ":")), let value = value() else { return nil }
                members[key] = value
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? members : nil
        }

        mutating func value() -> Value? {
            whitespace()
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "{"): return object() != nil ? .other : nil
            case UInt8(ascii: "["):
                i += 1
                var strings: [String] = []
                var onlyStrings = true
                if take(UInt8(ascii: "]")) { return .strings([]) }
                repeat {
                    whitespace()
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\""), let s = string() {
                        strings.append(s)
                    } else {
                        guard value() != nil else { return nil }
                        onlyStrings = false
                    }
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "]")) else { return nil }
                return onlyStrings ? .strings(strings) : .other
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default: return number()
            }
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { return false }
            i += w.count
            return true
        }

        mutating func number() -> Value? {
            let start = i
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) || [0x2D, 0x2B, 0x2E, 0x65, 0x45].contains(bytes[i]) { i += 1 }
            guard i > start, let text = String(bytes: bytes[start..<i], encoding: .utf8) else { return nil }
            if let n = Int(text) { return .integer(n) }
            return Double(text) != nil ? .other : nil
        }

        /// A string at the position (its opening quote there), unescaped.
        mutating func string() -> String? {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            let start = i
            // The common case: no escapes.
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
                defer { i += 1 }
                return String(decoding: bytes[start..<i], as: UTF8.self)
            }
            // Escapes (or a control character, which JSON forbids): the general reader.
            i = start - 1
            var end = i + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
            guard end < bytes.count, let s = try? JSONSerialization.jsonObject(with: Data(bytes[i...end]), options: [.fragmentsAllowed]) as? String else { return nil }
            i = end + 1
            return s
        }
    }
}
