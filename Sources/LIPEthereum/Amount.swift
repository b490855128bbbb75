import BigInt
import Foundation
import LIPCore

/// Exact token amounts in wei (1 LPT = 10^18 wei), up to 2^256 - 1.
public enum Amount {
    /// 2^256 - 1.
    public static let max: BigUInt = (BigUInt(1) << 256) - 1
    /// 10^18.
    public static let weiPerLPT = BigUInt(10).power(18)

    /// Why an amount was rejected.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty, negative, notAnInteger, tooLarge, tooManyDecimals, notANumber

        public var description: String {
            switch self {
            case .empty: return "empty amount"
            case .negative: return "negative amount"
            case .notAnInteger: return "not a whole number of wei"
            case .tooLarge: return "larger than 2^256-1"
            case .tooManyDecimals: return "more than 18 decimals"
            case .notANumber: return "not a number"
            }
        }
    }

    /// Parses a decimal wei string (digits only; surrounding spaces allowed).
    public static func parseWei(_ raw: String) throws -> BigUInt {
        try parseWei(Substring(raw))
    }

    /// Parses a decimal wei string (digits only).
    public static func parseWei(_ raw: Substring) throws -> BigUInt {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw Problem.empty }
        if text.hasPrefix("-") { throw Problem.negative }
        // "12.5", "1e18" and even "12.000" are not wei: amounts are whole numbers written plainly.
        if text.contains(".") || text.lowercased().contains("e") { throw Problem.notAnInteger }
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw Problem.notANumber }
        let digits = text.drop(while: { $0 == "0" })
        if digits.count > 78 { throw Problem.tooLarge }
        let value = Amount.value(ofDigits: digits.utf8)
        if value > max { throw Problem.tooLarge }
        return value
    }

    /// Parses a decimal wei string and returns its canonical text (no leading zeros), without
    /// building a big integer unless it is near the limit.
    public static func canonicalWei(_ raw: Substring) throws -> Substring {
        guard !raw.isEmpty else { throw Problem.empty }
        var allDigits = true
        for b in raw.utf8 where b < 0x30 || b > 0x39 { allDigits = false; break }
        guard allDigits else { _ = try parseWei(raw); throw Problem.notANumber }
        let digits = raw.drop(while: { $0 == "0" })
        if digits.isEmpty { return "0" }
        if digits.utf8.count >= 78 { _ = try parseWei(digits) }
        return digits
    }

    /// Parses an LPT decimal (`"1234.5"`) into wei, exactly; more than 18 decimals is refused.
    public static func parseLPT(_ raw: String) throws -> BigUInt {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw Problem.empty }
        if text.hasPrefix("-") { throw Problem.negative }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw Problem.notANumber }
        let whole = parts[0].isEmpty ? "0" : String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit), !(parts.count == 2 && fraction.isEmpty && parts[0].isEmpty) else {
            throw Problem.notANumber
        }
        guard fraction.count <= 18 else { throw Problem.tooManyDecimals }
        let padded = fraction + String(repeating: "0", count: 18 - fraction.count)
        return try parseWei(whole + padded)
    }

    /// `value` in decimal, as `String(value)` gives it, without BigUInt's general division for
    /// the amounts a ledger holds (below 10^38): a tally writes hundreds of thousands of them.
    public static func decimal(_ value: BigUInt) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(40)
        appendDecimal(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `decimal(value)`'s bytes to `out` without making a string.
    package static func appendDecimal(_ value: BigUInt, to out: inout [UInt8]) {
        let words = value.words
        if words.count <= 1 { return appendDecimal(UInt64(words.first ?? 0), to: &out) }
        let tenPow19: UInt64 = 10_000_000_000_000_000_000
        guard words.count == 2, case let (high, carry) = UInt64(words[1]).quotientAndRemainder(dividingBy: tenPow19), high == 0 else {
            return out += String(value).utf8
        }
        let (quotient, remainder) = tenPow19.dividingFullWidth((carry, UInt64(words[0])))
        if quotient == 0 { return appendDecimal(remainder, to: &out) }
        appendDecimal(quotient, to: &out)
        appendDecimal(remainder, to: &out, width: 19)
    }

    /// Appends the decimal digits of `n`, with zeros in front to `width` digits; made on the stack.
    package static func appendDecimal(_ n: UInt64, to out: inout [UInt8], width: Int = 1) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var m = n, i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                m /= 10
            } while m > 0 || 20 - i < width
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }

    /// 10^0 … 10^19.
    private static let tenPowers: [UInt64] = (0...19).map { n in (0..<n).reduce(1) { r, _ in r * 10 } }

    /// The value of ASCII decimal digits (the caller has checked they are digits), without
    /// BigUInt's general parser: 19 digits at a time in a machine word.
    public static func value<C: Collection>(ofDigits digits: C) -> BigUInt where C.Element == UInt8 {
        // Up to 38 digits (every amount a ledger holds) in 128 bits: two machine words, no BigUInt arithmetic.
        if digits.count <= 38 {
            var high: UInt64 = 0, low: UInt64 = 0, n = 0
            let split = Swift.max(0, digits.count - 19)
            for d in digits {
                if n < split { high = high * 10 + UInt64(d &- 0x30) } else { low = low * 10 + UInt64(d &- 0x30) }
                n += 1
            }
            // `init(integerLiteral:)` is BigUInt's one non-generic initializer from a machine
            // word: its generic ones are not specialized across packages, and cost more than the parse.
            if high == 0 { return BigUInt(integerLiteral: low) }
            let (top, bottom) = high.multipliedFullWidth(by: tenPowers[19])
            let (sum, carry) = bottom.addingReportingOverflow(low)
            return BigUInt(words: [UInt(sum), UInt(top + (carry ? 1 : 0))])
        }
        var result = BigUInt(0)
        var chunk: UInt64 = 0, length = 0
        for d in digits {
            chunk = chunk * 10 + UInt64(d &- 0x30)
            length += 1
            if length == 19 {
                result = result * BigUInt(tenPowers[19]) + BigUInt(chunk)
                chunk = 0
                length = 0
            }
        }
        if length > 0 { result = result * BigUInt(tenPowers[length]) + BigUInt(chunk) }
        return result
    }

    /// Formats wei as LPT with up to `decimals` places, truncated (never rounded up), no exponent.
    public static func formatLPT(_ wei: BigUInt, decimals: Int = 18, grouping: Bool = false) -> String {
        var wholeText: String, tail: String
        let words = wei.words
        let unit: UInt64 = 1_000_000_000_000_000_000
        if words.count <= 2, UInt64(words.count == 2 ? words[1] : 0) < unit {
            // Below 2^64 LPT (every real amount): divided in machine words and written as bytes,
            // without BigUInt (a site writes four million of them).
            let (whole, rest) = unit.dividingFullWidth((UInt64(words.count == 2 ? words[1] : 0), UInt64(words.first ?? 0)))
            return formatLPT(whole: whole, rest: rest, decimals: decimals, grouping: grouping)
        }
        // One conversion to decimal, then the digits split at the 18th from the right.
        let digits = String(wei)
        let cut = Swift.max(0, digits.utf8.count - 18)
        wholeText = cut == 0 ? "0" : String(digits.utf8.prefix(cut))!
        tail = String(digits.utf8.dropFirst(cut))!
        if grouping && wholeText.utf8.count > 3 {
            var grouped: [UInt8] = []
            grouped.reserveCapacity(wholeText.utf8.count * 4 / 3)
            let count = wholeText.utf8.count
            for (i, byte) in wholeText.utf8.enumerated() {
                if i > 0 && (count - i) % 3 == 0 { grouped.append(UInt8(ascii: ",")) }
                grouped.append(byte)
            }
            wholeText = String(decoding: grouped, as: UTF8.self)
        }
        guard decimals > 0 else { return wholeText }
        var fraction = String(repeating: "0", count: 18 - tail.utf8.count) + tail
        fraction = String(fraction.prefix(decimals))
        if decimals == 18 {
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return fraction.isEmpty ? wholeText : wholeText + "." + fraction
        }
        return wholeText + "." + fraction
    }

    /// `whole` LPT and `rest` wei (below 10^18) as `formatLPT` writes them, in one string's bytes.
    private static func formatLPT(whole: UInt64, rest: UInt64, decimals: Int, grouping: Bool) -> String {
        // 20 digits, 6 commas, the point and 18 decimals at most.
        String(unsafeUninitializedCapacity: 45) { out in
            var digits = 1
            var w = whole
            while w >= 10 {
                w /= 10
                digits += 1
            }
            var end = digits + (grouping ? (digits - 1) / 3 : 0)
            var position = end - 1
            w = whole
            for i in 0..<digits {
                if grouping && i > 0 && i % 3 == 0 {
                    out[position] = UInt8(ascii: ",")
                    position -= 1
                }
                out[position] = UInt8(truncatingIfNeeded: 0x30 &+ w % 10)
                w /= 10
                position -= 1
            }
            guard decimals > 0 else { return end }
            // The 18 decimals after the point, then as many as asked (without trailing zeros
            // when all 18 are asked).
            out[end] = UInt8(ascii: ".")
            var r = rest
            for i in stride(from: 18, through: 1, by: -1) {
                out[end + i] = UInt8(truncatingIfNeeded: 0x30 &+ r % 10)
                r /= 10
            }
            var kept = Swift.min(decimals, 18)
            if decimals == 18 {
                while kept > 0 && out[end + kept] == 0x30 { kept -= 1 }
                if kept == 0 { return end }
            }
            end += 1 + kept
            return end
        }
    }

    /// `part / whole` as a percentage with `decimals` places, truncated; "0" style when whole is 0.
    public static func percent(_ part: BigUInt, of whole: BigUInt, decimals: Int = 2) -> String {
        guard whole > 0 else { return String(format: "%.\(decimals)f", 0.0) }
        if decimals == 2, let fast = percentInMachineWords(part, of: whole) { return fast }
        let scale = decimals == 2 ? hundred : BigUInt(10).power(decimals)
        let scaled = part * 100 * scale / whole
        // A share (at most 100%) fits a machine word: divided and written there.
        let (wholePart, fraction): (String, String)
        if decimals <= 18, let small = UInt(exactly: scaled) {
            let unit = (0..<decimals).reduce(UInt(1)) { unit, _ in unit * 10 }
            (wholePart, fraction) = (String(small / unit), String(small % unit))
        } else {
            let (q, r) = scaled.quotientAndRemainder(dividingBy: scale)
            (wholePart, fraction) = (String(q), String(r))
        }
        guard decimals > 0 else { return wholePart }
        return wholePart + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    private static let hundred = BigUInt(100)

    /// `n` in 128 bits, nil when it needs more (no real amount does), read straight from its two
    /// words: the hot paths (a sort of ten thousand weights, a share per row) convert each.
    package static func uint128(_ n: BigUInt) -> UInt128? {
        let words = n.words
        guard words.count <= 2 else { return nil }
        return UInt128(UInt64(words.count == 2 ? words[1] : 0)) << 64 | UInt128(UInt64(words.first ?? 0))
    }

    /// `percent` with 2 decimals when `part` × 10,000 and `whole` fit 128 bits (every share of
    /// LPT's supply): the same truncated digits, without BigUInt; nil otherwise.
    private static func percentInMachineWords(_ part: BigUInt, of whole: BigUInt) -> String? {
        guard let part = uint128(part), let whole = uint128(whole) else { return nil }
        let (product, overflow) = part.multipliedReportingOverflow(by: 10_000)
        guard !overflow else { return nil }
        // At most 10,000 for a share of at most the whole: written from a machine word (a 128-bit
        // integer's description is the generic, slow one).
        guard let scaled = UInt64(exactly: product / whole) else { return nil }
        let fraction = scaled % 100
        return String(scaled / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}
