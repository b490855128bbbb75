import Foundation
import LIPCore

/// An Ethereum address: stored lowercase, shown EIP-55 checksummed.
public struct Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `0x` + 40 lowercase hex digits.
    public let lowercased: String

    /// The zero address.
    public static let zero = Address(unchecked: "0x" + String(repeating: "0", count: 40))

    private init(unchecked: String) { lowercased = unchecked }

    /// Parses `0x` + 40 hex digits in any case; nil otherwise. (Mixed case is accepted without
    /// checking its checksum, as block explorers and subgraphs print both.)
    public init?(_ text: String) {
        let utf8 = text.utf8
        guard utf8.count == 42, text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        var out = [UInt8](repeating: 0, count: 42)
        out[0] = 0x30; out[1] = 0x78
        var i = 0
        for c in utf8 {
            if i >= 2 {
                switch c {
                case 0x30...0x39, 0x61...0x66: out[i] = c
                case 0x41...0x46: out[i] = c + 0x20
                default: return nil
                }
            }
            i += 1
        }
        lowercased = String(decoding: out, as: UTF8.self)
    }

    /// An address from 20 bytes.
    public init(bytes: [UInt8]) {
        precondition(bytes.count == 20)
        lowercased = Hex.prefixed(bytes)
    }

    /// The 20 bytes.
    public var bytes: [UInt8] { Hex.decode(lowercased)! }

    /// Whether this is the zero address.
    public var isZero: Bool { self == .zero }

    /// The EIP-55 mixed-case checksum form.
    public var checksummed: String {
        let hex = Array(lowercased.utf8.dropFirst(2))
        let hash = Keccak256.hash(hex)
        var out = "0x"
        for (i, c) in hex.enumerated() {
            let nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f
            if c >= 0x61 && nibble >= 8 { out.unicodeScalars.append(Unicode.Scalar(c - 0x20)) } else { out.unicodeScalars.append(Unicode.Scalar(c)) }
        }
        return out
    }

    /// A short form for tables: `0x1234…abcd` (checksummed).
    public var short: String {
        let c = checksummed
        return String(c.prefix(6)) + "…" + String(c.suffix(4))
    }

    public var description: String { checksummed }

    public static func < (a: Address, b: Address) -> Bool { a.lowercased < b.lowercased }
}
