import ArgumentParser
import Foundation
import LIPKit

/// What `lip costs` writes.
enum CostsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, forum, svg
}

struct CostsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "What each protocol operation of a gas benchmark set costs on L1 and on L2, over the ledger's gas price samples.",
        discussion: """
            For each operation and chain: cost = gas × (base fee + priority fee) at every sample of the chain in the window; min, p10, median, p90 and max by nearest rank, and the mean rounded down, in wei (and in dollars, truncated to cents, with --eth-usd); the savings factor is the median L1 cost over the median L2 cost. lip fetches no prices: ETH/USD comes from your CSV `date,usd`. The same ledger and files give the same bytes; the inputs digest names them.

            Examples:
              lip costs
              lip costs --set devnet-2026-12 --from 2026-01-01 --to 2026-06-30 --eth-usd eth-usd.csv --format forum
              lip costs --format json -o costs.json

            Manual: docs/costs.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("The benchmark set (default: the one imported or synced last).", valueName: "NAME"))
    var set: String?

    @Option(help: ArgumentHelp("The first day of the window, UTC (default: the first sample).", valueName: "YYYY-MM-DD"))
    var from: CalendarDate?

    @Option(help: ArgumentHelp("The last day of the window, UTC, included (default: the last sample).", valueName: "YYYY-MM-DD"))
    var to: CalendarDate?

    @Option(name: .customLong("eth-usd"), help: ArgumentHelp("A CSV `date,usd` of ETH prices in dollars, one per day of every sample in the window.", valueName: "FILE"))
    var ethUSD: String?

    @Option(help: "What to write.")
    var format: CostsFormat = .text

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let window: CostReport.Window? = from == nil && to == nil ? nil : CostReport.Window(from: from, to: to)
        let prices = try ethUSD.map { path -> ETHPrices in
            let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.path) else { throw LIPError.unreadable(path: path, reason: "no such file") }
            return try ETHPrices.load(url, path: path)
        }
        let ledger = try ledger.open()
        let inputs = try CostInputs.load(from: ledger, set: set, window: window, prices: prices)
        let report = try CostEngine.report(inputs)
        let post = CostPost(
            report: report, set: try ledger.gasSets().first { $0.name == inputs.set }, priceSources: try ledger.gasPriceSources(), ethUSD: ethUSD,
            network: try self.ledger.networkIdentity(of: ledger).name)
        let text: String
        switch format {
        case .text: text = post.text
        case .json: text = report.json.serialized()
        case .csv: text = post.csv
        case .forum: text = post.forumPost
        case .svg: text = post.svg
        }
        try writeOutput(text, to: output)
    }
}
