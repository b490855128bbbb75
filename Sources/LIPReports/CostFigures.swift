import BigInt
import Foundation
import LIPEthereum

/// Cost figures as people read them: never a non-zero amount printed as zero. ETH from 0.001 up
/// with 6 decimals; a smaller cost in gwei with at least three significant digits; dollars from
/// $1 with cents, below that with three significant digits. Every figure is truncated, never
/// rounded up.
enum CostFigures {
    /// `n / 10^scale` with at least three significant digits (more when its whole part has more),
    /// truncated; `"0"` only for zero.
    static func significant(_ n: BigUInt, scale: Int) -> String {
        guard n > 0 else { return "0" }
        let digits = String(n)
        let whole = digits.count > scale ? String(digits.dropLast(scale)) : "0"
        var fraction = digits.count >= scale ? String(digits.suffix(scale)) : String(repeating: "0", count: scale - digits.count) + digits
        if whole != "0" {
            let keep = max(0, 3 - whole.count)
            fraction = String(fraction.prefix(keep))
        } else {
            let zeros = fraction.prefix { $0 == "0" }.count
            fraction = String(fraction.prefix(zeros + 3))
        }
        return fraction.isEmpty ? whole : whole + "." + fraction
    }

    /// A cost in wei: `0.001234 ETH`, or `1.23 gwei`-style below 0.001 ETH.
    static func eth(_ wei: BigUInt) -> String {
        if wei >= BigUInt(10).power(15) { return Amount.formatLPT(wei, decimals: 6) + " ETH" }
        return significant(wei, scale: 9) + " gwei"
    }

    /// A cost in units of 10^-26 USD: `$12.34`, `$0.0123`.
    static func usd(_ units: BigUInt) -> String {
        let dollar = BigUInt(10).power(26)
        if units >= dollar {
            let cents = units / BigUInt(10).power(24)
            return "$\(cents / 100).\(String(cents % 100).count == 1 ? "0" : "")\(cents % 100)"
        }
        return "$" + significant(units, scale: 26)
    }

    /// log10 of a positive integer, for positions on a chart (never for an amount).
    static func log10(_ n: BigUInt) -> Double {
        let digits = String(n)
        let lead = Double(String(digits.prefix(15))) ?? 1
        return Double(digits.count - min(15, digits.count)) + Foundation.log10(lead)
    }
}
