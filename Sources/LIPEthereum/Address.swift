import Foundation
import LIPCore

/// An Ethereum address: stored lowercase, shown EIP-55 checksummed.
public struct Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `0x` + 40 lowercase hex digits.
    public let lowercased: String

    /// The zero address.
    public static let zero = Address(unchecked: "0x" + String(repeating: "0", count: 40))

    private init(unchecked: String) { lowercased = unchecked }

    /// `text` when it is already `0x` + 40 lowercase hex digits (the form the ledger stores), else nil.
    public init?(lowercase text: String) {
        var text = text
        let valid = text.withUTF8 { u -> Bool in
            guard u.count == 42, u[0] == 0x30, u[1] == 0x78 else { return false }
            for i in 2..<42 where !Address.lowercaseHex[Int(u[i])] { return false }
            return true
        }
        guard valid else { return nil }
        lowercased = text
    }

    /// Whether each byte is a lowercase hex digit.
    private static let lowercaseHex: [Bool] = (0..<256).map { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }

    /// Parses `0x` + 40 hex digits: all lowercase, all uppercase, or mixed case that is the
    /// address's EIP-55 checksum; nil otherwise (`problem(with:)` says why).
    public init?(_ text: String) {
        guard let parsed = Address(anyCase: text) else { return nil }
        let digits = text.utf8.dropFirst(2)
        let isMixed = digits.contains { (0x61...0x66).contains($0) } && digits.contains { (0x41...0x46).contains($0) }
        if isMixed && !parsed.checksummed.utf8.dropFirst(2).elementsEqual(digits) { return nil }
        self = parsed
    }

    /// Why `text` is not an address, in words: not `0x` + 40 hex digits, or mixed case that is
    /// not its EIP-55 checksum (naming the checksum it would have).
    public static func problem(with text: String) -> String {
        guard let parsed = Address(anyCase: text) else { return "0x + 40 hex digits" }
        return "its mixed case is not the EIP-55 checksum \(parsed.checksummed); a typo? Write it all lowercase to skip the check"
    }

    /// Parses `0x` + 40 hex digits in any case, without checking a checksum.
    private init?(anyCase text: String) {
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
        var out = Array(lowercased.utf8)
        let hash = Keccak256.hash(out[2...])
        for i in 0..<40 where out[i + 2] >= 0x61 && (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f >= 8 { out[i + 2] -= 0x20 }
        return String(decoding: out, as: UTF8.self)
    }

    /// A short form for tables: `0x1234…abcd` (checksummed).
    public var short: String {
        let c = checksummed
        return String(c.prefix(6)) + "…" + String(c.suffix(4))
    }

    public var description: String { checksummed }

    public static func < (a: Address, b: Address) -> Bool { Address.precedes(a.lowercased, b.lowercased) }

    /// Byte order of two ASCII strings (for lowercase addresses, the order of `<`), by comparing
    /// their UTF-8 bytes: sorting a hundred thousand addresses is part of every large tally.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return c != 0 ? c < 0 : x.count < y.count
            }
        }
    }
}
