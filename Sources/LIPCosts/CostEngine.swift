import BigInt
import Crypto
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Everything a cost report is computed from; the same inputs give the same report, byte for byte.
public struct CostInputs: Sendable {
    /// The set's name.
    public var set: String
    /// Its rows.
    public var benchmarks: [GasBenchmark]
    /// The window, nil when neither side was given.
    public var window: CostReport.Window?
    /// The samples of each chain in the window, by block.
    public var l1: [GasPriceSample], l2: [GasPriceSample]
    /// ETH/USD by day, when given.
    public var prices: ETHPrices?

    /// Creates inputs.
    public init(set: String, benchmarks: [GasBenchmark], window: CostReport.Window?, l1: [GasPriceSample], l2: [GasPriceSample], prices: ETHPrices?) {
        self.set = set
        self.benchmarks = benchmarks
        self.window = window
        self.l1 = l1
        self.l2 = l2
        self.prices = prices
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
        return CostInputs(
            set: chosen, benchmarks: try ledger.gasBenchmarks(set: chosen), window: window, l1: try ledger.gasPrices(chain: .l1, from: start, until: end),
            l2: try ledger.gasPrices(chain: .l2, from: start, until: end), prices: prices)
    }
}

/// Computes a cost report (docs/costs.md).
public enum CostEngine {
    /// The report of `inputs`; a sample whose day the ETH/USD file lacks is an error naming the
    /// day and the file.
    public static func report(_ inputs: CostInputs) throws -> CostReport {
        var warnings: [String] = []
        let windowText = inputs.window.map { "\($0.from.map(String.init(describing:)) ?? "the start") to \($0.to.map(String.init(describing:)) ?? "the end")" } ?? "all samples"
        for (chain, samples) in [(Chain.l1, inputs.l1), (.l2, inputs.l2)] where samples.isEmpty {
            warnings.append("no \(chain.rawValue) gas price samples in the window (\(windowText)): its costs are not computed")
        }
        // Each sample's price in units of 10^-8 USD, when a file is given.
        func usdUnits(_ samples: [GasPriceSample]) throws -> [BigUInt]? {
            guard let prices = inputs.prices else { return nil }
            return try samples.map { s in
                let day = UTCDay.date(ofUnixSeconds: s.timestamp)
                guard let p = prices.prices[day] else {
                    throw LIPError.invalidInput(file: prices.path, location: "", message: "no ETH/USD price for \(day) (block \(s.block) on \(s.chain.rawValue) is of that day)")
                }
                return p.units
            }
        }
        // A cost is gas × price, and gas is one number per operation and chain: the order of the
        // costs is the order of the prices, so each chain's prices are sorted and summed once and
        // every operation's statistics are its gas times them (exact: floor(gas × sum / n) is the
        // mean of the products rounded down). Likewise usd_i = gas × price_i × units_i / 10^26.
        let l1 = Prepared(inputs.l1, usd: try usdUnits(inputs.l1)), l2 = Prepared(inputs.l2, usd: try usdUnits(inputs.l2))
        let centsScale = BigUInt(10).power(24)
        func cost(_ gas: BigUInt, _ chain: Chain) -> CostReport.ChainCost {
            guard let p = chain == .l1 ? l1 : l2 else { return CostReport.ChainCost(gas: gas, wei: nil, usd: nil) }
            let usd = p.usd.map { u -> CostReport.Statistics<String> in
                let c = u.scaled(by: gas, over: centsScale)
                return CostReport.Statistics(min: dollars(c.min), p10: dollars(c.p10), p50: dollars(c.p50), p90: dollars(c.p90), max: dollars(c.max), mean: dollars(c.mean))
            }
            return CostReport.ChainCost(gas: gas, wei: p.prices.scaled(by: gas, over: 1), usd: usd)
        }
        var operations: [CostReport.Operation] = []
        let labels = Array(Set(inputs.benchmarks.map(\.operation))).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for label in labels {
            let rows = inputs.benchmarks.filter { $0.operation == label }
            let l1 = rows.first { $0.chain == .l1 }.map { cost($0.gas, .l1) }
            let l2 = rows.first { $0.chain == .l2 }.map { cost($0.gas, .l2) }
            var savings: String?
            if let a = l1?.wei?.p50, let b = l2?.wei?.p50 {
                if b > 0 {
                    let hundredths = a * 100 / b
                    savings = "\(hundredths / 100).\(String(hundredths % 100).leftPadded(to: 2))"
                } else {
                    warnings.append("\(label): the median L2 cost is 0, so there is no savings factor")
                }
            } else if l1 != nil || l2 != nil {
                let missing = l1?.wei == nil ? "L1" : "L2"
                warnings.append(
                    "\(label): no \(missing) cost (\(l1 == nil || l2 == nil ? "the set has no \(missing) gas for it" : "no \(missing) samples")), so there is no savings factor")
            }
            operations.append(CostReport.Operation(operation: label, l1: l1, l2: l2, savings: savings))
        }
        return CostReport(
            set: inputs.set, window: inputs.window, l1Samples: summary(inputs.l1), l2Samples: summary(inputs.l2), operations: operations, warnings: warnings,
            inputsDigest: CostDigest.digest(inputs))
    }

    /// A chain's prices in the window, ranked and summed once: of `price_i`, and with ETH/USD of
    /// `price_i × units_i`; an operation's figures are these times its gas.
    struct Prepared {
        let prices: Ranked
        let usd: Ranked?

        init?(_ samples: [GasPriceSample], usd units: [BigUInt]?) {
            guard !samples.isEmpty else { return nil }
            prices = Ranked(samples.map { $0.baseFee + $0.priorityFee })
            usd = units.map { u in Ranked(zip(samples, u).map { ($0.baseFee + $0.priorityFee) * $1 }) }
        }
    }

    /// The nearest-rank figures (`sorted[ceil(q × n / 100) − 1]`) of some values, with their sum.
    struct Ranked {
        let min: BigUInt, p10: BigUInt, p50: BigUInt, p90: BigUInt, max: BigUInt, sum: BigUInt, count: Int

        init(_ values: [BigUInt]) {
            let sorted = values.sorted()
            let n = sorted.count
            func rank(_ q: Int) -> BigUInt { sorted[(q * n + 99) / 100 - 1] }
            (min, p10, p50, p90, max, count) = (sorted[0], rank(10), rank(50), rank(90), sorted[n - 1], n)
            sum = sorted.reduce(BigUInt(0), +)
        }

        /// Each figure times `factor` over `divisor`, rounded down; the mean floor(factor × sum / (n × divisor)).
        func scaled(by factor: BigUInt, over divisor: BigUInt) -> CostReport.Statistics<BigUInt> {
            CostReport.Statistics(
                min: factor * min / divisor, p10: factor * p10 / divisor, p50: factor * p50 / divisor, p90: factor * p90 / divisor, max: factor * max / divisor,
                mean: factor * sum / (BigUInt(count) * divisor))
        }
    }

    /// min, p10, p50, p90 and max by nearest rank and the mean rounded down, of `values` (not empty).
    package static func statistics(_ values: [BigUInt]) -> CostReport.Statistics<BigUInt> { Ranked(values).scaled(by: 1, over: 1) }

    /// Cents as dollars: `"12.34"`.
    package static func dollars(_ cents: BigUInt) -> String {
        "\(cents / 100).\(String(cents % 100).leftPadded(to: 2))"
    }

    private static func summary(_ samples: [GasPriceSample]) -> CostReport.Samples? {
        guard let first = samples.first, let last = samples.last else { return nil }
        return CostReport.Samples(count: samples.count, firstBlock: first.block, lastBlock: last.block)
    }
}

/// The inputs digest of a cost report: SHA-256 over these lines, each ending in `\n`:
///
///     lip-costs-inputs v1
///     set|<name>
///     window|<from or ->|<to or ->
///     gas|<operation>|<chain>|<gas>                          every row of the set, by operation then chain
///     price|<chain>|<block>|<timestamp>|<base>|<priority>   every sample in the window, by chain then block
///     usd|<date>|<price as written in the file>              with an ETH/USD file: each day of a sample, once, by date
package enum CostDigest {
    /// Every line, in order (what tests compare; `digest` writes the price lines as bytes).
    package static func lines(_ inputs: CostInputs) -> [String] {
        head(inputs) + (inputs.l1 + inputs.l2).map { "price|\($0.chain.rawValue)|\($0.block)|\($0.timestamp)|\($0.baseFee)|\($0.priorityFee)" } + usd(inputs)
    }

    /// The lines before the prices.
    static func head(_ inputs: CostInputs) -> [String] {
        var out = ["lip-costs-inputs v1", "set|\(inputs.set)"]
        out.append("window|\(inputs.window?.from.map(String.init(describing:)) ?? "-")|\(inputs.window?.to.map(String.init(describing:)) ?? "-")")
        for b in inputs.benchmarks.sorted(by: { ($0.operation, $0.chain.rawValue) < ($1.operation, $1.chain.rawValue) }) {
            out.append("gas|\(b.operation)|\(b.chain.rawValue)|\(b.gas)")
        }
        return out
    }

    /// The lines after the prices: each day of a sample, once, with its ETH/USD price as written.
    static func usd(_ inputs: CostInputs) -> [String] {
        guard let prices = inputs.prices else { return [] }
        let days = Set((inputs.l1 + inputs.l2).map { UTCDay.date(ofUnixSeconds: $0.timestamp) }).sorted()
        return days.map { "usd|\($0)|\(prices.prices[$0]?.text ?? "-")" }
    }

    package static func digest(_ inputs: CostInputs) -> String {
        var hasher = SHA256()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16 + 256)
        func flush(_ force: Bool = false) {
            guard force || buffer.count >= 1 << 16 else { return }
            hasher.update(data: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        func add(_ line: String) {
            buffer += line.utf8
            buffer.append(0x0A)
            flush()
        }
        head(inputs).forEach(add)
        // A year of samples is hundreds of thousands of lines: written straight as bytes.
        for s in inputs.l1 + inputs.l2 {
            buffer += "price|".utf8
            buffer += s.chain.rawValue.utf8
            buffer.append(0x7C)
            appendDecimal(UInt64(s.block), to: &buffer)
            buffer.append(0x7C)
            appendDecimal(UInt64(s.timestamp), to: &buffer)
            for fee in [s.baseFee, s.priorityFee] {
                buffer.append(0x7C)
                if fee.bitWidth <= 64 { appendDecimal(UInt64(truncatingIfNeeded: fee), to: &buffer) } else { buffer += String(fee).utf8 }
            }
            buffer.append(0x0A)
            flush()
        }
        usd(inputs).forEach(add)
        flush(true)
        return Hex.encode(Array(hasher.finalize()))
    }

    /// The decimal digits of `n`, made on the stack and appended at once.
    static func appendDecimal(_ n: UInt64, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var m = n, i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                m /= 10
            } while m > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }
}

extension String {
    /// The string with zeros in front, to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
