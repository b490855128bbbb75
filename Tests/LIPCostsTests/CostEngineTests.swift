import LIPEthereum
import BigInt
import Foundation
import LIPCore
import LIPLedger
import XCTest
import Crypto

@testable import LIPCosts

/// The cost computation against hand-computed figures (docs/costs.md).
final class CostEngineTests: XCTestCase {
    func stats(_ values: [Int]) -> [BigUInt] {
        let s = CostEngine.statistics(values.map { BigUInt($0) })
        return [s.min, s.p10, s.p50, s.p90, s.max, s.mean]
    }

    func testPercentilesByNearestRank() {
        // n = 1: every rank is the one value.
        XCTAssertEqual(stats([7]), [7, 7, 7, 7, 7, 7])
        // n = 2: p10 = sorted[ceil(0.2) - 1] = sorted[0], p50 = sorted[ceil(1) - 1] = sorted[0], p90 = sorted[ceil(1.8) - 1] = sorted[1]; mean 5.5 → 5.
        XCTAssertEqual(stats([6, 5]), [5, 5, 5, 6, 6, 5])
        // n = 10 (1…10 shuffled): p10 = sorted[0] = 1, p50 = sorted[4] = 5, p90 = sorted[8] = 9; mean 5.5 → 5.
        XCTAssertEqual(stats([10, 3, 7, 1, 9, 2, 8, 4, 6, 5]), [1, 1, 5, 9, 10, 5])
        // n = 11 (1…11): p10 = sorted[ceil(1.1) - 1] = sorted[1] = 2, p50 = sorted[ceil(5.5) - 1] = sorted[5] = 6, p90 = sorted[ceil(9.9) - 1] = sorted[9] = 10; mean 6.
        XCTAssertEqual(stats(Array((1...11).reversed())), [1, 2, 6, 10, 11, 6])
        // Ties.
        XCTAssertEqual(stats([4, 4, 4, 9]), [4, 4, 4, 9, 9, 5])
    }

    /// The figures of machine words (sorted and summed as words, carries counted) are those of
    /// the same values as numbers of any size, sums past a word included.
    func testFiguresOfMachineWordsAreThoseOfTheNumbers() {
        func same(_ a: CostReport.Statistics<BigUInt>, _ b: CostReport.Statistics<BigUInt>, _ label: String) {
            XCTAssertEqual([a.min, a.p10, a.p50, a.p90, a.max, a.mean], [b.min, b.p10, b.p50, b.p90, b.max, b.mean], label)
        }
        var state: UInt64 = 21
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for n in [1, 2, 3, 10, 11, 257] {
            // Near the top of a word, so that the sums carry many times.
            let words = (0..<n).map { _ in UInt64.max - next() % 1_000 }
            let wide = (0..<n).map { _ in UInt128(next()) << 64 | UInt128(next()) }
            let sum = words.reduce(BigUInt(0)) { $0 + BigUInt($1) }
            XCTAssertEqual(CostEngine.Ranked(sorting: words).sum, sum, "n = \(n)")
            XCTAssertTrue(n == 1 || sum.bitWidth > 64, "n = \(n)")
            same(CostEngine.Ranked(sorting: words).scaled(by: 3, over: 2), CostEngine.Ranked(sorting: words.map { BigUInt($0) }).scaled(by: 3, over: 2), "words, n = \(n)")
            same(CostEngine.Ranked(sorting: wide).scaled(by: 1, over: 1), CostEngine.Ranked(sorting: wide.map { BigUInt($0) }).scaled(by: 1, over: 1), "128 bits, n = \(n)")
        }
    }

    /// A price past a machine word puts a chain's figures on numbers of any size: the report is the
    /// one of the same prices scaled down, scaled up.
    func testAPricePastAWordGivesTheSameFigures() throws {
        let benchmarks = [GasBenchmark(operation: "bond", chain: .l1, gas: 3), GasBenchmark(operation: "bond", chain: .l2, gas: 5)]
        let prices = ETHPrices(path: "p", prices: [UTCDay.date(ofUnixSeconds: day): .init(text: "2000", units: BigUInt(200_000_000_000))])
        let scale = BigUInt(1) << 64
        func report(_ factor: BigUInt) throws -> CostReport {
            let l2 = (0..<5).map { GasPriceSample(chain: .l2, block: $0, timestamp: day + Int64($0), baseFee: BigUInt(10 + $0 * 7 % 5) * factor, priorityFee: factor) }
            return try CostEngine.report(CostInputs(set: "s", benchmarks: benchmarks, window: nil, l1: [sample(.l1, 1, day, base: 9)], l2: l2, prices: prices))
        }
        let small = try report(1), large = try report(scale)
        let a = try XCTUnwrap(small.operations.first?.l2?.wei), b = try XCTUnwrap(large.operations.first?.l2?.wei)
        XCTAssertEqual([a.min, a.p10, a.p50, a.p90, a.max, a.mean].map { $0 * scale }, [b.min, b.p10, b.p50, b.p90, b.max, b.mean])
        // Prices 11…15 × 2^64 (tip included): p50 is 13 × 2^64, × 5 gas = 1,199.038364791120855040 ETH, × $2,000.
        XCTAssertEqual(b.p50, BigUInt("1199038364791120855040"))
        XCTAssertEqual(large.operations.first?.l2?.usd?.p50, "2398076.72")
    }

    let day = Int64(1_700_000_000 / 86_400) * 86_400  // 2023-11-14 00:00:00 UTC

    func sample(_ chain: Chain, _ block: Int, _ time: Int64, base: Int, tip: Int = 0) -> GasPriceSample {
        GasPriceSample(chain: chain, block: block, timestamp: time, baseFee: BigUInt(base), priorityFee: BigUInt(tip))
    }

    func testCostsSavingsAndDollarsAreExact() throws {
        let benchmarks = [
            GasBenchmark(operation: "reward", chain: .l1, gas: 300_000), GasBenchmark(operation: "reward", chain: .l2, gas: 600_000),
            GasBenchmark(operation: "bond", chain: .l2, gas: 467_249),
        ]
        let l1 = [sample(.l1, 100, day + 10, base: 30_000_000_000, tip: 1_000_000_000), sample(.l1, 101, day + 20, base: 20_000_000_000)]
        let l2 = [sample(.l2, 5, day + 30, base: 100_000_000), sample(.l2, 6, day + 40, base: 10_000_000)]
        // ETH at 2,000.12345678 dollars that day.
        let prices = ETHPrices(path: "eth.csv", prices: [UTCDay.date(ofUnixSeconds: day): .init(text: "2000.12345678", units: BigUInt(200_012_345_678))])
        let report = try CostEngine.report(CostInputs(set: "s", benchmarks: benchmarks, window: nil, l1: l1, l2: l2, prices: prices))
        XCTAssertEqual(report.operations.map(\.operation), ["bond", "reward"])
        let reward = report.operations[1]
        // L1: 300,000 × 31 gwei = 9.3e15 wei; 300,000 × 20 gwei = 6e15. p50 of 2 = the smaller; mean 7.65e15.
        XCTAssertEqual(reward.l1?.wei?.min, BigUInt(6_000_000_000_000_000))
        XCTAssertEqual(reward.l1?.wei?.p50, BigUInt(6_000_000_000_000_000))
        XCTAssertEqual(reward.l1?.wei?.max, BigUInt(9_300_000_000_000_000))
        XCTAssertEqual(reward.l1?.wei?.mean, BigUInt(7_650_000_000_000_000))
        // L2: 600,000 × 0.1 gwei = 6e13, × 0.01 gwei = 6e12; p50 = 6e12. Savings 6e15 / 6e12 = 1000.00.
        XCTAssertEqual(reward.l2?.wei?.p50, BigUInt(6_000_000_000_000))
        XCTAssertEqual(reward.savings, "1000.00")
        // Dollars: 0.006 ETH × 2,000.12345678 = 12.00074074068 → "12.00"; 0.0093 ETH → 18.601148148054 → "18.60".
        XCTAssertEqual(reward.l1?.usd?.p50, "12.00")
        XCTAssertEqual(reward.l1?.usd?.max, "18.60")
        // Mean of the exact dollars: (12.00074074068 + 18.601148148054) / 2 = 15.300944444367 → "15.30".
        XCTAssertEqual(reward.l1?.usd?.mean, "15.30")
        // 6e12 wei × 2,000.12345678 = 0.012000740740680 dollars → "0.01".
        XCTAssertEqual(reward.l2?.usd?.min, "0.01")
        // An operation on one chain only: the other is null, and no savings (a warning says why).
        XCTAssertNil(report.operations[0].l1)
        XCTAssertNil(report.operations[0].savings)
        XCTAssertTrue(report.warnings.contains("the set has no L1 gas for bond: L1 is unknown there, so there is no savings factor"), "\(report.warnings)")
        // People read dollars below a cent with three significant digits, never as "0.00".
        XCTAssertEqual(reward.l2?.usdExact.map { $0.min }, BigUInt("1200074074068000000000000"))
    }

    func testAZeroL2MedianAndAMissingChainAreWarnedNotDividedBy() throws {
        let benchmarks = [GasBenchmark(operation: "vote", chain: .l1, gas: 50_000), GasBenchmark(operation: "vote", chain: .l2, gas: 90_000)]
        let zero = try CostEngine.report(
            CostInputs(set: "s", benchmarks: benchmarks, window: nil, l1: [sample(.l1, 1, day, base: 5)], l2: [sample(.l2, 1, day, base: 0)], prices: nil))
        XCTAssertNil(zero.operations[0].savings)
        XCTAssertTrue(zero.warnings.contains("vote: the median L2 cost is 0, so there is no savings factor"), "\(zero.warnings)")
        let missing = try CostEngine.report(CostInputs(set: "s", benchmarks: benchmarks, window: nil, l1: [sample(.l1, 1, day, base: 5)], l2: [], prices: nil))
        XCTAssertNil(missing.l2Samples)
        XCTAssertNil(missing.operations[0].l2?.wei)
        XCTAssertTrue(missing.warnings.first?.hasPrefix("no l2 gas price samples in the window (all samples)") == true, "\(missing.warnings)")
    }

    func testADayTheETHFileLacksIsAnErrorNamingItAndTheFile() {
        let prices = ETHPrices(path: "eth.csv", prices: [:])
        XCTAssertThrowsError(
            try CostEngine.report(
                CostInputs(
                    set: "s", benchmarks: [GasBenchmark(operation: "vote", chain: .l1, gas: 1)], window: nil, l1: [sample(.l1, 7, day + 86_399, base: 1)], l2: [],
                    prices: prices))
        ) { error in
            XCTAssertEqual((error as? LIPError)?.description, "eth.csv: no ETH/USD price for 2023-11-14 (block 7 on l1 is of that day)")
        }
    }

    func testUTCDaysAndTheirEdges() {
        XCTAssertEqual(UTCDay.date(ofUnixSeconds: 0).description, "1970-01-01")
        XCTAssertEqual(UTCDay.date(ofUnixSeconds: 86_399).description, "1970-01-01")
        XCTAssertEqual(UTCDay.date(ofUnixSeconds: 86_400).description, "1970-01-02")
        XCTAssertEqual(UTCDay.date(ofUnixSeconds: 951_782_400).description, "2000-02-29")
        XCTAssertEqual(UTCDay.start(of: CalendarDate("2000-03-01")!), 951_868_800)
        XCTAssertEqual(UTCDay.start(of: CalendarDate("2024-01-01")!), 1_704_067_200)
        for seconds in stride(from: Int64(0), to: 4_102_444_800, by: 86_400 * 37 + 3_601) {
            let d = UTCDay.date(ofUnixSeconds: seconds)
            XCTAssertTrue(UTCDay.start(of: d) <= seconds && seconds < UTCDay.start(of: d.adding(days: 1)), "\(seconds)")
        }
    }

    func testTheDigestsLines() throws {
        let txA = "0x" + String(repeating: "0a", count: 32), txB = "0x" + String(repeating: "0b", count: 32)
        // vote's measurements by gas as numbers (9 before 10), not as text.
        let benchmarks = [
            GasBenchmark(operation: "vote", chain: .l2, gas: 10, tx: txA, gasUsedForL1: 4), GasBenchmark(operation: "bond", chain: .l1, gas: 8),
            GasBenchmark(operation: "vote", chain: .l2, gas: 9, tx: txB),
        ]
        let window = CostReport.Window(from: CalendarDate("2023-11-14"), to: nil)
        let prices = ETHPrices(path: "p", prices: [CalendarDate("2023-11-14")!: .init(text: "2000.5", units: BigUInt(200_050_000_000))])
        var l1 = [sample(.l1, 3, day, base: 2, tip: 1)], l2 = [sample(.l2, 4, day + 5, base: 6)]
        func lines() -> [String] { CostDigest.lines(set: "s", window: window, benchmarks: benchmarks, l1: l1, l2: l2, prices: prices) }
        func digest() throws -> String {
            try CostEngine.report(CostInputs(set: "s", benchmarks: benchmarks, window: window, l1: l1, l2: l2, prices: prices)).inputsDigest
        }
        XCTAssertEqual(
            lines(),
            [
                "lip-costs-inputs v2", "set|s", "window|2023-11-14|-", "gas|bond|l1|8|-|-", "gas|vote|l2|9|\(txB)|-", "gas|vote|l2|10|\(txA)|4",
                "price|l1|3|\(day)|2|1", "price|l2|4|\(day + 5)|6|0", "usd|2023-11-14|2000.5",
            ])
        // The report's digest is SHA-256 of exactly those lines (hashed as bytes while the samples
        // are read, the lines written as text), and a fee beyond a machine word is written whole.
        XCTAssertEqual(try digest(), sha256Hex(lines().map { $0 + "\n" }.joined()))
        l2[0].baseFee = BigUInt(1) << 70
        XCTAssertEqual(try digest(), sha256Hex(lines().map { $0 + "\n" }.joined()))
        XCTAssertTrue(lines().contains("price|l2|4|\(day + 5)|1180591620717411303424|0"))
        // Samples over several days, out of day order, on both chains: each day once, by date.
        l1 = [sample(.l1, 5, day + 86_400 * 2, base: 7), sample(.l1, 6, day, base: 8), sample(.l1, 7, day + 86_400 * 2 + 9, base: 9)]
        l2 = [sample(.l2, 8, day + 86_400, base: 1), sample(.l2, 9, day, base: 1)]
        let all = ETHPrices(
            path: "p",
            prices: Dictionary(
                uniqueKeysWithValues: (0..<3).map { (UTCDay.date(ofUnixSeconds: day + 86_400 * $0), ETHPrices.Price(text: "\($0 + 1)", units: BigUInt($0 + 1) * 100_000_000)) }))
        let report = try CostEngine.report(CostInputs(set: "s", benchmarks: benchmarks, window: window, l1: l1, l2: l2, prices: all))
        let expected = CostDigest.lines(set: "s", window: window, benchmarks: benchmarks, l1: l1, l2: l2, prices: all)
        XCTAssertEqual(expected.suffix(3), ["usd|2023-11-14|1", "usd|2023-11-15|2", "usd|2023-11-16|3"])
        XCTAssertEqual(report.inputsDigest, sha256Hex(expected.map { $0 + "\n" }.joined()))
    }

    func testETHPricesAreReadExactlyAndBadCellsNamed() throws {
        XCTAssertEqual(ETHPrices.units("2000.12345678"), BigUInt(200_012_345_678))
        XCTAssertEqual(ETHPrices.units("3"), BigUInt(300_000_000))
        for bad in ["", "-1", "1.", ".5", "1.123456789", "1e3", "12,5", "0x10"] { XCTAssertNil(ETHPrices.units(bad), bad) }
    }

    func sha256Hex(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined() }

    /// An operation measured several times costs its median gas (nearest rank), with its least and
    /// most gas and the count beside it; its L2 gas includes the L1 data fee only when every
    /// measurement carries gasUsedForL1; a set without L1 rows says L1 is unknown.
    func testSeveralMeasurementsTheMedianAndTheL1DataFee() throws {
        let tx = { (b: String) in "0x" + String(repeating: b, count: 32) }
        let benchmarks = [
            GasBenchmark(operation: "unbond", chain: .l2, gas: 650_200, tx: tx("01")), GasBenchmark(operation: "unbond", chain: .l2, gas: 309_228, tx: tx("02")),
            GasBenchmark(operation: "unbond", chain: .l2, gas: 400_000, tx: tx("03")), GasBenchmark(operation: "unbond", chain: .l2, gas: 500_000, tx: tx("04")),
            GasBenchmark(operation: "vote", chain: .l2, gas: 30_000, tx: tx("05"), gasUsedForL1: 5_000),
        ]
        let report = try CostEngine.report(
            CostInputs(set: "s", benchmarks: benchmarks, window: nil, l1: [], l2: [sample(.l2, 1, day, base: 10)], prices: nil))
        let unbond = try XCTUnwrap(report.operations.first { $0.operation == "unbond" }?.l2)
        // Four measurements: the median by nearest rank is the 2nd smallest (ceil(50 × 4 / 100) = 2).
        XCTAssertEqual(unbond.gas, 400_000)
        XCTAssertEqual(unbond.gasMin, 309_228)
        XCTAssertEqual(unbond.gasMax, 650_200)
        XCTAssertEqual(unbond.measurements, 4)
        XCTAssertEqual(unbond.l1DataFee, false)
        XCTAssertEqual(unbond.wei?.p50, 4_000_000)
        XCTAssertEqual(report.operations.first { $0.operation == "vote" }?.l2?.l1DataFee, true)
        XCTAssertNil(report.operations.first { $0.operation == "vote" }?.savings)
        XCTAssertEqual(
            report.warnings,
            [
                "no l1 gas price samples in the window (all samples): its costs are not computed",
                "the set has no L1 measurements: L1 costs are unknown (an L2 figure is never copied to L1), so there are no savings factors",
                "L2 gas is execution only for unbond (no gasUsedForL1 in its measurements: a devnet's receipts, or a file without the column): an Arbitrum transaction also pays for posting its data to L1, so these L2 costs and savings flatter L2",
            ])
    }
}
