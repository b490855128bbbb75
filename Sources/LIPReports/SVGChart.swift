import BigInt
import Foundation
import LIPGovernor
import LIPTally
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

extension PollReport {
    /// A standalone SVG: the staked LPT as a bar split into yes, no and not voting, with the quorum
    /// line; below it the vote split into yes and no, with the quota line. Labels in LPT and percent.
    public var svg: String {
        let r = result
        let width = 720, barX = 20, barWidth = 680, barHeight = 36
        func x(_ part: BigUInt, of whole: BigUInt) -> Int {
            guard whole > 0 else { return 0 }
            return Int(part * BigUInt(barWidth) / whole)
        }
        let notVoting = r.totalStake > r.totalVoteStake ? r.totalStake - r.totalVoteStake : 0
        let fullTitle = pollName + (lipTitle.map { ": \($0)" } ?? "") + " — \(resultWord)"
        let title = Escaping.xml(fullTitle)
        // The heading fits the width; the full text stays in <title>.
        let heading = Escaping.xml(fullTitle.count > 72 ? String(fullTitle.prefix(71)) + "…" : fullTitle)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"250\" viewBox=\"0 0 \(width) 250\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n"
        out += "  <title>\(title)</title>\n"
        out += "  <rect width=\"\(width)\" height=\"250\" fill=\"#ffffff\"/>\n"
        out += "  <text x=\"\(barX)\" y=\"24\" font-size=\"16\" font-weight=\"bold\">\(heading)</text>\n"
        // Participation bar.
        let yesW = x(r.yes, of: r.totalStake), noW = x(r.no, of: r.totalStake)
        out +=
            "  <text x=\"\(barX)\" y=\"54\">Staked: \(Escaping.xml(lpt(r.totalStake))) LPT — participation \(Amount.percent(r.totalVoteStake, of: r.totalStake))% (quorum \(ppm(r.poll.quorum)))</text>\n"
        out += "  <rect x=\"\(barX)\" y=\"62\" width=\"\(yesW)\" height=\"\(barHeight)\" fill=\"#2e7d32\"><title>Yes: \(Escaping.xml(lpt(r.yes))) LPT</title></rect>\n"
        out += "  <rect x=\"\(barX + yesW)\" y=\"62\" width=\"\(noW)\" height=\"\(barHeight)\" fill=\"#c62828\"><title>No: \(Escaping.xml(lpt(r.no))) LPT</title></rect>\n"
        out +=
            "  <rect x=\"\(barX + yesW + noW)\" y=\"62\" width=\"\(barWidth - yesW - noW)\" height=\"\(barHeight)\" fill=\"#bdbdbd\"><title>Not voting: \(Escaping.xml(lpt(notVoting))) LPT</title></rect>\n"
        let qx = barX + x(r.quorumThreshold, of: r.totalStake)
        out += "  <line x1=\"\(qx)\" y1=\"56\" x2=\"\(qx)\" y2=\"\(62 + barHeight + 6)\" stroke=\"#000000\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>\n"
        out += "  <text x=\"\(qx + 4)\" y=\"\(62 + barHeight + 16)\" font-size=\"11\">quorum \(ppm(r.poll.quorum))</text>\n"
        // Vote bar.
        let vYes = x(r.yes, of: r.totalVoteStake)
        out += "  <text x=\"\(barX)\" y=\"146\">Votes: \(Escaping.xml(lpt(r.totalVoteStake))) LPT — yes \(share(r.yes)) (quota: more than \(ppm(r.poll.quota)))</text>\n"
        out += "  <rect x=\"\(barX)\" y=\"154\" width=\"\(vYes)\" height=\"\(barHeight)\" fill=\"#2e7d32\"><title>Yes: \(share(r.yes))</title></rect>\n"
        out +=
            "  <rect x=\"\(barX + vYes)\" y=\"154\" width=\"\(r.totalVoteStake > 0 ? barWidth - vYes : 0)\" height=\"\(barHeight)\" fill=\"#c62828\"><title>No: \(share(r.no))</title></rect>\n"
        if r.totalVoteStake == 0 {
            out += "  <rect x=\"\(barX)\" y=\"154\" width=\"\(barWidth)\" height=\"\(barHeight)\" fill=\"#eeeeee\"><title>No votes</title></rect>\n"
        }
        let tx = barX + x(r.quotaThreshold, of: r.totalVoteStake)
        out += "  <line x1=\"\(tx)\" y1=\"148\" x2=\"\(tx)\" y2=\"\(154 + barHeight + 6)\" stroke=\"#000000\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>\n"
        out += "  <text x=\"\(tx + 4)\" y=\"\(154 + barHeight + 16)\" font-size=\"11\">quota \(ppm(r.poll.quota))</text>\n"
        // Legend.
        var lx = barX
        for (label, color) in [("Yes \(lpt(r.yes)) LPT", "#2e7d32"), ("No \(lpt(r.no)) LPT", "#c62828"), ("Not voting \(lpt(notVoting)) LPT", "#bdbdbd")] {
            out += "  <rect x=\"\(lx)\" y=\"226\" width=\"12\" height=\"12\" fill=\"\(color)\"/>\n"
            out += "  <text x=\"\(lx + 16)\" y=\"237\">\(Escaping.xml(label))</text>\n"
            lx += 230
        }
        out += "</svg>\n"
        return out
    }
}
