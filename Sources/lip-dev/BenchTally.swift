import BigInt
import Foundation
import LIPKit

/// Tallies polls over 10^4, 10^5 and 10^6 positions with 10% of accounts voting; prints the time
/// and peak memory of `lip poll tally` for each (target: 10^6 in under 5 s, growth at most linear).
func benchTally() {
    print("tally benchmark: `lip poll tally` in stake mode l1, 10% of accounts voting (target: 10^6 positions < 5 s, 10x positions <= 12x time)")
    print("positions  seconds  peak MB")
    var previous: Double?
    for count in [10_000, 100_000, 1_000_000] {
        let root = scratchDirectory("tally-\(count)")
        defer { try? FileManager.default.removeItem(at: root) }
        let db = root.appendingPathComponent("ledger.sqlite").path
        let poll = "0x" + String(repeating: "90", count: 20)
        var csv = "account,delegate,stake\n"
        var votes = "voter,choice,block,log_index\n"
        let orchestrators = max(10, count / 1000)
        for i in 0..<count {
            let account = String(format: "0x%040x", i + 1)
            let delegate = String(format: "0x%040x", (i % orchestrators) + 1)
            csv += "\(account),\(delegate),\(UInt64(i) &* 2_654_435_761 % 1_000_000_000_000 + 1)000000\n"
            if i % 10 == 0 { votes += "\(account),\(i % 20 == 0 ? 0 : 1),\(100 + i / 100),\(i % 100)\n" }
        }
        try! Data(csv.utf8).write(to: root.appendingPathComponent("s.csv"))
        try! Data(votes.utf8).write(to: root.appendingPathComponent("v.csv"))
        let cid = Array("QmBenchmark".utf8)
        var data = ABI.encode(uint: 128) + ABI.encode(uint: 2000) + ABI.encode(uint: 333_300) + ABI.encode(uint: 500_000)
        data += ABI.encode(uint: BigUInt(cid.count)) + cid + [UInt8](repeating: 0, count: 32 - cid.count)
        let log =
            "[{\"address\":\"0x\(String(repeating: "c0", count: 20))\",\"topics\":[\"\(LedgerEvent.pollCreated.topic0)\",\"0x\(String(repeating: "0", count: 24))\(String(repeating: "90", count: 20))\"],\"data\":\"\(Hex.prefixed(data))\",\"blockNumber\":\"0x10\",\"logIndex\":\"0x0\",\"transactionHash\":\"0x\(String(repeating: "ab", count: 32))\"}]"
        try! Data(log.utf8).write(to: root.appendingPathComponent("poll.json"))
        for args in [["snapshot", "s.csv", "--chain", "l1", "--block", "1000"], ["logs", "poll.json", "--chain", "l1"], ["votes", "v.csv", "--poll", poll]] {
            let m = measure(
                lipExecutable, ["ledger", "import"] + args.map { $0.hasSuffix(".csv") || $0.hasSuffix(".json") ? root.appendingPathComponent($0).path : $0 } + ["--db", db])
            precondition(m.exitCode == 0, "import \(args[0]) failed")
        }
        let m = measure(lipExecutable, ["poll", "tally", poll, "--db", db, "--stake", "l1", "--format", "json"])
        precondition(m.exitCode == 0, "tally failed")
        var line =
            String(count).padding(toLength: 11, withPad: " ", startingAt: 0) + format(m.seconds, 3).padding(toLength: 9, withPad: " ", startingAt: 0) + format(m.peakMemoryMB, 1)
        if let previous { line += "   (x\(format(m.seconds / previous, 1)) the time of 10x fewer)" }
        print(line)
        previous = m.seconds
    }
}
