import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Everything a cost report is computed from; the same inputs give the same report, byte for byte.
/// The samples are kept only as the report needs them (`GasPriceSeries`), and hashed for the
/// inputs digest as they are read.
public struct CostInputs {
    /// The set's name.
    public let set: String
    /// Its rows.
    public let benchmarks: [GasBenchmark]
    /// The window, nil when neither side was given.
    public let window: CostReport.Window?
    /// The samples of each chain in the window, by block.
    public let l1: GasPriceSeries, l2: GasPriceSeries
    /// ETH/USD by day, when given.
    public let prices: ETHPrices?
    /// The digest after the price lines.
    let digest: CostDigest

    /// Inputs of these samples (for tests and callers that have them in hand).
    public init(set: String, benchmarks: [GasBenchmark], window: CostReport.Window?, l1: [GasPriceSample], l2: [GasPriceSample], prices: ETHPrices?) {
        var reader = SampleReader(set: set, benchmarks: benchmarks, window: window)
        l1.forEach { reader.add($0, to: .l1) }
        l2.forEach { reader.add($0, to: .l2) }
        self = reader.inputs(prices: prices)
    }

    private init(set: String, benchmarks: [GasBenchmark], window: CostReport.Window?, l1: GasPriceSeries, l2: GasPriceSeries, prices: ETHPrices?, digest: CostDigest) {
        (self.set, self.benchmarks, self.window, self.l1, self.l2, self.prices, self.digest) = (set, benchmarks, window, l1, l2, prices, digest)
    }

    /// The inputs of set `name` (default: the set stored last) over `window`, from the ledger.
    public static func load(from ledger: Ledger, set name: String?, window: CostReport.Window?, prices: ETHPrices?) throws -> CostInputs {
        let sets = try ledger.gasSets()
        guard let chosen = name ?? sets.last?.name else {
            throw LIPError.usage("the ledger has no gas benchmarks: import a set with `lip ledger import gas FILE --set NAME`")
        }
        guard sets.contains(where: { $0.name == chosen }) else {
            throw LIPError.usage("the ledger has no gas benchmark set \(chosen) (it has: \(sets.map(\.name).joined(separator: ", ")))")
        }
        if let from = window?.from, let to = window?.to, to < from { throw LIPError.usage("--to \(to) is before --from \(from)") }
        let start = window?.from.map(UTCDay.start(of:)), end = window?.to.map { UTCDay.start(of: $0.adding(days: 1)) }
        var reader = SampleReader(set: chosen, benchmarks: try ledger.gasBenchmarks(set: chosen), window: window)
        for chain in [Chain.l1, .l2] {
            try ledger.forEachGasPrice(chain: chain, from: start, until: end) { reader.add($0, to: chain) }
        }
        return reader.inputs(prices: prices)
    }

    /// Inputs made as the samples are read: L1's by block, then L2's.
    private struct SampleReader {
        let set: String, benchmarks: [GasBenchmark], window: CostReport.Window?
        var l1 = GasPriceSeries(chain: .l1), l2 = GasPriceSeries(chain: .l2)
        var digest: CostDigest

        init(set: String, benchmarks: [GasBenchmark], window: CostReport.Window?) {
            (self.set, self.benchmarks, self.window) = (set, benchmarks, window)
            digest = CostDigest(set: set, window: window, benchmarks: benchmarks)
        }

        mutating func add(_ sample: GasPriceSample, to chain: Chain) {
            digest.add(sample)
            if chain == .l1 { l1.append(sample) } else { l2.append(sample) }
        }

        func inputs(prices: ETHPrices?) -> CostInputs {
            CostInputs(set: set, benchmarks: benchmarks, window: window, l1: l1, l2: l2, prices: prices, digest: digest)
        }
    }
}
