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
    /// The benchmark set's sources.
    public var set: GasSetInfo?
    /// Where the ledger's gas prices came from.
    public var priceSources: [GasPriceSource]
    /// The ETH/USD file as given, when one was.
    public var ethUSD: String?
    /// The ledger's network (its commands name it unless it is mainnet).
    public var network: String

    /// Creates a post.
    public init(report: CostReport, set: GasSetInfo?, priceSources: [GasPriceSource], ethUSD: String?, network: String = "mainnet") {
        self.report = report
        self.set = set
        self.priceSources = priceSources
        self.ethUSD = ethUSD
        self.network = network
    }

    /// A cost in wei as people read it (never a non-zero cost as zero).
    static func eth(_ wei: BigUInt) -> String { CostFigures.eth(wei) }

    /// The gas measured: `312000`, or `312000 (3: 298000-650000)` for several measurements.
    static func gas(_ c: CostReport.ChainCost) -> String {
        c.measurements == 1 ? String(c.gas) : "\(c.gas) (\(c.measurements): \(c.gasMin)-\(c.gasMax))"
    }

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
        var table: [[String]] = [["operation", "chain", "gas (n: min-max)", "median", "p10-p90", "median USD", "L1/L2"]]
        for (o, chain, c) in rows {
            table.append([
                VisibleText.oneLine(o.operation), chain.rawValue + (c.l1DataFee == false ? "*" : ""), Self.gas(c), c.wei.map { Self.eth($0.p50) } ?? "-",
                c.wei.map { "\(Self.eth($0.p10)) - \(Self.eth($0.p90))" } ?? "-", c.usdExact.map { CostFigures.usd($0.p50) } ?? "-",
                chain == .l1 ? (o.savings.map { "\($0)x" } ?? "-") : "",
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
        if rows.contains(where: { $0.cost.l1DataFee == false }) { out += "\n* L2 gas of execution only: without the L1 data fee an Arbitrum transaction pays\n" }
        if !report.warnings.isEmpty {
            out += "\nWarnings:\n" + report.warnings.map { "  - \($0)\n" }.joined()
        }
        out += "\ninputs digest: sha256:\(report.inputsDigest)\n"
        return out
    }

    /// One row per operation and chain.
    public var csv: String {
        var out =
            "operation,chain,gas,gas_min,gas_max,measurements,l1_data_fee,min_wei,p10_wei,p50_wei,p90_wei,max_wei,mean_wei,min_usd,p10_usd,p50_usd,p90_usd,max_usd,mean_usd,savings\n"
        for (o, chain, c) in rows {
            let wei = c.wei.map { [$0.min, $0.p10, $0.p50, $0.p90, $0.max, $0.mean].map { String($0) } } ?? Array(repeating: "", count: 6)
            let usd = c.usd.map { [$0.min, $0.p10, $0.p50, $0.p90, $0.max, $0.mean] } ?? Array(repeating: "", count: 6)
            let measured = [String(c.gas), String(c.gasMin), String(c.gasMax), String(c.measurements), c.l1DataFee.map { $0 ? "true" : "false" } ?? ""]
            out += ([Escaping.csv(o.operation), chain.rawValue] + measured + wei + usd + [o.savings ?? ""]).joined(separator: ",") + "\n"
        }
        return out
    }

    /// What every command of a network other than mainnet needs to find its ledger and contracts.
    var networkFlags: String { network == "mainnet" ? "" : " --network \(ShellWord.quote(network)) --networks networks.yaml" }

    /// The commands that rebuild the inputs and the report, each once, with every flag it needs
    /// (a node's URL as the placeholder `URL`: lip never stores one).
    public var commands: [String] {
        var out: [String] = []
        func add(_ line: String) { if !out.contains(line) { out.append(line) } }
        for s in set?.sources ?? [] {
            add(
                s.source == "csv"
                    ? "lip ledger import gas \(ShellWord.quote(s.file)) --set \(report.set)\(networkFlags)"
                    : "lip ledger sync gas --set \(report.set) \(s.arguments)\(networkFlags) --rpc URL")
        }
        for p in priceSources {
            add(
                p.source == "csv"
                    ? "lip ledger import gas-prices \(ShellWord.quote(p.file)) --chain \(p.chain.rawValue)\(networkFlags)"
                    : "lip ledger sync gas-prices --chain \(p.chain.rawValue) \(p.arguments)\(networkFlags) --rpc URL")
        }
        var report = "lip costs --set \(self.report.set)"
        if let from = self.report.window?.from { report += " --from \(from)" }
        if let to = self.report.window?.to { report += " --to \(to)" }
        if let ethUSD { report += " --eth-usd \(ShellWord.quote(ethUSD))" }
        add(report + networkFlags + " --format forum")
        return out
    }

    /// The report as a Discourse post: a table in ETH (and USD), text bars of the median cost per
    /// operation and chain, the method, warnings, the digest and the commands that rebuild it.
    public var forumPost: String {
        var out = "## Gas costs of protocol transactions: set \(Escaping.markdown(report.set))\n\n"
        let usd = rows.contains { $0.cost.usd != nil }
        out += "| Operation | Chain | Gas (median) | Measured (n: min–max) | Median | p10–p90 |" + (usd ? " Median (USD) | p10–p90 (USD) |" : "") + " L1/L2 |\n"
        out += "| --- | --- | ---: | ---: | ---: | ---: |" + (usd ? " ---: | ---: |" : "") + " ---: |\n"
        for (o, chain, c) in rows {
            out += "| \(Escaping.markdown(o.operation)) | \(chain.rawValue.uppercased())\(c.l1DataFee == false ? " (execution only)" : "") | \(c.gas) | "
            out += "\(c.measurements): \(c.gasMin)–\(c.gasMax) | \(c.wei.map { Self.eth($0.p50) } ?? "–") | "
            out += (c.wei.map { "\(Self.eth($0.p10))–\(Self.eth($0.p90))" } ?? "–") + " |"
            if usd {
                out += " \(c.usdExact.map { CostFigures.usd($0.p50) } ?? "–") | \(c.usdExact.map { "\(CostFigures.usd($0.p10))–\(CostFigures.usd($0.p90))" } ?? "–") |"
            }
            out += " \(chain == .l1 ? (o.savings.map { "\($0)×" } ?? "–") : "") |\n"
        }
        out += "\n```text\n" + bars + "```\n\n"
        out += "Method: cost = gas × (base fee + priority fee) at each gas price sample of the chain in the window (\(windowText)); "
        out += "min, p10, median, p90 and max by nearest rank, mean rounded down; an operation's gas is the median of its measurements; "
        out += "savings = median L1 cost / median L2 cost, truncated. An L1 figure is an L1 measurement, never an L2 figure copied: without one, L1 is unknown. "
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

    /// The medians drawn: each operation and chain with a cost, and the decades of a log scale
    /// that holds every p10–p90 range (from 10^lo to 10^hi wei).
    var scale: (drawn: [(label: String, chain: Chain, s: CostReport.Statistics<BigUInt>)], lo: Int, hi: Int) {
        let drawn = rows.compactMap { r in r.cost.wei.map { (label: "\(r.operation.operation) \(r.chain.rawValue.uppercased())", chain: r.chain, s: $0) } }
        let positive = drawn.flatMap { [$0.s.p10, $0.s.p90] }.filter { $0 > 0 }
        let lo = positive.map { Int(CostFigures.log10($0).rounded(.down)) }.min() ?? 0
        let hi = max(lo + 1, positive.map { Int(CostFigures.log10($0).rounded(.up)) }.max() ?? 1)
        return (drawn, lo, hi)
    }

    /// Where `v` wei falls on the log scale from 10^lo to 10^hi, as a share of `width` (0 for 0).
    static func position(_ v: BigUInt, lo: Int, hi: Int, width: Int) -> Int {
        guard v > 0 else { return 0 }
        let share = (CostFigures.log10(v) - Double(lo)) / Double(hi - lo)
        return min(width, max(0, Int((share * Double(width)).rounded())))
    }

    /// A power of ten of wei as a label: gwei below 0.001 ETH (`0.1 gwei`, `100000 gwei`), ETH from it (`0.001 ETH`, `10 ETH`).
    static func decade(_ exponent: Int) -> String {
        func power(_ e: Int) -> String { e >= 0 ? "1" + String(repeating: "0", count: e) : "0." + String(repeating: "0", count: -e - 1) + "1" }
        return exponent >= 15 ? power(exponent - 18) + " ETH" : power(exponent - 9) + " gwei"
    }

    /// Text bars of the median cost per operation and chain on a log scale (each step a factor
    /// of ten), so that L1 and L2 both show when they differ by thousands.
    var bars: String {
        let (drawn, lo, hi) = scale
        guard !drawn.isEmpty else { return "(no costs)\n" }
        let width = drawn.map { VisibleText.oneLine($0.label).count }.max() ?? 0
        var out = "median cost, log scale: \(Self.decade(lo)) to \(Self.decade(hi)), each step of \(TextChart.width / (hi - lo)) cells ×10\n"
        for d in drawn {
            let cells = Self.position(d.s.p50, lo: lo, hi: hi, width: TextChart.width)
            let bar = String(repeating: d.chain == .l1 ? "█" : "▓", count: cells) + String(repeating: "░", count: TextChart.width - cells)
            out += VisibleText.oneLine(d.label).padding(toLength: width, withPad: " ", startingAt: 0) + " " + bar + " " + Self.eth(d.s.p50) + "\n"
        }
        return out + "█ L1  ▓ L2\n"
    }

    /// A standalone SVG: per operation and chain, the p10–p90 range of its cost as a bar with the
    /// median marked, on a log scale with a labelled tick at every power of ten and a legend.
    public var svg: String {
        let (drawn, lo, hi) = scale
        let width = 820, left = 220, plot = 440, rowHeight = 26, top = 84
        let height = top + max(1, drawn.count) * rowHeight + 40
        func x(_ v: BigUInt) -> Int { left + Self.position(v, lo: lo, hi: hi, width: plot) }
        let title = "Gas costs: set \(report.set)"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n"
        out += "  <title>\(Escaping.xml(title))</title>\n"
        out += "  <rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out += "  <text x=\"20\" y=\"26\" font-size=\"16\" font-weight=\"bold\">\(Escaping.xml(title.count > 80 ? String(title.prefix(79)) + "…" : title))</text>\n"
        out += "  <text x=\"20\" y=\"48\">p10–p90 of the cost (bar) and the median (line), log scale, \(Escaping.xml(windowText))</text>\n"
        out += "  <rect x=\"\(left)\" y=\"56\" width=\"12\" height=\"12\" fill=\"#5c6bc0\"/><text x=\"\(left + 16)\" y=\"66\">L1</text>\n"
        out += "  <rect x=\"\(left + 50)\" y=\"56\" width=\"12\" height=\"12\" fill=\"#26a69a\"/><text x=\"\(left + 66)\" y=\"66\">L2</text>\n"
        let bottom = top + max(1, drawn.count) * rowHeight
        for e in lo...hi {
            let tx = left + (e - lo) * plot / (hi - lo)
            out += "  <line x1=\"\(tx)\" y1=\"\(top - 4)\" x2=\"\(tx)\" y2=\"\(bottom)\" stroke=\"#dddddd\"/>\n"
            out += "  <text x=\"\(tx)\" y=\"\(bottom + 16)\" text-anchor=\"middle\" font-size=\"11\">\(Escaping.xml(Self.decade(e)))</text>\n"
        }
        for (i, d) in drawn.enumerated() {
            let y = top + i * rowHeight
            let color = d.chain == .l1 ? "#5c6bc0" : "#26a69a"
            let label = d.label.count > 30 ? String(d.label.prefix(29)) + "…" : d.label
            out += "  <text x=\"20\" y=\"\(y + 15)\">\(Escaping.xml(label))</text>\n"
            out +=
                "  <rect x=\"\(x(d.s.p10))\" y=\"\(y + 3)\" width=\"\(max(2, x(d.s.p90) - x(d.s.p10)))\" height=\"16\" fill=\"\(color)\"><title>\(Escaping.xml(d.label)): \(Self.eth(d.s.p10))–\(Self.eth(d.s.p90))</title></rect>\n"
            out += "  <line x1=\"\(x(d.s.p50))\" y1=\"\(y)\" x2=\"\(x(d.s.p50))\" y2=\"\(y + 22)\" stroke=\"#000000\" stroke-width=\"2\"/>\n"
            out += "  <text x=\"\(left + plot + 10)\" y=\"\(y + 15)\">\(Escaping.xml(Self.eth(d.s.p50)))</text>\n"
        }
        out += "</svg>\n"
        return out
    }
}
