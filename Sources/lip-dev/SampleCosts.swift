import Foundation
import LIPKit

/// Writes the cost sample that `Costs/sample/` ships: `l2-gas.csv`, the gas a devnet rehearsal
/// recorded on Livepeer's own contracts (`Scripts/devnet-rehearse.sh`'s gas.csv, as it is: every
/// measurement with its transaction; execution only, without Arbitrum's L1 data fee), 30 days of
/// generated gas prices on each chain (L1 every hour around 30 gwei with a daily wave and a
/// priority fee; L2 every hour around 0.01-0.1 gwei without one), and ETH/USD for those days.
/// Deterministic: the same bytes on every machine. `l1-gas.csv` is not written here: it holds only
/// L1 figures measured on Ethereum, each with its source (docs/costs.md), never an L2 figure copied.
func writeCostSample(gas source: URL, to dir: URL) throws {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Data(contentsOf: source).write(to: dir.appendingPathComponent("l2-gas.csv"))
    var rng = SplitMix64(state: 2026)
    let start = 1_793_491_200  // 2026-11-01 00:00:00 UTC
    var l1Prices = "block,timestamp,base_fee_wei,priority_fee_wei\n", l2Prices = l1Prices
    for hour in 0..<(30 * 24) {
        let wave = [0, 1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1][hour % 24 / 2]
        let l1Base = UInt64(18 + wave * 3) * 1_000_000_000 + rng.next() % 9_000_000_000
        let l1Tip = 1_000_000_000 + rng.next() % 1_000_000_000
        l1Prices += "\(23_100_000 + hour * 300),\(start + hour * 3_600 + 11),\(l1Base),\(l1Tip)\n"
        let l2Base = 10_000_000 + UInt64(wave) * 5_000_000 + rng.next() % 20_000_000
        l2Prices += "\(280_000_000 + hour * 14_400),\(start + hour * 3_600 + 3),\(l2Base),0\n"
    }
    try Data(l1Prices.utf8).write(to: dir.appendingPathComponent("l1-prices.csv"))
    try Data(l2Prices.utf8).write(to: dir.appendingPathComponent("l2-prices.csv"))
    var usd = "date,usd\n"
    var cents = 300_000
    for day in 0..<30 {
        cents += Int(rng.next() % 20_001) - 10_000
        usd += "2026-11-\(String(format: "%02d", day + 1)),\(cents / 100).\(String(format: "%02d", cents % 100))\n"
    }
    try Data(usd.utf8).write(to: dir.appendingPathComponent("eth-usd.csv"))
}
