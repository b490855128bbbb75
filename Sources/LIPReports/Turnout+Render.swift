import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPRecords

/// Turnout per ended poll and proposal (`lip turnout`): text, CSV and an SVG chart.
extension Turnout {
    /// One line per vote, then who stayed away.
    public var text: String {
        guard !rows.isEmpty else { return "No ended polls or proposals in the ledger.\n" }
        var table = TextTable(header: ["vote", "lip", "ended", "voted (LPT)", "of (LPT)", "participation", "quorum", "outcome"], right: [3, 4, 5])
        for r in rows {
            table.rows.append([
                Turnout.name(r), r.lip.map { "LIP-\($0)" } ?? "-", r.kind == .poll ? "block \(r.endBlock ?? 0)" : "round \(r.endRound ?? 0)",
                LPTFigure.text(r.totalVoteStake), LPTFigure.text(r.totalStake), r.participation ?? "-", r.quorumMet ? "met" : "not met", r.outcome,
            ])
        }
        var out = table.text
        for r in rows where !r.largestNonVoters.isEmpty {
            out += "Largest orchestrators that did not vote on \(Turnout.name(r)):\n"
            for n in r.largestNonVoters { out += "  \(n.address.checksummed)  \(LPTFigure.text(n.weight)) LPT\n" }
        }
        return out
    }

    /// `poll 0x1234abcd…` or `proposal 1094…0217`.
    static func name(_ r: Row) -> String {
        r.kind == .poll ? "poll \(r.id.prefix(10))…" : "proposal \(r.id.count > 12 ? String(r.id.prefix(6)) + "…" + String(r.id.suffix(4)) : r.id)"
    }

    /// The JSON's columns, `largestNonVoters` as `address:weight` pairs joined by `;`.
    public var csv: String {
        var out = "kind,id,lip,createdBlock,endBlock,endRound,totalVoteStake,totalStake,participation,quorumMet,outcome,largestNonVoters\r\n"
        for r in rows {
            let nonVoters: String = r.largestNonVoters.map { "\($0.address.checksummed):\(Amount.decimal($0.weight))" }.joined(separator: ";")
            let lip: String = r.lip.map(String.init) ?? ""
            let endBlock: String = r.endBlock.map(String.init) ?? ""
            let endRound: String = r.endRound.map(String.init) ?? ""
            var cells: [String] = [r.kind.rawValue, r.id, lip, String(r.createdBlock), endBlock, endRound]
            cells += [Amount.decimal(r.totalVoteStake), Amount.decimal(r.totalStake), r.participation ?? "", r.quorumMet ? "true" : "false", r.outcome, nonVoters]
            out += cells.map(Escaping.csv).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Participation per vote, oldest first, with each vote's quorum as a dashed step line;
    /// polls as circles, proposals as squares. A standalone SVG.
    public var svg: String {
        let width = 720, height = 320, left = 60, right = 20, top = 40, plotHeight = 220
        let plotWidth = width - left - right
        // The scale: 0 to the largest participation or quorum, rounded up to a tenth (at least 10%).
        let shares = rows.map { r in r.totalStake > 0 ? r.totalVoteStake * 1_000_000 / r.totalStake : 0 }
        let top10 = (shares + rows.map(\.quorum)).max() ?? 0
        let scale = max(BigUInt(100_000), (top10 + 99_999) / 100_000 * 100_000)
        func y(_ ppm: BigUInt) -> Int { top + plotHeight - Int(min(ppm, scale) * BigUInt(plotHeight) / scale) }
        // Points inside the axes, 16 pixels clear of each end.
        func x(_ i: Int) -> Int { rows.count <= 1 ? left + plotWidth / 2 : left + 16 + i * (plotWidth - 32) / (rows.count - 1) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        out += "  <title>Turnout of \(rows.count) ended polls and proposals</title>\n"
        out += "  <rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out += "  <text x=\"\(left)\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Participation per vote, oldest first</text>\n"
        // Axis and ticks per tenth of the scale.
        out += "  <line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#000000\"/>\n"
        out += "  <line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#000000\"/>\n"
        for tick in stride(from: BigUInt(0), through: scale, by: 100_000) {
            out += "  <line x1=\"\(left - 4)\" y1=\"\(y(tick))\" x2=\"\(left)\" y2=\"\(y(tick))\" stroke=\"#000000\"/>\n"
            out += "  <text x=\"\(left - 8)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\">\(tick / 10_000)%</text>\n"
        }
        // Quorum: a dashed step line through each vote's own quorum.
        if !rows.isEmpty {
            var path = ""
            for (i, r) in rows.enumerated() {
                let x0: Int = i == 0 ? left : (x(i - 1) + x(i)) / 2
                let x1: Int = i == rows.count - 1 ? left + plotWidth : (x(i) + x(i + 1)) / 2
                path += (i == 0 ? "M" : " L") + "\(x0) \(y(r.quorum)) L\(x1) \(y(r.quorum))"
            }
            out += "  <path d=\"\(path)\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5 3\"><title>quorum of each vote</title></path>\n"
        }
        for (i, r) in rows.enumerated() {
            let label = Escaping.xml("\(Turnout.name(r))\(r.lip.map { " (LIP-\($0))" } ?? ""): participation \(r.participation ?? "-"), \(r.outcome)")
            let cy = y(shares[i])
            if r.kind == .poll {
                out += "  <circle cx=\"\(x(i))\" cy=\"\(cy)\" r=\"5\" fill=\"#1565c0\"><title>\(label)</title></circle>\n"
            } else {
                out += "  <rect x=\"\(x(i) - 5)\" y=\"\(cy - 5)\" width=\"10\" height=\"10\" fill=\"#6a1b9a\"><title>\(label)</title></rect>\n"
            }
        }
        if let first = rows.first, let last = rows.last {
            out += "  <text x=\"\(left)\" y=\"\(top + plotHeight + 18)\">created at block \(first.createdBlock)</text>\n"
            out += "  <text x=\"\(left + plotWidth)\" y=\"\(top + plotHeight + 18)\" text-anchor=\"end\">block \(last.createdBlock)</text>\n"
        }
        // Legend.
        let ly = height - 24
        out += "  <circle cx=\"\(left + 6)\" cy=\"\(ly - 4)\" r=\"5\" fill=\"#1565c0\"/><text x=\"\(left + 16)\" y=\"\(ly)\">poll</text>\n"
        out += "  <rect x=\"\(left + 70)\" y=\"\(ly - 9)\" width=\"10\" height=\"10\" fill=\"#6a1b9a\"/><text x=\"\(left + 86)\" y=\"\(ly)\">proposal</text>\n"
        out += "  <line x1=\"\(left + 160)\" y1=\"\(ly - 4)\" x2=\"\(left + 190)\" y2=\"\(ly - 4)\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
        out += "<text x=\"\(left + 196)\" y=\"\(ly)\">quorum</text>\n"
        out += "</svg>\n"
        return out
    }
}
