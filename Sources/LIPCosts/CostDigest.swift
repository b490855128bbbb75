import BigInt
import Crypto
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// The inputs digest of a cost report: SHA-256 over these lines, each ending in `\n`:
///
///     lip-costs-inputs v2
///     set|<name>
///     window|<from or ->|<to or ->
///     gas|<operation>|<chain>|<gas>|<tx or ->|<gasUsedForL1 or ->   every measurement of the set, by
///                                                         operation, chain, gas (as numbers), then tx
///     price|<chain>|<block>|<timestamp>|<base>|<priority>   every sample in the window, by chain then block
///     usd|<date>|<price as written in the file>              with an ETH/USD file: each day of a sample, once, by date
///
/// Hashed as the samples are read (`add`), so that they need not be kept; `lines` gives the same
/// lines as text, for tests and readers.
package struct CostDigest {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []

    /// A digest that has hashed the lines before the prices.
    init(set: String, window: CostReport.Window?, benchmarks: [GasBenchmark]) {
        buffer.reserveCapacity(1 << 16 + 256)
        for line in Self.head(set: set, window: window, benchmarks: benchmarks) { add(line: line) }
    }

    /// Hashes the price line of `sample`, the next in the window (L1's by block, then L2's).
    mutating func add(_ sample: GasPriceSample) {
        // A year of samples is hundreds of thousands of lines: written straight as bytes.
        buffer += "price|".utf8
        buffer += sample.chain.rawValue.utf8
        buffer.append(0x7C)
        appendInteger(Int64(sample.block))
        buffer.append(0x7C)
        appendInteger(sample.timestamp)
        buffer.append(0x7C)
        Amount.appendDecimal(sample.baseFee, to: &buffer)
        buffer.append(0x7C)
        Amount.appendDecimal(sample.priorityFee, to: &buffer)
        buffer.append(0x0A)
        flush()
    }

    /// `n` as `"\(n)"` writes it (a ledger edited outside lip may hold a negative block or time).
    private mutating func appendInteger(_ n: Int64) {
        if n < 0 { buffer.append(0x2D) }
        Amount.appendDecimal(n.magnitude, to: &buffer)
    }

    /// The digest, hex, after the usd lines of `days` (days from 1970-01-01, each once, ascending)
    /// when `prices` are given.
    func finished(days: [Int64], prices: ETHPrices?) -> String {
        var digest = self
        if let prices {
            for day in days {
                let date = UTCDay.date(ofDays: day)
                digest.add(line: "usd|\(date)|\(prices.prices[date]?.text ?? "-")")
            }
        }
        digest.flush(force: true)
        return Hex.encode(Array(digest.hasher.finalize()))
    }

    /// Every line, in order, of inputs with these samples.
    package static func lines(
        set: String, window: CostReport.Window?, benchmarks: [GasBenchmark], l1: [GasPriceSample], l2: [GasPriceSample], prices: ETHPrices?
    ) -> [String] {
        var out = head(set: set, window: window, benchmarks: benchmarks)
        out += (l1 + l2).map { "price|\($0.chain.rawValue)|\($0.block)|\($0.timestamp)|\($0.baseFee)|\($0.priorityFee)" }
        if let prices {
            let days = Set((l1 + l2).map { UTCDay.date(ofUnixSeconds: $0.timestamp) }).sorted()
            out += days.map { "usd|\($0)|\(prices.prices[$0]?.text ?? "-")" }
        }
        return out
    }

    /// The lines before the prices.
    private static func head(set: String, window: CostReport.Window?, benchmarks: [GasBenchmark]) -> [String] {
        var out = ["lip-costs-inputs v2", "set|\(set)"]
        out.append("window|\(window?.from.map(String.init(describing:)) ?? "-")|\(window?.to.map(String.init(describing:)) ?? "-")")
        for b in benchmarks.sorted(by: GasBenchmark.inOrder) {
            out.append("gas|\(b.operation)|\(b.chain.rawValue)|\(b.gas)|\(b.tx ?? "-")|\(b.gasUsedForL1.map(String.init) ?? "-")")
        }
        return out
    }

    private mutating func add(line: String) {
        buffer += line.utf8
        buffer.append(0x0A)
        flush()
    }

    private mutating func flush(force: Bool = false) {
        guard force || buffer.count >= 1 << 16 else { return }
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
