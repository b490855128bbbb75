import ArgumentParser
import Foundation
import LIPKit

struct LedgerSyncGasPricesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gas-prices",
        abstract: "Read gas price samples of one chain from a node: base fee, priority fee and timestamp of every N-th block of a range.",
        discussion: """
            The range is --from-block and --to-block, or --from and --to dates (UTC, inclusive, proleptic Gregorian: turned into blocks by binary search over block timestamps). Only final blocks are stored: at or below the node's finalized block, else its head less --confirmations (so a reorg can never leave the ledger disagreeing with the chain); a date range is cut there, a --to-block past it refused. A range that would keep more than --max-samples samples (10^6) is refused before anything is read; block timestamps that go backwards, or a sample outside the dates asked, are refused naming the blocks. Of it every --every-th block is kept (its offset from the first a multiple of N); each kept block's base fee and 50th-percentile reward (the priority fee; Arbitrum reports 0) come from eth_feeHistory, its timestamp from eth_getBlockByNumber, in JSON-RPC batches: the requests grow with the blocks kept, never with the width of the range. Stored in one transaction; a sample the ledger has with the same values changes nothing, with other values is an error. The network's entry needs only `chain-id`.

            Examples:
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync gas-prices --chain l2 --from 2026-01-01 --to 2026-01-31 --every 900
              lip ledger sync gas-prices --chain l2 --from-block 100 --to-block 400 --every 10 --network devnet --rpc http://127.0.0.1:8545

            Manual: docs/costs.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @Option(help: "The chain to sample (l1 or l2).")
    var chain: Chain

    @Option(help: ArgumentHelp("The first day, UTC.", valueName: "YYYY-MM-DD"))
    var from: CalendarDate?

    @Option(help: ArgumentHelp("The last day, UTC, included.", valueName: "YYYY-MM-DD"))
    var to: CalendarDate?

    @Option(name: .customLong("from-block"), help: ArgumentHelp("The first block.", valueName: "N"))
    var fromBlock: Int?

    @Option(name: .customLong("to-block"), help: ArgumentHelp("The last block, included.", valueName: "N"))
    var toBlock: Int?

    @Option(help: ArgumentHelp("Keep every N-th block of the range.", valueName: "N"))
    var every = 1

    @Option(name: .customLong("max-samples"), help: ArgumentHelp("Refuse a range that would keep more samples than this.", valueName: "N"))
    var maxSamples = 1_000_000

    @Option(
        help: ArgumentHelp(
            "Without a finalized block from the node, store only blocks at least this many below its head (a reorg cannot reach them).", valueName: "N"))
    var confirmations = 64

    func validate() throws {
        guard every > 0 else { throw ValidationError("--every must be positive") }
        guard maxSamples > 0 else { throw ValidationError("--max-samples must be positive") }
        guard confirmations >= 0 else { throw ValidationError("--confirmations must not be negative") }
        let dates = from != nil || to != nil, blocks = fromBlock != nil || toBlock != nil
        guard dates != blocks else { throw ValidationError("give --from and --to, or --from-block and --to-block") }
        if dates { guard from != nil && to != nil else { throw ValidationError("give both --from and --to") } }
        if blocks {
            guard let a = fromBlock, let b = toBlock, a >= 0, b >= a else { throw ValidationError("give --from-block N and --to-block M with 0 <= N <= M") }
        }
    }

    func run() throws {
        let range: GasSync.PriceRequest.Range
        if let a = from, let b = to {
            guard a <= b else { throw LIPError.usage("--to \(b) is before --from \(a)") }
            range = .dates(a, b)
        } else {
            range = .blocks(fromBlock ?? 0, toBlock ?? 0)
        }
        let request = GasSync.PriceRequest(range: range, every: every, maxSamples: maxSamples, confirmations: confirmations)
        let network = try ledger.writingNetwork()
        let reader = try node.connect(chain: chain, network: network)
        let reading = try GasSync(node: reader).read(request, chain: chain, progress: node.progress)
        node.endProgress()
        let summary = try ledger.openForImport(network: network).storeSyncedGasPrices(
            reading.samples, chain: chain, network: network.name, arguments: request.arguments, endpoint: reader.client.endpoint.display)
        say(
            "\(chain.rawValue) blocks \(reading.range.lowerBound) to \(reading.range.upperBound), every \(every) from \(reader.client.endpoint.display): \(summary.line); \(reader.client.roundTrips) HTTP requests"
        )
        if reading.clamped {
            say("  the dates reach past block \(reading.finalBlock), \(reading.finality): later blocks are not final yet; sync again later for the rest")
        }
    }
}
