import Foundation
import LIPKit

/// `lip costs` over 300,000 gas price samples on each chain (a year of L2 at one sample every
/// ~100 s) and 50 operations, and over 30,000 (ten times fewer): the `lip costs --format json`
/// process, start to exit, its JSON written to a file (issue 23: under a second, memory flat).
func benchCosts() {
    print("cost report benchmark: the `lip costs --format json` process, start to exit (release build; each figure the fastest of 3 runs)")
    print("target: 300,000 samples per chain and 50 operations in under a second; memory flat")
    print("samples/chain  operations  ETH/USD  seconds  peak MB")
    for count in sizes([30_000, 300_000], smoke: 3_000) {
        let root = scratchDirectory("costs-\(count)")
        defer { try? FileManager.default.removeItem(at: root) }
        let db = root.appendingPathComponent("ledger.sqlite").path
        var gas = "operation,chain,gas\n"
        for i in 0..<50 { gas += "operation-\(i),l1,\(50_000 + i * 13_337)\noperation-\(i),l2,\(400_000 + i * 7_919)\n" }
        var rng = SplitMix64(state: 23)
        var l1 = "block,timestamp,base_fee_wei,priority_fee_wei\n", l2 = l1
        for i in 0..<count {
            l1 += "\(15_000_000 + i * 8),\(1_700_000_000 + i * 105),\(10_000_000_000 + rng.next() % 40_000_000_000),\(rng.next() % 2_000_000_000)\n"
            l2 += "\(150_000_000 + i * 400),\(1_700_000_000 + i * 105 + 7),\(10_000_000 + rng.next() % 90_000_000),0\n"
        }
        // ETH/USD for every day of a sample (a day past the last sample's too).
        var usd = "date,usd\n"
        let first = CalendarDate("2023-11-14")!  // the day of Unix second 1,700,000,000
        for day in 0...(count * 105 + 7) / 86_400 + 2 {
            usd += "\(first.adding(days: day)),\(1_500 + rng.next() % 3_000).\(rng.next() % 100_000_000)\n"
        }
        try! Data(usd.utf8).write(to: root.appendingPathComponent("eth-usd.csv"))
        try! Data(gas.utf8).write(to: root.appendingPathComponent("gas.csv"))
        try! Data(l1.utf8).write(to: root.appendingPathComponent("l1.csv"))
        try! Data(l2.utf8).write(to: root.appendingPathComponent("l2.csv"))
        for args in [["gas", "gas.csv", "--set", "bench"], ["gas-prices", "l1.csv", "--chain", "l1"], ["gas-prices", "l2.csv", "--chain", "l2"]] {
            let m = measure(lipExecutable, ["ledger", "import", args[0], root.appendingPathComponent(args[1]).path] + args.dropFirst(2) + ["--db", db])
            precondition(m.exitCode == 0, "import \(args[0]) failed")
        }
        let output = root.appendingPathComponent("costs.json").path
        for withUSD in [false, true] {
            let arguments = ["costs", "--db", db, "--format", "json"] + (withUSD ? ["--eth-usd", root.appendingPathComponent("eth-usd.csv").path] : [])
            let m = fastest(of: runsPerFigure) { measure(lipExecutable, arguments, output: output) }
            precondition(m.exitCode == 0, "lip costs failed")
            print(
                String(count).padding(toLength: 15, withPad: " ", startingAt: 0) + "50".padding(toLength: 12, withPad: " ", startingAt: 0)
                    + (withUSD ? "yes" : "no").padding(toLength: 9, withPad: " ", startingAt: 0) + format(m.seconds, 3).padding(toLength: 9, withPad: " ", startingAt: 0)
                    + format(m.peakMemoryMB, 1))
        }
    }
}
