import Foundation
import LIPCore

/// Hex encoding helpers.
package enum Hex {
    /// Lowercase hex of `bytes`, without prefix.
    package static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 { hex(bytes, prefixed: false) }

    /// `0x` + lowercase hex.
    package static func prefixed<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 { hex(bytes, prefixed: true) }

    /// The hex digits written straight into the string's own storage.
    private static func hex<C: Collection>(_ bytes: C, prefixed: Bool) -> String where C.Element == UInt8 {
        String(unsafeUninitializedCapacity: (prefixed ? 2 : 0) + bytes.count * 2) { write(bytes, prefixed: prefixed, into: $0) }
    }

    /// Writes (`0x` and) the lowercase hex of `bytes` at the start of `out`; the bytes written.
    /// (Slices of bytes have their own entry point, compiled here for their type: from another
    /// module, the generic one runs unspecialized, and a log import writes two per log.)
    package static func write(_ bytes: ArraySlice<UInt8>, prefixed: Bool, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        writeHex(bytes, prefixed: prefixed, into: out)
    }

    /// Writes (`0x` and) the lowercase hex of `bytes` at the start of `out`; the bytes written.
    package static func write<C: Collection>(_ bytes: C, prefixed: Bool, into out: UnsafeMutableBufferPointer<UInt8>) -> Int where C.Element == UInt8 {
        writeHex(bytes, prefixed: prefixed, into: out)
    }

    private static func writeHex<C: Collection>(_ bytes: C, prefixed: Bool, into out: UnsafeMutableBufferPointer<UInt8>) -> Int where C.Element == UInt8 {
        var o = 0
        if prefixed {
            out[0] = 0x30
            out[1] = 0x78
            o = 2
        }
        for b in bytes {
            out[o] = digit(b >> 4)
            out[o + 1] = digit(b & 0x0f)
            o += 2
        }
        return o
    }

    /// The lowercase hex digit of `v` (0-15).
    package static func digit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    /// Decodes hex with or without `0x`; nil when not an even number of hex digits.
    package static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { all -> [UInt8]? in
            let hex = all[prefixLength(all[...])...]
            guard hex.count % 2 == 0 else { return nil }
            var ok = false
            let out = [UInt8](unsafeUninitializedCapacity: hex.count / 2) { buffer, initialized in
                ok = decode(hex, into: buffer, at: 0)
                initialized = ok ? hex.count / 2 : 0
            }
            return ok ? out : nil
        }
    }

    /// 2 when `text` starts with `0x` or `0X`, else 0.
    package static func prefixLength(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        text.count >= 2 && text[text.startIndex] == 0x30 && (text[text.startIndex + 1] == 0x78 || text[text.startIndex + 1] == 0x58) ? 2 : 0
    }

    /// Decodes the hex digits `hex` (no prefix) into `out` from `at`; false when they are not an
    /// even number of hex digits.
    package static func decode(_ hex: Slice<UnsafeBufferPointer<UInt8>>, into out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Bool {
        guard hex.count % 2 == 0 else { return false }
        var i = hex.startIndex, o = at
        while i < hex.endIndex {
            let hi = nibbles[Int(hex[i])], lo = nibbles[Int(hex[i + 1])]
            if hi > 15 || lo > 15 { return false }
            out[o] = hi << 4 | lo
            o += 1
            i += 2
        }
        return true
    }

    /// The value of each ASCII hex digit; 255 for any other byte.
    private static let nibbles: [UInt8] = (0..<256).map { nibble(UInt8($0)) ?? 255 }

    @inline(__always) package static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
