import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Computes a cost report (docs/costs.md).
public enum CostEngine {
    /// The report of `inputs`; a sample whose day the ETH/USD file lacks is an error naming the
    /// day and the file.
    public static func report(_ inputs: CostInputs) throws -> CostReport {
        var warnings: [String] = []
        let windowText = inputs.window.map { "\($0.from.map(String.init(describing:)) ?? "the start") to \($0.to.map(String.init(describing:)) ?? "the end")" } ?? "all samples"
        for series in [inputs.l1, inputs.l2] where series.count == 0 {
            warnings.append("no \(series.chain.rawValue) gas price samples in the window (\(windowText)): its costs are not computed")
        }
        // Each day's ETH/USD in units of 10^-8 USD (by the series' day indexes), when a file is
        // given; a day it lacks is named with its first sample (L1's, then L2's, in block order).
        func usdUnits(_ series: GasPriceSeries) throws -> [BigUInt]? {
            guard let prices = inputs.prices else { return nil }
            return try series.firstOfDay.map { day, block in
                let date = UTCDay.date(ofDays: day)
                guard let p = prices.prices[date] else {
                    throw LIPError.invalidInput(
                        file: prices.path, location: "", message: "no ETH/USD price for \(date) (block \(block) on \(series.chain.rawValue) is of that day)")
                }
                return p.units
            }
        }
        // A cost is gas × price, and gas is one number per operation and chain: the order of the
        // costs is the order of the prices, so each chain's prices are sorted and summed once and
        // every operation's statistics are its gas times them (exact: floor(gas × sum / n) is the
        // mean of the products rounded down). Likewise usd_i = gas × price_i × units_i / 10^26.
        // The two chains are ranked at once, on two cores (sorting is most of the work left).
        let units = (l1: try usdUnits(inputs.l1), l2: try usdUnits(inputs.l2))
        let prepared = PreparedPair(), series = (l1: inputs.l1, l2: inputs.l2)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            prepared.set(k, k == 0 ? Prepared(series.l1, usd: units.l1) : Prepared(series.l2, usd: units.l2))
        }
        let (l1, l2) = prepared.both
        let centsScale = BigUInt(10).power(24)
        func cost(_ measured: [GasBenchmark], _ chain: Chain) -> CostReport.ChainCost? {
            guard !measured.isEmpty else { return nil }
            let gases = measured.map(\.gas).sorted()
            let gas = gases[(50 * gases.count + 99) / 100 - 1]
            var c = CostReport.ChainCost(
                gas: gas, gasMin: gases[0], gasMax: gases[gases.count - 1], measurements: gases.count,
                l1DataFee: chain == .l1 ? nil : measured.allSatisfy { $0.gasUsedForL1 != nil }, wei: nil, usd: nil, usdExact: nil)
            guard let p = chain == .l1 ? l1 : l2 else { return c }
            c.wei = p.prices.scaled(by: gas, over: 1)
            if let u = p.usd {
                let cents = u.scaled(by: gas, over: centsScale)
                c.usd = CostReport.Statistics(
                    min: hundredths(cents.min), p10: hundredths(cents.p10), p50: hundredths(cents.p50), p90: hundredths(cents.p90), max: hundredths(cents.max),
                    mean: hundredths(cents.mean))
                c.usdExact = u.scaled(by: gas, over: 1)
            }
            return c
        }
        var operations: [CostReport.Operation] = []
        let labels = Array(Set(inputs.benchmarks.map(\.operation))).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let setHasL1 = inputs.benchmarks.contains { $0.chain == .l1 }
        if !setHasL1 {
            warnings.append("the set has no L1 measurements: L1 costs are unknown (an L2 figure is never copied to L1), so there are no savings factors")
        }
        var executionOnly: [String] = []
        var noGas: [Chain: [String]] = [:]
        for label in labels {
            let rows = inputs.benchmarks.filter { $0.operation == label }
            let l1 = cost(rows.filter { $0.chain == .l1 }, .l1)
            let l2 = cost(rows.filter { $0.chain == .l2 }, .l2)
            if l2?.l1DataFee == false { executionOnly.append(label) }
            var savings: String?
            if let a = l1?.wei?.p50, let b = l2?.wei?.p50 {
                if b > 0 {
                    savings = hundredths(a * 100 / b)
                } else {
                    warnings.append("\(label): the median L2 cost is 0, so there is no savings factor")
                }
            } else if l1 == nil {
                if setHasL1 { noGas[.l1, default: []].append(label) }
            } else if l2 == nil {
                noGas[.l2, default: []].append(label)
            } else {
                let missing = l1?.wei == nil ? "L1" : "L2"
                warnings.append("\(label): no \(missing) cost (no \(missing) samples), so there is no savings factor")
            }
            operations.append(CostReport.Operation(operation: label, l1: l1, l2: l2, savings: savings))
        }
        for chain in [Chain.l1, .l2] {
            guard let missing = noGas[chain] else { continue }
            let name = chain.rawValue.uppercased()
            warnings.append("the set has no \(name) gas for \(missing.joined(separator: ", ")): \(name) is unknown there, so there is no savings factor")
        }
        if !executionOnly.isEmpty {
            warnings.append(
                "L2 gas is execution only for \(executionOnly.joined(separator: ", ")) (no gasUsedForL1 in its measurements: a devnet's receipts, or a file without the column): "
                    + "an Arbitrum transaction also pays for posting its data to L1, so these L2 costs and savings flatter L2")
        }
        return CostReport(
            set: inputs.set, window: inputs.window, l1Samples: summary(inputs.l1), l2Samples: summary(inputs.l2), operations: operations, warnings: warnings,
            inputsDigest: inputs.digest.finished(days: Set((inputs.l1.firstOfDay + inputs.l2.firstOfDay).map(\.day)).sorted(), prices: inputs.prices))
    }

    /// A chain's prices in the window, ranked and summed once: of `price_i`, and with ETH/USD of
    /// `price_i × units_i`; an operation's figures are these times its gas.
    struct Prepared {
        let prices: Ranked
        let usd: Ranked?

        init?(_ series: GasPriceSeries, usd units: [BigUInt]?) {
            guard series.count > 0 else { return nil }
            guard let words = series.wordPrices else {
                prices = Ranked(sorting: series.largePrices)
                usd = units.map { u in Ranked(sorting: zip(series.largePrices, series.dayIndexes).map { $0 * u[Int($1)] }) }
                return
            }
            prices = Ranked(sorting: words)
            guard let units else {
                usd = nil
                return
            }
            // A 64-bit price times a 64-bit day's price is exact in 128 bits.
            if units.allSatisfy({ $0.bitWidth <= 64 }) {
                let small = units.map { GasPriceSeries.word($0)! }
                usd = Ranked(
                    sorting: zip(words, series.dayIndexes).map { price, day in
                        let (high, low) = price.multipliedFullWidth(by: small[Int(day)])
                        return UInt128(high) << 64 | UInt128(low)
                    })
            } else {
                usd = Ranked(sorting: zip(words, series.dayIndexes).map { BigUInt($0) * units[Int($1)] })
            }
        }
    }

    /// Each chain's prepared prices, written by two threads under a lock.
    private final class PreparedPair: @unchecked Sendable {
        private let lock = NSLock()
        private var prepared: [Prepared?] = [nil, nil]

        /// Stores chain `k`'s (0 L1, 1 L2).
        func set(_ k: Int, _ value: Prepared?) { lock.withLock { prepared[k] = value } }

        /// Both, once the threads are done.
        var both: (Prepared?, Prepared?) { lock.withLock { (prepared[0], prepared[1]) } }
    }

    /// The nearest-rank figures (`sorted[ceil(q × n / 100) − 1]`) of some values, with their sum.
    struct Ranked {
        let min: BigUInt, p10: BigUInt, p50: BigUInt, p90: BigUInt, max: BigUInt, sum: BigUInt, count: Int

        init(sorting values: consuming [BigUInt]) {
            values.sort()
            let sorted = values, n = sorted.count
            func rank(_ q: Int) -> BigUInt { sorted[(q * n + 99) / 100 - 1] }
            (min, p10, p50, p90, max, count) = (sorted[0], rank(10), rank(50), rank(90), sorted[n - 1], n)
            sum = sorted.reduce(BigUInt(0), +)
        }

        /// The same figures of machine words: sorted as words, summed in words with the carries counted.
        init<Word: FixedWidthInteger & UnsignedInteger>(sorting values: consuming [Word]) {
            values.sort()
            let sorted = values, n = sorted.count
            func rank(_ q: Int) -> BigUInt { BigUInt(sorted[(q * n + 99) / 100 - 1]) }
            (min, p10, p50, p90, max, count) = (BigUInt(sorted[0]), rank(10), rank(50), rank(90), BigUInt(sorted[n - 1]), n)
            var total: Word = 0, carries = 0
            for v in sorted {
                let (next, carried) = total.addingReportingOverflow(v)
                total = next
                if carried { carries += 1 }
            }
            sum = BigUInt(total) + BigUInt(carries) << Word.bitWidth
        }

        /// Each figure times `factor` over `divisor`, rounded down; the mean floor(factor × sum / (n × divisor)).
        func scaled(by factor: BigUInt, over divisor: BigUInt) -> CostReport.Statistics<BigUInt> {
            CostReport.Statistics(
                min: factor * min / divisor, p10: factor * p10 / divisor, p50: factor * p50 / divisor, p90: factor * p90 / divisor, max: factor * max / divisor,
                mean: factor * sum / (BigUInt(count) * divisor))
        }
    }

    /// min, p10, p50, p90 and max by nearest rank and the mean rounded down, of `values` (not empty).
    package static func statistics(_ values: [BigUInt]) -> CostReport.Statistics<BigUInt> { Ranked(sorting: values).scaled(by: 1, over: 1) }

    /// Hundredths as a number with two decimals (cents as dollars, a savings factor): `"12.34"`.
    package static func hundredths(_ n: BigUInt) -> String {
        "\(n / 100).\(String(n % 100).leftPadded(to: 2))"
    }

    private static func summary(_ series: GasPriceSeries) -> CostReport.Samples? {
        guard let first = series.firstBlock, let last = series.lastBlock else { return nil }
        return CostReport.Samples(count: series.count, firstBlock: first, lastBlock: last)
    }
}

extension String {
    /// The string with zeros in front, to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
