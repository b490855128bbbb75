import BigInt
import Foundation
import LIPGovernor
import LIPTally
import LIPDocuments
import LIPCore
import LIPEthereum
import LIPLedger

/// A chart in text, for the forum post: Discourse shows it as it is (no upload, no SVG), in a code
/// block. Each bar is `width` cells, `█` for the share (floor(part × width / whole) of them) and `░`
/// for the rest, with `│` put in before cell floor(threshold × width / 10^6).
public enum TextChart {
    /// Cells per bar.
    public static let width = 40

    /// The bar of `part` out of `whole`, with the threshold at `thresholdPPM` parts per million.
    public static func bar(_ part: BigUInt, of whole: BigUInt, thresholdPPM: BigUInt) -> String {
        let filled = whole == 0 ? 0 : Int(min(BigUInt(width), part * BigUInt(width) / whole))
        let marker = Int(min(BigUInt(width), thresholdPPM * BigUInt(width) / 1_000_000))
        var cells = (0..<width).map { $0 < filled ? "█" : "░" }
        cells.insert("│", at: marker)
        return cells.joined()
    }

    /// Participation against quorum and yes against quota, as two labelled bars.
    public static func lines(_ r: TallyResult) -> String {
        let participation = bar(r.totalVoteStake, of: r.totalStake, thresholdPPM: r.poll.quorum)
        let yes = bar(r.yes, of: r.totalVoteStake, thresholdPPM: r.poll.quota)
        return "Participation \(participation) \(Amount.percent(r.totalVoteStake, of: r.totalStake))% of the stake; quorum \(r.ppm(r.poll.quorum))\n"
            + "Yes           \(yes) \(Amount.percent(r.yes, of: r.totalVoteStake))% of the vote; quota: more than \(r.ppm(r.poll.quota))\n"
    }
}
