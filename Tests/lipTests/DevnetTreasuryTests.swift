import BigInt
import Foundation
import LIPEthereum
import LIPTestSupport
import XCTest

/// The treasury on the devnet's real contracts (treasury.md): reward cuts over rounds, an ordinary
/// transfer in, a proposal paying LPT out through the Treasury timelock, a ceiling that halts the
/// contributions; `lip ledger sync treasury` then `lip treasury`, every balance checked against
/// LivepeerToken's own `balanceOf` at its block.
final class DevnetTreasuryTests: XCTestCase {
    let lpt = "000000000000000000"

    func testTheTreasurysMovementsAddUpToItsBalanceAtEveryBlock() throws {
        let devnet = try Devnet(pollPeriod: 60)
        let dir = try temporaryDirectory(self)
        try write(devnet.networksYAML, "networks.yaml", in: dir)
        let a = try devnet.accounts(6)
        let o1 = a[1], o2 = a[2], giver = a[3]
        let treasury = devnet.info.treasury
        try devnet.orchestrator(o1, lpt: "1000")
        try devnet.orchestrator(o2, lpt: "500")
        // The Controller's owner sets the cut to 20% (from the devnet's 10%): it takes effect at
        // the next round's initialization. Two rounds of rewards, each paying the treasury its cut.
        try devnet.rpc("devnet_setTreasury", ["200000000000000000000000000", NSNull()])
        try devnet.nextRound()
        for o in [o1, o2] { try devnet.rpc("devnet_reward", [o]) }
        try devnet.nextRound()
        try devnet.rpc("devnet_reward", [o1])
        // An ordinary transfer in, and a proposal paying 1 LPT out through the Treasury.
        try devnet.rpc("devnet_transferLPT", [giver, treasury, "5" + lpt])
        let proposal = try XCTUnwrap((try devnet.rpc("devnet_propose", [o1, "# Pay the test SPE\n", "transfer", "1" + lpt]) as? [String: Any])?["id"] as? String)
        try devnet.nextRound(2)
        for o in [o1, o2] { try devnet.rpc("devnet_castVote", [o, proposal, 1]) }
        try devnet.nextRound(3)
        try devnet.rpc("devnet_queue", [proposal])
        try devnet.rpc("devnet_execute", [proposal])
        let node = ["--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url, "--db", "l.sqlite"]
        let first = try lip(["ledger", "sync", "treasury"] + node, in: dir)
        XCTAssertEqual(first.code, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("3 reward cuts, 1 executed proposals"), first.stdout)
        XCTAssertEqual(try lip(["ledger", "sync", "proposals"] + node, in: dir).code, 0)
        let before = try XCTUnwrap(try json(try lip(["treasury", "--format", "json", "--db", "l.sqlite"], in: dir))["ceiling"] as? [String: Any])
        XCTAssertEqual(before["cutRate"] as? String, "200000000000000000000000000")
        XCTAssertEqual(before["halted"] as? Bool, false)
        // The ceiling reached: the balance is the ceiling, so this round's reward() still pays
        // and stops the next round's; the round after pays nothing.
        let balance = try XCTUnwrap(try devnet.rpc("devnet_balanceOf", [treasury]) as? String)
        try devnet.rpc("devnet_setTreasury", [NSNull(), balance])
        try devnet.rpc("devnet_reward", [o1])
        var report = try json(try lip(["treasury", "--format", "json", "--db", "l.sqlite"], in: dir))
        XCTAssertEqual((report["movements"] as? [[String: Any]])?.count, 5, "the ledger holds what the first sync read, up to its block")
        let second = try lip(["ledger", "sync", "treasury"] + node, in: dir)
        XCTAssertEqual(second.code, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains(": 1 rows added") || second.stdout.contains("1 reward cuts"), second.stdout)
        try devnet.nextRound()
        try devnet.rpc("devnet_reward", [o2])
        XCTAssertEqual(try lip(["ledger", "sync", "treasury"] + node, in: dir).code, 0)
        let quiet = try lip(["ledger", "sync", "treasury"] + node, in: dir)
        XCTAssertTrue(quiet.stdout.contains(": 0 rows added"), quiet.stdout)

        report = try json(try lip(["treasury", "--format", "json", "--db", "l.sqlite"], in: dir))
        let movements = try XCTUnwrap(report["movements"] as? [[String: Any]])
        XCTAssertEqual(movements.map { $0["kind"] as? String }, ["reward", "reward", "reward", "other-in", "proposal", "reward"])
        XCTAssertEqual(movements.map { ($0["counterparty"] as? String)?.lowercased() }[0...3], [o1, o2, o1, giver].map { $0.lowercased() }[0...3])
        XCTAssertEqual(movements[4]["proposal"] as? String, proposal)
        XCTAssertEqual(movements[4]["amount"] as? String, "1" + lpt)
        XCTAssertEqual(movements[3]["amount"] as? String, "5" + lpt)
        // Every balance is LivepeerToken's balanceOf at the movement's block (one transaction a block).
        for m in movements {
            let block = try XCTUnwrap(m["block"] as? Int)
            XCTAssertEqual(m["balanceAfter"] as? String, try devnet.rpc("devnet_balanceOf", [treasury, block]) as? String, "block \(block)")
        }
        XCTAssertEqual(report["balance"] as? String, try devnet.rpc("devnet_balanceOf", [treasury]) as? String)
        let ceiling = try XCTUnwrap(report["ceiling"] as? [String: Any])
        XCTAssertEqual(ceiling["halted"] as? Bool, true, "the round after the ceiling pays nothing")
        XCTAssertEqual(ceiling["cutRate"] as? String, "0")
        XCTAssertEqual(ceiling["ceiling"] as? String, balance)
        let totals = try XCTUnwrap(report["totals"] as? [String: String])
        XCTAssertEqual(totals["otherIn"], "5" + lpt)
        XCTAssertEqual(totals["proposalOut"], "1" + lpt)
        let rewards = movements.filter { $0["kind"] as? String == "reward" }.compactMap { BigUInt(($0["amount"] as? String) ?? "") }.reduce(0, +)
        XCTAssertEqual(totals["reward"], String(rewards))
        XCTAssertGreaterThan(rewards, 0)

        // Every format a person reads (the devnet runs the same way each time: the same addresses,
        // transactions and amounts; times are not shown by round).
        let db = ["--db", "l.sqlite"]
        assertGolden(try lip(["treasury"] + db, in: dir).stdout, "treasury-devnet.txt")
        assertGolden(try lip(["treasury", "--format", "csv"] + db, in: dir).stdout, "treasury-devnet.csv")
        assertGolden(try lip(["treasury", "--format", "svg"] + db, in: dir).stdout, "treasury-devnet.svg")
        assertGolden(try lip(["treasury", "--format", "forum", "--network", "devnet", "--networks", "networks.yaml"] + db, in: dir).stdout, "treasury-devnet-forum.md")
        let byDay = try lip(["treasury", "--by", "day", "--format", "json"] + db, in: dir)
        XCTAssertEqual(byDay.code, 0, byDay.stderr)
        let later = try lip(["treasury", "--from-block", String(try XCTUnwrap(movements[3]["block"] as? Int)), "--format", "json"] + db, in: dir)
        XCTAssertEqual((try json(later)["movements"] as? [[String: Any]])?.map { $0["kind"] as? String }, ["other-in", "proposal", "reward"])
    }

    func json(_ r: CLIResult) throws -> [String: Any] {
        XCTAssertEqual(r.code, 0, r.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }
}
