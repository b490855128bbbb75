import Foundation
import LIPCore

/// Hex encoding helpers.
public enum Hex {
    /// Lowercase hex of `bytes`, without prefix.
    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 { hex(bytes, prefixed: false) }

    /// `0x` + lowercase hex.
    public static func prefixed<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 { hex(bytes, prefixed: true) }

    /// The hex digits written straight into the string's own storage.
    private static func hex<C: Collection>(_ bytes: C, prefixed: Bool) -> String where C.Element == UInt8 {
        let start = prefixed ? 2 : 0
        return String(unsafeUninitializedCapacity: start + bytes.count * 2) { out in
            if prefixed {
                out[0] = 0x30
                out[1] = 0x78
            }
            var o = start
            for b in bytes {
                out[o] = digits[Int(b >> 4)]
                out[o + 1] = digits[Int(b & 0x0f)]
                o += 2
            }
            return o
        }
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Decodes hex with or without `0x`; nil when not an even number of hex digits.
    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { all -> [UInt8]? in
            let skip = all.count >= 2 && all[0] == 0x30 && (all[1] == 0x78 || all[1] == 0x58) ? 2 : 0
            let count = all.count - skip
            guard count % 2 == 0 else { return nil }
            var failed = false
            let out = [UInt8](unsafeUninitializedCapacity: count / 2) { buffer, initialized in
                var i = skip, o = 0
                while i < all.count {
                    let hi = nibbles[Int(all[i])], lo = nibbles[Int(all[i + 1])]
                    if hi > 15 || lo > 15 {
                        failed = true
                        break
                    }
                    buffer[o] = hi << 4 | lo
                    o += 1
                    i += 2
                }
                initialized = o
            }
            return failed ? nil : out
        }
    }

    /// The value of each ASCII hex digit; 255 for any other byte.
    private static let nibbles: [UInt8] = (0..<256).map { nibble(UInt8($0)) ?? 255 }

    @inline(__always) static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
