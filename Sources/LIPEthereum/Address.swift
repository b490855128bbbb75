import Foundation
import LIPCore

/// An Ethereum address: its 20 bytes held inline (no allocation, so a tally of a hundred thousand
/// voters hashes, compares and sorts machine words), shown lowercase or EIP-55 checksummed.
public struct Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Bytes 0-7, 8-15 and 16-19, big-endian: comparing the words in order is comparing the bytes.
    private let high: UInt64, middle: UInt64, low: UInt32

    /// The zero address.
    public static let zero = Address(high: 0, middle: 0, low: 0)

    private init(high: UInt64, middle: UInt64, low: UInt32) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// `0x` + 40 lowercase hex digits: the form the ledger stores and keys are sorted by.
    public var lowercased: String {
        String(unsafeUninitializedCapacity: 42) { out in
            out[0] = 0x30
            out[1] = 0x78
            writeHex(into: UnsafeMutableBufferPointer(rebasing: out[2...]))
            return 42
        }
    }

    /// Appends `lowercased`'s bytes to `out` without making a string.
    package func appendLowercased(to out: inout [UInt8]) {
        Address.append(to: &out) { writeHex(into: UnsafeMutableBufferPointer(rebasing: $0[2...])) }
    }

    /// Appends `checksummed`'s bytes to `out` without making a string.
    package func appendChecksummed(to out: inout [UInt8]) {
        Address.append(to: &out) { writeChecksummed(into: $0) }
    }

    /// Appends `0x` and 40 bytes that `write` fills in.
    private static func append(to out: inout [UInt8], _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: 42))
        out.withUnsafeMutableBufferPointer { all in
            all[start] = 0x30
            all[start + 1] = 0x78
            write(UnsafeMutableBufferPointer(rebasing: all[start..<(start + 42)]))
        }
    }

    /// `text` when it is already `0x` + 40 lowercase hex digits (the form the ledger stores), else nil.
    public init?(lowercase text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Address(lowercaseUTF8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// The address whose `0x` + 40 lowercase hex digits are `utf8` (as the ledger stores it,
    /// read straight from SQLite's buffer), else nil.
    package init?(lowercaseUTF8 utf8: UnsafeRawBufferPointer) {
        guard utf8.count == 42, utf8[0] == 0x30, utf8[1] == 0x78 else { return nil }
        // Each digit's value from a table (16 and past: not a lowercase hex digit), checked once
        // for the whole address: no branch per digit.
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var invalid: UInt8 = 0
        Address.digitValues.withUnsafeBufferPointer { values in
            func word(_ start: Int, _ count: Int) -> UInt64 {
                var word: UInt64 = 0
                for i in start..<start + count {
                    let v = values[Int(utf8[i])]
                    invalid |= v
                    word = word << 4 | UInt64(v & 0x0F)
                }
                return word
            }
            words = (word(2, 16), word(18, 16), word(34, 8))
        }
        guard invalid < 16 else { return nil }
        self.init(high: words.0, middle: words.1, low: UInt32(words.2))
    }

    /// A byte's value as a lowercase hex digit; 0xFF for any other byte.
    private static let digitValues: [UInt8] = (0...255).map { c in
        switch c {
        case 0x30...0x39: return UInt8(c - 0x30)
        case 0x61...0x66: return UInt8(c - 0x61 + 10)
        default: return 0xFF
        }
    }

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
        out[0] = 0x30
        out[1] = 0x78
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
        guard let parsed = out.withUnsafeBytes({ Address(lowercaseUTF8: $0) }) else { return nil }
        self = parsed
    }

    /// An address from 20 bytes.
    public init(bytes: [UInt8]) {
        precondition(bytes.count == 20)
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for (i, b) in bytes.enumerated() {
            switch i {
            case 0..<8: words.0 = words.0 << 8 | UInt64(b)
            case 8..<16: words.1 = words.1 << 8 | UInt64(b)
            default: words.2 = words.2 << 8 | UInt64(b)
            }
        }
        self.init(high: words.0, middle: words.1, low: UInt32(words.2))
    }

    /// The 20 bytes.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 20) { out, count in
            for i in 0..<20 { out[i] = byte(i) }
            count = 20
        }
    }

    /// Byte `i` (0-19).
    private func byte(_ i: Int) -> UInt8 {
        switch i {
        case 0..<8: return UInt8(truncatingIfNeeded: high >> (8 * UInt64(7 - i)))
        case 8..<16: return UInt8(truncatingIfNeeded: middle >> (8 * UInt64(15 - i)))
        default: return UInt8(truncatingIfNeeded: low >> (8 * UInt32(19 - i)))
        }
    }

    /// Writes the 40 lowercase hex digits at the start of `out`.
    private func writeHex(into out: UnsafeMutableBufferPointer<UInt8>) {
        precondition(out.count >= 40)
        let base = UnsafeMutableRawPointer(out.baseAddress!)
        // Eight digits at a time, from each 32 bits: five stores, no branch per digit.
        base.storeBytes(of: Self.hexDigits(UInt32(truncatingIfNeeded: high >> 32)), toByteOffset: 0, as: UInt64.self)
        base.storeBytes(of: Self.hexDigits(UInt32(truncatingIfNeeded: high)), toByteOffset: 8, as: UInt64.self)
        base.storeBytes(of: Self.hexDigits(UInt32(truncatingIfNeeded: middle >> 32)), toByteOffset: 16, as: UInt64.self)
        base.storeBytes(of: Self.hexDigits(UInt32(truncatingIfNeeded: middle)), toByteOffset: 24, as: UInt64.self)
        base.storeBytes(of: Self.hexDigits(low), toByteOffset: 32, as: UInt64.self)
    }

    /// The 8 lowercase hex digits of `value`, most significant first in memory.
    private static func hexDigits(_ value: UInt32) -> UInt64 {
        // Each nibble spread into a byte of its own, the most significant in the highest byte.
        var x = UInt64(value)
        x = (x & 0xFFFF_0000) << 16 | (x & 0x0000_FFFF)
        x = (x & 0x0000_FF00_0000_FF00) << 8 | (x & 0x0000_00FF_0000_00FF)
        x = (x & 0x00F0_00F0_00F0_00F0) << 4 | (x & 0x000F_000F_000F_000F)
        // 1 in each byte whose nibble is 10 or more: it takes `a`-`f` (0x27 past `0` + 10).
        let letters = ((x &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        let digits = x &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
        // Stored little-endian on every platform Swift runs here, big-endian order wanted.
        return digits.bigEndian
    }

    /// Whether this is the zero address.
    public var isZero: Bool { self == .zero }

    /// Forms of addresses made so far, kept: a site or a set of reports shows the same ten
    /// thousand voters on hundreds of pages. At most 65,536 of each form are kept; past that a
    /// form is made each time it is asked for. In 16 parts by the address's last byte, each under
    /// its own lock, so that threads making pages at once seldom wait for one another.
    private struct KeptForms: Sendable {
        private let parts = (0..<16).map { _ in Locked<[Address: String]>([:]) }

        /// `address`'s form, kept, or made by `make` and kept.
        func form(of address: Address, _ make: () -> String) -> String {
            let part = parts[Int(address.low & 0x0f)]
            if let known = part.withLock({ $0[address] }) { return known }
            let made = make()
            part.withLock { if $0.count < 1 << 12 { $0[address] = made } }
            return made
        }
    }

    /// The EIP-55 forms (each costs a keccak-256) and the short forms made so far.
    private static let checksums = KeptForms(), shorts = KeptForms()

    /// The EIP-55 mixed-case checksum form.
    public var checksummed: String {
        Address.checksums.form(of: self) {
            String(unsafeUninitializedCapacity: 42) { out in
                out[0] = 0x30
                out[1] = 0x78
                writeChecksummed(into: out)
                return 42
            }
        }
    }

    /// Writes the checksummed hex digits after the `0x` that `out` (42 bytes) starts with.
    private func writeChecksummed(into out: UnsafeMutableBufferPointer<UInt8>) {
        let digits = UnsafeMutableBufferPointer(rebasing: out[2..<42])
        writeHex(into: digits)
        let hash = Keccak256.hash(UnsafeBufferPointer(digits))
        for i in 0..<40 where digits[i] >= 0x61 && (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f >= 8 { digits[i] -= 0x20 }
    }

    /// A short form for tables: `0x1234…abcd` (checksummed). Kept once made: thirteen bytes are
    /// a small string, so handing a kept one out touches no shared reference count (a site's
    /// tables on two cores show each voter two hundred times).
    public var short: String {
        Address.shorts.form(of: self) {
            var c = checksummed
            return c.withUTF8 { form in
                String(unsafeUninitializedCapacity: 13) { out in
                    for i in 0..<6 { out[i] = form[i] }
                    (out[6], out[7], out[8]) = (0xE2, 0x80, 0xA6)
                    for i in 0..<4 { out[9 + i] = form[38 + i] }
                    return 13
                }
            }
        }
    }

    public var description: String { checksummed }

    /// Byte order, which is the order of the lowercase hex forms.
    public static func < (a: Address, b: Address) -> Bool {
        a.high != b.high ? a.high < b.high : a.middle != b.middle ? a.middle < b.middle : a.low < b.low
    }

    /// The hash a `Set` or `Dictionary` of addresses files one under: three folded 128-bit
    /// products of the words and this process's random keys (as ahash does), and the table's own
    /// `seed`, instead of SipHash through `Hasher` (a tenth of `lip site`'s time went to
    /// hashing addresses: ten thousand voters looked up in each of two hundred votes). Keyed
    /// with random keys, so that addresses chosen to collide (a crafted snapshot file) collide
    /// only by chance; every word of the address counts (`AddressHashTests`).
    public func _rawHashValue(seed: Int) -> Int {
        Int(bitPattern: UInt(truncatingIfNeeded: hash(seed: seed, keys: Address.hashKeys)))
    }

    /// The hash under given keys. The last fold is what spreads an address whose words differ
    /// only in a few low bits (the zero address counted up): with two, the low bits a table
    /// keeps were a product's low bits xor'ed with a slowly moving high word, and for about one
    /// key in twelve 65,536 such addresses filled 46% of 65,536 buckets, not the 63% of random.
    func hash(seed: Int, keys: HashKeys) -> UInt64 {
        let first = Address.folded(high ^ keys.0, middle ^ keys.1)
        let second = Address.folded(first ^ UInt64(low) ^ UInt64(UInt(bitPattern: seed)), keys.2)
        return Address.folded(second, keys.3)
    }

    /// The high and low words of the 128-bit product `a * b`, exclusive-or'ed.
    @inline(__always)
    private static func folded(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    typealias HashKeys = (UInt64, UInt64, UInt64, UInt64)

    /// Drawn once per process by `hashKeys`, or for a test by `randomHashKeys`.
    static func randomHashKeys<G: RandomNumberGenerator>(using random: inout G) -> HashKeys {
        // The multipliers are odd, so that multiplying by them loses no bit.
        (random.next(), random.next(), random.next() | 1, random.next() | 1)
    }

    private static let hashKeys: HashKeys = {
        var random = SystemRandomNumberGenerator()
        return randomHashKeys(using: &random)
    }()
}
