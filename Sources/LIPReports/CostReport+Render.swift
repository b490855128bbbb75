import BigInt
import Foundation
import LIPCore
import LIPCosts
import LIPEthereum
import LIPLedger

/// A cost report with what renders it for people: where its inputs came from, for the commands
/// that rebuild it.
public struct CostPost: Sendable {
    /// The report.
    public var report: CostReport
    /// The benchmark set's source.
    public var set: GasSetInfo?
    /// Where the ledger's gas prices came from.
    public var priceSources: [GasPriceSource]
    /// The ETH/USD file as given, when one was.
    public var ethUSD: String?

    /// Creates a post.
    public init(report: CostReport, set: GasSetInfo?, priceSources: [GasPriceSource], ethUSD: String?) {
        self.report = report
        self.set = set
        self.priceSources = priceSources
        self.ethUSD = ethUSD
    }

    /// ETH with up to 6 decimals, truncated.
    static func eth(_ wei: BigUInt) -> String { Amount.formatLPT(wei, decimals: 6) }

    /// Each operation and chain that has a gas row, in report order.
    var rows: [(operation: CostReport.Operation, chain: Chain, cost: CostReport.ChainCost)] {
        report.operations.flatMap { o in [(Chain.l1, o.l1), (.l2, o.l2)].compactMap { c, cost in cost.map { (o, c, $0) } } }
    }

    var windowText: String {
        guard let w = report.window else { return "all samples" }
        return "\(w.from.map(String.init(describing:)) ?? "the first sample") to \(w.to.map(String.init(describing:)) ?? "the last sample") (UTC)"
    }

    /// The report as text for people: a table per operation and chain.
    public var text: String {
        var out = "Gas costs: set \(report.set), \(windowText)\n"
        for (chain, s) in [("l1", report.l1Samples), ("l2", report.l2Samples)] {
            out += "  \(chain) samples: " + (s.map { "\($0.count), blocks \($0.firstBlock) to \($0.lastBlock)" } ?? "none") + "\n"
        }
        out += "\n"
        var table: [[String]] = [["operation", "chain", "gas", "median ETH", "p10-p90 ETH", "median USD", "savings"]]
        for (o, chain, c) in rows {
            table.append([
                VisibleText.oneLine(o.operation), chain.rawValue, String(c.gas), c.wei.map { Self.eth($0.p50) } ?? "-",
                c.wei.map { "\(Self.eth($0.p10))-\(Self.eth($0.p90))" } ?? "-", c.usd?.p50 ?? "-", chain == .l1 ? (o.savings.map { "\($0)x" } ?? "-") : "",
            ])
        }
        let widths = table[0].indices.map { i in table.map { $0[i].count }.max() ?? 0 }
        for row in table {
            out +=
                row.enumerated().map { i, cell in
                    i == 2 || (3...5).contains(i) ? String(repeating: " ", count: widths[i] - cell.count) + cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        if !report.warnings.isEmpty {
            out += "\nWarnings:\n" + report.warnings.map { "  - \($0)\n" }.joined()
        }
        out += "\ninputs digest: sha256:\(report.inputsDigest)\n"
        return out
    }

    /// One row per operation and chain.
    public var csv: String {
        var out = "operation,chain,gas,min_wei,p10_wei,p50_wei,p90_wei,max_wei,mean_wei,min_usd,p10_usd,p50_usd,p90_usd,max_usd,mean_usd,savings\n"
        for (o, chain, c) in rows {
            let wei = c.wei.map { [$0.min, $0.p10, $0.p50, $0.p90, $0.max, $0.mean].map { String($0) } } ?? Array(repeating: "", count: 6)
            let usd = c.usd.map { [$0.min, $0.p10, $0.p50, $0.p90, $0.max, $0.mean] } ?? Array(repeating: "", count: 6)
            out += ([Escaping.csv(o.operation), chain.rawValue, String(c.gas)] + wei + usd + [o.savings ?? ""]).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The commands that rebuild the inputs and the report.
    public var commands: [String] {
        var out: [String] = []
        if let set {
            out.append(
                set.source == "csv"
                    ? "lip ledger import gas \(ShellWord.quote(set.file)) --set \(set.name)"
                    : "lip ledger sync gas --set \(set.name) \(set.arguments) --network \(ShellWord.quote(set.file))")
        }
        for p in priceSources {
            out.append(
                p.source == "csv"
                    ? "lip ledger import gas-prices \(ShellWord.quote(p.file)) --chain \(p.chain.rawValue)"
                    : "lip ledger sync gas-prices --chain \(p.chain.rawValue) \(p.arguments) --network \(ShellWord.quote(p.file))")
        }
        var report = "lip costs --set \(self.report.set)"
        if let from = self.report.window?.from { report += " --from \(from)" }
        if let to = self.report.window?.to { report += " --to \(to)" }
        if let ethUSD { report += " --eth-usd \(ShellWord.quote(ethUSD))" }
        out.append(report + " --format forum")
        return out
    }

    /// The report as a Discourse post: a table in ETH (and USD), text bars of the median cost per
    /// operation and chain, the method, warnings, the digest and the commands that rebuild it.
    public var forumPost: String {
        var out = "## Gas costs of protocol transactions: set \(Escaping.markdown(report.set))\n\n"
        let usd = rows.contains { $0.cost.usd != nil }
        out += "| Operation | Chain | Gas | Median (ETH) | p10–p90 (ETH) |" + (usd ? " Median (USD) | p10–p90 (USD) |" : "") + " L1/L2 |\n"
        out += "| --- | --- | ---: | ---: | ---: |" + (usd ? " ---: | ---: |" : "") + " ---: |\n"
        for (o, chain, c) in rows {
            out += "| \(Escaping.markdown(o.operation)) | \(chain.rawValue.uppercased()) | \(c.gas) | \(c.wei.map { Self.eth($0.p50) } ?? "–") | "
            out += (c.wei.map { "\(Self.eth($0.p10))–\(Self.eth($0.p90))" } ?? "–") + " |"
            if usd { out += " \(c.usd.map { "$" + $0.p50 } ?? "–") | \(c.usd.map { "$\($0.p10)–$\($0.p90)" } ?? "–") |" }
            out += " \(chain == .l1 ? (o.savings.map { "\($0)×" } ?? "–") : "") |\n"
        }
        out += "\n```text\n" + bars + "```\n\n"
        out += "Method: cost = gas × (base fee + priority fee) at each gas price sample of the chain in the window (\(windowText)); "
        out += "min, p10, median, p90 and max by nearest rank, mean rounded down; savings = median L1 cost / median L2 cost, truncated. "
        out +=
            "Samples: "
            + [("L1", report.l1Samples), ("L2", report.l2Samples)].map { c, s in
                "\(c) " + (s.map { "\($0.count) (blocks \($0.firstBlock) to \($0.lastBlock))" } ?? "none")
            }.joined(separator: ", ") + "."
        if let ethUSD { out += " Dollars from ETH/USD by day in `\(Escaping.markdown(ethUSD))`, truncated to cents." }
        out += "\n\n"
        if !report.warnings.isEmpty {
            out += "**Warnings**\n\n" + report.warnings.map { "- " + Escaping.markdown($0) + "\n" }.joined() + "\n"
        }
        out += "---\n\n"
        out += "Inputs digest: `sha256:\(report.inputsDigest)`. Anyone can rebuild this report with `lip`:\n\n```\n"
        out += commands.map { $0 + "\n" }.joined() + "```\n"
        return out
    }

    /// Text bars of the median cost per operation and chain, against the largest median.
    var bars: String {
        let medians = rows.compactMap { r in r.cost.wei.map { (label: "\(r.operation.operation) \(r.chain.rawValue)", p50: $0.p50) } }
        guard let top = medians.map(\.p50).max(), top > 0 else { return "(no costs)\n" }
        let width = medians.map { VisibleText.oneLine($0.label).count }.max() ?? 0
        return medians.map { m in
            let cells = Int(m.p50 * BigUInt(TextChart.width) / top)
            let bar = String(repeating: "█", count: cells) + String(repeating: "░", count: TextChart.width - cells)
            return VisibleText.oneLine(m.label).padding(toLength: width, withPad: " ", startingAt: 0) + " " + bar + " " + Self.eth(m.p50) + " ETH\n"
        }.joined()
    }

    /// A standalone SVG: per operation, the p10–p90 range of its cost on L1 and on L2 as bars
    /// with the median marked, on one scale (the largest p90).
    public var svg: String {
        let drawn = rows.compactMap { r in r.cost.wei.map { (label: "\(r.operation.operation) \(r.chain.rawValue.uppercased())", chain: r.chain, s: $0) } }
        let width = 760, left = 220, plot = 420, rowHeight = 26
        let height = 70 + max(1, drawn.count) * rowHeight + 30
        let top = drawn.map(\.s.p90).max() ?? 0
        func x(_ v: BigUInt) -> Int { top == 0 ? left : left + Int(v * BigUInt(plot) / top) }
        let title = "Gas costs: set \(report.set)"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n"
        out += "  <title>\(Escaping.xml(title))</title>\n"
        out += "  <rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out += "  <text x=\"20\" y=\"26\" font-size=\"16\" font-weight=\"bold\">\(Escaping.xml(title.count > 80 ? String(title.prefix(79)) + "…" : title))</text>\n"
        out += "  <text x=\"20\" y=\"48\">p10–p90 of the cost in ETH (bar) and the median (line), \(Escaping.xml(windowText))</text>\n"
        for (i, d) in drawn.enumerated() {
            let y = 62 + i * rowHeight
            let color = d.chain == .l1 ? "#5c6bc0" : "#26a69a"
            let label = d.label.count > 30 ? String(d.label.prefix(29)) + "…" : d.label
            out += "  <text x=\"20\" y=\"\(y + 15)\">\(Escaping.xml(label))</text>\n"
            out +=
                "  <rect x=\"\(x(d.s.p10))\" y=\"\(y + 3)\" width=\"\(max(1, x(d.s.p90) - x(d.s.p10)))\" height=\"16\" fill=\"\(color)\"><title>\(Escaping.xml(d.label)): \(Self.eth(d.s.p10))–\(Self.eth(d.s.p90)) ETH</title></rect>\n"
            out += "  <line x1=\"\(x(d.s.p50))\" y1=\"\(y)\" x2=\"\(x(d.s.p50))\" y2=\"\(y + 22)\" stroke=\"#000000\" stroke-width=\"2\"/>\n"
            out += "  <text x=\"\(left + plot + 10)\" y=\"\(y + 15)\">\(Self.eth(d.s.p50)) ETH</text>\n"
        }
        out += "</svg>\n"
        return out
    }
}
