import Foundation
import LIPEthereum

/// The fast reading of one log object of a logs file, straight from its bytes into a `RawLog`:
/// no dictionary, no strings. It takes only the usual shape (the members a node writes, string
/// values without escapes, lowercase addresses) and answers nil for anything else, which the
/// general reader (`LogJSON`, then `RawLog.init(_:index:path:)`) then reads, accepting or naming
/// the problem exactly as before. Whatever it accepts, the general reader reads the same (tested).
enum LogScanner {
    /// What one object is.
    enum Scanned: Equatable {
        case log(RawLog)
        /// A log the node marked `removed`.
        case removed
    }

    /// The object in `element`, or nil when the general reader must read it.
    static func scan(_ element: UnsafeBufferPointer<UInt8>) -> Scanned? {
        var s = Scan(p: element)
        return s.object()
    }

    private struct Scan {
        let p: UnsafeBufferPointer<UInt8>
        var i = 0

        /// Where each member's value is.
        var address: Range<Int>?, data: Range<Int>?, transactionHash: Range<Int>?
        /// The topics' string values, in order (at most 4 in the EVM; more go to the general reader).
        var topics: [Range<Int>] = []
        var sawTopics = false
        var blockNumber: Int?, logIndex: Int?
        var removed: Bool?

        mutating func object() -> Scanned? {
            guard take(UInt8(ascii: "{")) else { return nil }
            repeat {
                whitespace()
                guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                whitespace()
                guard member(key) else { return nil }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            whitespace()
            guard i == p.count else { return nil }
            if removed == true { return .removed }
            return log().map(Scanned.log)
        }

        /// Reads the value of member `key`; false when the general reader must read the object.
        mutating func member(_ key: Range<Int>) -> Bool {
            switch Key(p[key]) {
            case .address?: return once(string(), \.address)
            case .data?: return once(string(), \.data)
            case .transactionHash?: return once(string(), \.transactionHash)
            case .blockNumber?: return once(quantity(), \.blockNumber)
            case .logIndex?: return once(quantity(), \.logIndex)
            case .removed?: return once(literal("true") ? true : literal("false") ? false : nil, \.removed)
            case .topics?:
                guard !sawTopics, take(UInt8(ascii: "[")) else { return false }
                sawTopics = true
                if take(UInt8(ascii: "]")) { return true }
                repeat {
                    whitespace()
                    guard topics.count < 4, let r = string() else { return false }
                    topics.append(r)
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]"))
            case nil:
                // Another member (blockHash, transactionIndex…): a plain string, literal or whole number.
                guard i < p.count else { return false }
                switch p[i] {
                case UInt8(ascii: "\""): return string() != nil
                case UInt8(ascii: "t"): return literal("true")
                case UInt8(ascii: "f"): return literal("false")
                case UInt8(ascii: "n"): return literal("null")
                default: return digits() != nil
                }
            }
        }

        /// Keeps `value` in `slot`; false when there is none or the member came before (the
        /// general reader then decides what a repeated member means).
        mutating func once<T>(_ value: T?, _ slot: WritableKeyPath<Scan, T?>) -> Bool {
            guard let value, self[keyPath: slot] == nil else { return false }
            self[keyPath: slot] = value
            return true
        }

        /// The log, from the members read; nil when one is missing or not what the ledger takes.
        func log() -> RawLog? {
            guard let address, let data, let transactionHash, sawTopics, let blockNumber, let logIndex else { return nil }
            // The address: 0x and 40 lowercase hex digits (other cases go to the general reader,
            // which checks a mixed-case checksum).
            guard address.count == 42, p[address.lowerBound] == 0x30, p[address.lowerBound + 1] == 0x78 else { return nil }
            for j in address.lowerBound + 2..<address.upperBound {
                guard (0x30...0x39).contains(p[j]) || (0x61...0x66).contains(p[j]) else { return nil }
            }
            let hash = Self.digits(p, transactionHash), dataDigits = Self.digits(p, data)
            guard hash.count == 64 else { return nil }
            var bytes = [UInt8](repeating: 0, count: 52 + 32 * topics.count + dataDigits.count / 2)
            let ok = bytes.withUnsafeMutableBufferPointer { out -> Bool in
                guard Hex.decode(p[hash], into: out, at: 0), Hex.decode(p[address.lowerBound + 2..<address.upperBound], into: out, at: 32) else { return false }
                var o = 52
                for t in topics {
                    let d = Self.digits(p, t)
                    guard d.count == 64, Hex.decode(p[d], into: out, at: o) else { return false }
                    o += 32
                }
                return Hex.decode(p[dataDigits], into: out, at: o)
            }
            guard ok else { return nil }
            return RawLog(bytes: bytes, topicCount: topics.count, blockNumber: blockNumber, logIndex: logIndex)
        }

        /// The hex digits of a string value: after `0x` or `0X` when it has one.
        static func digits(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> { r.lowerBound + Hex.prefixLength(p[r])..<r.upperBound }

        /// A quantity: a string `0x` + 1 to 15 hex digits, or a whole number of at most 18 digits.
        mutating func quantity() -> Int? {
            guard i < p.count else { return nil }
            guard p[i] == UInt8(ascii: "\"") else { return digits() }
            guard let r = string(), r.count >= 3, r.count <= 17, p[r.lowerBound] == 0x30, p[r.lowerBound + 1] == 0x78 else { return nil }
            var n = 0
            for j in r.lowerBound + 2..<r.upperBound {
                guard let d = Hex.nibble(p[j]) else { return nil }
                n = n << 4 | Int(d)
            }
            return n
        }

        /// A whole number of 1 to 18 digits, ended by a separator.
        mutating func digits() -> Int? {
            let start = i
            while i < p.count, (0x30...0x39).contains(p[i]) { i += 1 }
            guard i > start, i - start <= 18 else { return nil }
            let n = p[start..<i].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            // "1.5", "1e3" or "-1": the general reader.
            if i < p.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "-"), UInt8(ascii: "+")].contains(p[i]) { return nil }
            return n
        }

        /// A string without escapes or control characters: the range of its body.
        mutating func string() -> Range<Int>? {
            guard i < p.count, p[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            let start = i
            while i < p.count, p[i] != UInt8(ascii: "\""), p[i] != UInt8(ascii: "\\"), p[i] >= 0x20 { i += 1 }
            guard i < p.count, p[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            return start..<i - 1
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= p.count else { return false }
            for j in 0..<n where p[i + j] != word.utf8Start[j] { return false }
            i += n
            return true
        }

        mutating func whitespace() {
            while i < p.count, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
        }

        mutating func take(_ c: UInt8) -> Bool {
            whitespace()
            guard i < p.count, p[i] == c else { return false }
            i += 1
            return true
        }
    }

    /// The members the ledger reads.
    private enum Key {
        case address, topics, data, blockNumber, logIndex, transactionHash, removed

        init?(_ name: Slice<UnsafeBufferPointer<UInt8>>) {
            for (key, bytes) in Self.names where name.elementsEqual(bytes) {
                self = key
                return
            }
            return nil
        }

        private static let names: [(Key, [UInt8])] = [
            (.address, Array("address".utf8)), (.topics, Array("topics".utf8)), (.data, Array("data".utf8)),
            (.blockNumber, Array("blockNumber".utf8)), (.logIndex, Array("logIndex".utf8)),
            (.transactionHash, Array("transactionHash".utf8)), (.removed, Array("removed".utf8)),
        ]
    }
}
