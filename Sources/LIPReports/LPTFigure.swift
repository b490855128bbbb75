import BigInt
import LIPEthereum

/// LPT as records, the treasury and the site show it: two decimals, grouped; a non-zero amount
/// below 0.01 is never shown as 0 (`<0.01`).
package enum LPTFigure {
    package static func text(_ wei: BigUInt) -> String {
        wei > 0 && wei < BigUInt(10).power(16) ? "<0.01" : Amount.formatLPT(wei, decimals: 2, grouping: true)
    }
}
