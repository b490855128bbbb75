import BigInt
import Foundation
import LIPKit

/// Tallies polls over 10^4, 10^5 and 10^6 positions with 10% of accounts voting, in stake modes
/// l2 and l1+l2 (an L1 snapshot of 5,000 rows, its 10 orchestrators migrated with pools); prints
/// the time and peak memory of `lip poll tally` beside the targets (issue 12).
func benchTally() {
    print(
        "tally benchmark: the `lip poll tally --format json` process, start to exit, its JSON written to a file; 10% of L2 accounts voting (release build; each figure the fastest of 3 runs)"
    )
    print("targets: 10^6 positions < 1 s and < 150 MB; 10^5 < 0.15 s; 10x positions at most 10x time")
    print("mode    positions  seconds  peak MB  target        time vs 10x fewer")
    for mode in ["l2", "l1+l2"] {
        var previous: Double?
        for count in sizes([10_000, 100_000, 1_000_000], smoke: 1_000) {
            let root = scratchDirectory("tally-\(count)")
            defer { try? FileManager.default.removeItem(at: root) }
            let db = root.appendingPathComponent("ledger.sqlite").path
            let poll = "0x" + String(repeating: "90", count: 20)
            let orchestrators = max(10, count / 1000)
            func address(_ n: Int) -> String { String(format: "0x%040x", n) }
            var csv = "account,delegate,stake\n"
            var votes = "voter,choice,block,log_index\n"
            for i in 0..<count {
                let account = address(i + 1)
                csv += "\(account),\(address((i % orchestrators) + 1)),\(UInt64(i) &* 2_654_435_761 % 1_000_000_000_000 + 1)000000\n"
                if i % 10 == 0 { votes += "\(account),\(i % 20 == 0 ? 0 : 1),\(100 + i / 100),\(i % 100)\n" }
            }
            // The migration window: 10 L1 orchestrators with 499 delegators each, migrated with pools on L2.
            var l1 = "account,delegate,stake\n", migrations = "kind,l1_account,l2_account,l2_block,pool\n"
            if mode == "l1+l2" {
                for o in 0..<10 {
                    let orchestrator = address(0xA000_0000 + o), pool = address(0xB000_0000 + o)
                    l1 += "\(orchestrator),\(orchestrator),5000000000000000000000\n"
                    for d in 0..<499 {
                        let delegator = address(0xC000_0000 + o * 1000 + d)
                        l1 += "\(delegator),\(orchestrator),\(d + 1)000000000000000000\n"
                        if d % 10 == 0 { votes += "\(delegator),1,\(100 + d),\(o)\n" }
                    }
                    csv += "\(pool),,\(499 * 250)000000000000000000\n"
                    migrations += "orchestrator,\(orchestrator),\(address(o + 1)),10,\(pool)\n"
                }
            }
            try! Data(csv.utf8).write(to: root.appendingPathComponent("s.csv"))
            try! Data(votes.utf8).write(to: root.appendingPathComponent("v.csv"))
            try! Data(l1.utf8).write(to: root.appendingPathComponent("l1.csv"))
            try! Data(migrations.utf8).write(to: root.appendingPathComponent("m.csv"))
            let cid = Array("QmBenchmark".utf8)
            var data = ABI.encode(uint: 128) + ABI.encode(uint: 2000) + ABI.encode(uint: 333_300) + ABI.encode(uint: 500_000)
            data += ABI.encode(uint: BigUInt(cid.count)) + cid + [UInt8](repeating: 0, count: 32 - cid.count)
            let log =
                "[{\"address\":\"0x\(String(repeating: "c0", count: 20))\",\"topics\":[\"\(LedgerEvent.pollCreated.topic0)\",\"0x\(String(repeating: "0", count: 24))\(String(repeating: "90", count: 20))\"],\"data\":\"\(Hex.prefixed(data))\",\"blockNumber\":\"0x10\",\"logIndex\":\"0x0\",\"transactionHash\":\"0x\(String(repeating: "ab", count: 32))\"}]"
            try! Data(log.utf8).write(to: root.appendingPathComponent("poll.json"))
            var imports = [
                ["snapshot", "s.csv", "--chain", "l2", "--block", "1000", "--l1-block", "2000"], ["logs", "poll.json", "--chain", "l2"], ["votes", "v.csv", "--poll", poll],
            ]
            if mode == "l1+l2" { imports += [["snapshot", "l1.csv", "--chain", "l1", "--block", "900"], ["migrations", "m.csv"]] }
            for args in imports {
                let m = measure(
                    lipExecutable, ["ledger", "import"] + args.map { $0.hasSuffix(".csv") || $0.hasSuffix(".json") ? root.appendingPathComponent($0).path : $0 } + ["--db", db])
                precondition(m.exitCode == 0, "import \(args[0]) failed")
            }
            // The process as a user runs it, start to exit, its JSON written to a file.
            let output = root.appendingPathComponent("tally.json").path
            let m = fastest(of: runsPerFigure) { measure(lipExecutable, ["poll", "tally", poll, "--db", db, "--stake", mode, "--format", "json"], output: output) }
            precondition(m.exitCode == 0, "tally failed")
            let target = count == 1_000_000 ? "< 1 s, 150 MB" : (count == 100_000 ? "< 0.15 s" : "")
            var line =
                mode.padding(toLength: 8, withPad: " ", startingAt: 0) + String(count).padding(toLength: 11, withPad: " ", startingAt: 0)
                + format(m.seconds, 3).padding(toLength: 9, withPad: " ", startingAt: 0) + format(m.peakMemoryMB, 1).padding(toLength: 9, withPad: " ", startingAt: 0)
                + target.padding(toLength: 14, withPad: " ", startingAt: 0)
            if let previous { line += "x\(format(m.seconds / previous, 1))" }
            print(line)
            previous = m.seconds
            if count == 1_000_000 && mode == "l2" {
                let status = fastest(of: runsPerFigure) { measure(lipExecutable, ["ledger", "status", "--db", db]) }
                print("ledger status on this ledger: \(format(status.seconds, 3)) s (target < 0.2 s)")
            }
        }
    }
}
