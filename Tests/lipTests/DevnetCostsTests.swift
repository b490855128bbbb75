import Foundation
import LIPTestSupport
import XCTest

/// `lip ledger sync gas` and `lip ledger sync gas-prices` against the devnet: receipts of
/// Livepeer's own contracts and the chain's fee history give the same report as the CSV path.
final class DevnetCostsTests: XCTestCase {
    func testTheNodePathGivesTheReportOfTheCSVPath() throws {
        let devnet = try Devnet(pollPeriod: 30)
        let dir = try temporaryDirectory(self)
        // A network entry that names only its chain id is enough for these syncs.
        try write("devnet:\n  l2:\n    chain-id: \(devnet.info.chainId)\n", "networks.yaml", in: dir)
        let a = try devnet.accounts(6)
        try devnet.orchestrator(a[1], lpt: "1000")
        try devnet.rpc("devnet_bond", [a[2], a[1], "300000000000000000000"])
        try devnet.nextRound()
        try devnet.rpc("devnet_reward", [a[1]])
        let poll = try devnet.createPoll(by: a[1], "QmCosts")
        try devnet.rpc("devnet_vote", [a[2], poll, 1])
        // The first measurement of each operation, as the CSV path and as OPERATION=TXHASH.
        var seen = Set<String>(), csv = "operation,chain,gas,tx\n", pairs: [String] = []
        for row in try XCTUnwrap(try devnet.rpc("devnet_gas") as? [[String: Any]]) {
            let op = try XCTUnwrap(row["operation"] as? String), tx = try XCTUnwrap(row["tx"] as? String), gas = try XCTUnwrap(row["gas"] as? Int)
            guard seen.insert(op).inserted else { continue }
            csv += "\(op),l2,\(gas),\(tx)\n"
            pairs.append("\(op)=\(tx)")
        }
        XCTAssertTrue(seen.isSuperset(of: ["bond", "transcoder", "reward", "createPoll", "vote"]), "\(seen)")
        // The devnet's own gas CSV (every measurement: bond twice here) imports as it is.
        let whole = try XCTUnwrap(try devnet.rpc("devnet_gasCSV") as? String)
        try write(whole, "devnet-gas.csv", in: dir)
        let imported = try lip(["ledger", "import", "gas", "devnet-gas.csv", "--set", "whole", "--db", "whole.sqlite"], in: dir)
        XCTAssertEqual(imported.code, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("\(whole.split(separator: "\n").count - 1) rows added"), imported.stdout)
        let measured = try lip(["costs", "--set", "whole", "--db", "whole.sqlite", "--format", "json"], in: dir)
        XCTAssertEqual(measured.code, 0, measured.stderr)
        XCTAssertTrue(measured.stdout.contains("\"measurements\": 2"), "bond, measured twice: \(measured.stdout)")
        try write(csv, "gas.csv", in: dir)
        // Prices: every 3rd block of a range, read here from the node as a CSV, and by lip.
        let head = Int(try XCTUnwrap(try devnet.rpc("eth_blockNumber") as? String).dropFirst(2), radix: 16)!
        let first = 5, last = head - 2
        var prices = "block,timestamp,base_fee_wei,priority_fee_wei\n"
        for b in stride(from: first, through: last, by: 3) {
            let block = try XCTUnwrap(try devnet.rpc("eth_getBlockByNumber", ["0x" + String(b, radix: 16), false]) as? [String: Any])
            let t = Int((block["timestamp"] as? String ?? "").dropFirst(2), radix: 16)!, fee = Int((block["baseFeePerGas"] as? String ?? "").dropFirst(2), radix: 16)!
            prices += "\(b),\(t),\(fee),0\n"
        }
        try write(prices, "l2.csv", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "gas", "gas.csv", "--set", "devnet", "--db", "csv.sqlite"], in: dir).code, 0)
        XCTAssertEqual(try lip(["ledger", "import", "gas-prices", "l2.csv", "--chain", "l2", "--db", "csv.sqlite"], in: dir).code, 0)
        let node = ["--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url + "/SECRET-KEY"]
        let gas = try lip(["ledger", "sync", "gas", "--set", "devnet", "--chain", "l2", "--db", "node.sqlite"] + pairs + node, in: dir)
        XCTAssertEqual(gas.code, 0, gas.stderr)
        let sync = ["ledger", "sync", "gas-prices", "--chain", "l2", "--from-block", "\(first)", "--to-block", "\(last)", "--every", "3"] + node
        let before = try devnet.stats()
        let priced = try lip(sync + ["--db", "node.sqlite"], in: dir)
        XCTAssertEqual(priced.code, 0, priced.stderr)
        let after = try devnet.stats()
        let report = { (db: String) in try lip(["costs", "--db", db, "--format", "json"], in: dir) }
        let fromCSV = try report("csv.sqlite"), fromNode = try report("node.sqlite")
        XCTAssertEqual(fromCSV.code, 0, fromCSV.stderr)
        XCTAssertEqual(fromNode.stdout, fromCSV.stdout, "the node path and the CSV path give the same report")
        XCTAssertTrue(fromNode.stdout.contains("\"operation\": \"vote\""), fromNode.stdout)
        // Calls grow with the kept blocks (a fee history and a header each, and the chain id), not
        // with the range, three times as many blocks.
        let kept = (last - first) / 3 + 1
        XCTAssertTrue(priced.stdout.contains("\(kept) rows added"), priced.stdout)
        XCTAssertGreaterThan(kept, 10)
        XCTAssertLessThanOrEqual(after.calls - before.calls, 2 * kept + 3, "calls for \(kept) kept blocks of \(last - first + 1)")
        XCTAssertLessThan(after.requests - before.requests, kept, "batched")
        // Again: nothing changes; with faults a provider gives, the same samples.
        let again = try lip(sync + ["--db", "node.sqlite"], in: dir)
        XCTAssertTrue(again.stdout.contains("0 rows added, \(kept) already present"), again.stdout)
        try devnet.rpc("devnet_setFaults", [["http429": 1, "drop": 1, "batchLimit": 7]])
        let faulty = try lip(sync + ["--db", "faults.sqlite"], in: dir, environment: ["LIP_RPC_BACKOFF": "0.01"])
        XCTAssertEqual(faulty.code, 0, faulty.stderr)
        try devnet.rpc("devnet_setFaults", [[String: Int]()])
        XCTAssertEqual(
            try sqlite3(dir.appendingPathComponent("faults.sqlite"), "SELECT * FROM gas_prices ORDER BY block"),
            try sqlite3(dir.appendingPathComponent("node.sqlite"), "SELECT * FROM gas_prices ORDER BY block"))
        // A day range: today's blocks (the devnet's clock), found by binary search over timestamps.
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let byDay = try lip(["ledger", "sync", "gas-prices", "--chain", "l2", "--from", today, "--to", today, "--every", "50", "--db", "day.sqlite"] + node, in: dir)
        XCTAssertEqual(byDay.code, 0, byDay.stderr)
        // The URL's secret is in no output and no byte of the ledgers.
        for text in [gas.stdout, gas.stderr, priced.stdout, priced.stderr, faulty.stdout, byDay.stdout] { XCTAssertFalse(text.contains("SECRET"), text) }
        for db in ["node.sqlite", "faults.sqlite"] {
            XCTAssertNil(try Data(contentsOf: dir.appendingPathComponent(db)).range(of: Data("SECRET".utf8)), db)
        }
        // A forum post of the synced set says how to sync it again.
        let post = try lip(["costs", "--db", "node.sqlite", "--format", "forum"], in: dir).stdout
        XCTAssertTrue(post.contains("lip ledger sync gas --set devnet --chain l2 initializeRound=0x"), post)
        XCTAssertTrue(post.contains("lip ledger sync gas-prices --chain l2 --from-block \(first) --to-block \(last) --every 3 --network devnet"), post)
        // Refused: an unknown transaction, a wrong chain id.
        let unknown = try lip(["ledger", "sync", "gas", "--set", "x", "--chain", "l2", "--db", "x.sqlite", "bond=0x" + String(repeating: "ee", count: 32)] + node, in: dir)
        XCTAssertEqual(unknown.code, 2)
        XCTAssertTrue(unknown.stderr.contains("has no receipt for bond=0x" + String(repeating: "ee", count: 32)), unknown.stderr)
        try write("devnet:\n  l2:\n    chain-id: 42161\n", "networks.yaml", in: dir)
        let wrong = try lip(["ledger", "sync", "gas", "--set", "x", "--chain", "l2", "--db", "x.sqlite"] + pairs + node, in: dir)
        XCTAssertEqual(wrong.code, 2)
        XCTAssertTrue(wrong.stderr.contains("serves chain id \(devnet.info.chainId), not 42161"), wrong.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.sqlite").path))
    }
}
