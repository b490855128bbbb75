import Foundation
import LIPTestSupport
import XCTest

/// `lip ledger sync proposals` against the devnet's governor and BondingVotes stand-ins: real
/// events (ProposalCreated with its arrays, VoteCast, VoteCastWithParams, lifecycle, quorum
/// numerator updates) and real views. The devnet computes GovernorCountingOverridable's totals
/// from its own logs and checkpoints; lip's tally must equal them and the hand-computed numbers.
final class ProposalSyncTests: XCTestCase {
    static let wei = "000000000000000000"

    func sync(_ devnet: Devnet, in dir: URL) throws -> CLIResult {
        try lip(
            ["ledger", "sync", "proposals", "--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url + "/KEY", "--db", "l.sqlite"], in: dir,
            environment: ["LIP_RPC_BACKOFF": "0.01"])
    }

    func testSyncedProposalsTallyWithOverridesAndCheckTheChain() throws {
        let devnet = try Devnet()
        let dir = try temporaryDirectory(self)
        try write(devnet.networksYAML, "networks.yaml", in: dir)
        let a = try devnet.accounts(12)
        let o1 = a[1], o2 = a[2], d1 = a[3], d2 = a[4], d3 = a[5], d4 = a[6], n = a[7], m = a[8]
        let round = 3400
        // Checkpoints at the snapshot round: O1 weighs 1,000 with D1 (100) and D2 (50); O2 500 with D3 (200);
        // D4 (70) is delegated to N, who is no orchestrator.
        for (account, delegate, votes) in [(o1, o1, 1000), (d1, o1, 100), (d2, o1, 50), (o2, o2, 500), (d3, o2, 200), (d4, n, 70), (n, m, 0)] {
            try devnet.rpc("devnet_checkpoint", [account, round, delegate, "\(votes)" + Self.wei])
        }
        try devnet.rpc("devnet_setTotalSupply", [round, "3000" + Self.wei])
        let id = "1094000000000000000000000000000000000000000000000000000000000000000000000217"
        try devnet.rpc("devnet_propose", [o1, id, round, round + 10, "---\nlip: 120\n---\n# Fund the devnet SPE\n\nBody.\n"])
        // D1 votes before its orchestrator, D2 after it (with params); O2 does not vote while D3 does.
        try devnet.rpc("devnet_castVote", [d1, id, 0, "too expensive"])
        try devnet.rpc("devnet_castVote", [o1, id, 1, "good value"])
        try devnet.rpc("devnet_castVote", [d2, id, 1, "", "0x0102"])
        try devnet.rpc("devnet_castVote", [d3, id, 1, ""])
        try devnet.rpc("devnet_castVote", [d4, id, 2, "abstaining"])
        // A second proposal, still pending: no views are read for it.
        try devnet.rpc("devnet_propose", [o2, "7", round + 20, round + 30, "# Later\n"])
        try devnet.rpc("devnet_setProposal", ["7", 0, 0, 0, 0])
        try devnet.rpc("devnet_updateQuorumNumerator", [round + 100, 400_000])
        let expected = try XCTUnwrap(try devnet.rpc("devnet_expectedProposal", [id]) as? [String: Any])
        // By hand: For 850 (O1: 1,000 − 100 − 50) + 50 + 200 = 1,100; Against 100; Abstain 70.
        XCTAssertEqual(expected["for"] as? String, "1100" + Self.wei)
        XCTAssertEqual(expected["against"] as? String, "100" + Self.wei)
        XCTAssertEqual(expected["abstain"] as? String, "70" + Self.wei)
        try devnet.rpc("devnet_setProposal", [id, 4, expected["against"]!, expected["for"]!, expected["abstain"]!])

        let first = try sync(devnet, in: dir)
        XCTAssertEqual(first.code, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("1 pending (no views yet: 7)"), first.stdout)
        XCTAssertFalse(first.stdout.contains("KEY") || first.stderr.contains("KEY"))
        let second = try sync(devnet, in: dir)
        XCTAssertTrue(second.stdout.contains(": 0 rows added"), second.stdout)

        let tally = try lip(["proposal", "tally", id, "--db", "l.sqlite", "--format", "json"], in: dir)
        XCTAssertEqual(tally.code, 0, tally.stderr + tally.stdout)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(tally.stdout.utf8)) as? [String: Any])
        for key in ["for", "against", "abstain"] { XCTAssertEqual(result[key] as? String, expected[key] as? String, key) }
        XCTAssertEqual(result["matchesChain"] as? Bool, true)
        XCTAssertEqual(result["result"] as? String, "succeeded")
        XCTAssertEqual(result["quorumNumerator"] as? String, "333300")
        XCTAssertEqual(result["snapshot"] as? Int, round)
        let counted = Dictionary(uniqueKeysWithValues: (result["voters"] as? [[String: Any]] ?? []).map { ($0["address"] as? String ?? "", $0["countedWeight"] as? String ?? "") })
        XCTAssertEqual(counted, expected["counted"] as? [String: String])
        let list = try lip(["proposal", "list", "--db", "l.sqlite", "--format", "json"], in: dir)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["id"] as? String }, [id, "7"])
        XCTAssertEqual(rows.first?["title"] as? String, "Fund the devnet SPE")
        XCTAssertEqual(rows.first?["lip"] as? Int, 120)
        XCTAssertEqual(rows.first?["state"] as? String, "succeeded")

        // The subgraph's way (raw weights summed) on chain: lip says the totals differ, exit 1.
        try devnet.rpc("devnet_setProposal", [id, 4, "100" + Self.wei, "1250" + Self.wei, "70" + Self.wei])
        try devnet.rpc("devnet_governor", ["queue", id, 99])
        try devnet.rpc("devnet_governor", ["execute", id])
        XCTAssertEqual(try sync(devnet, in: dir).code, 0)
        let differs = try lip(["proposal", "tally", id, "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(differs.code, 1)
        XCTAssertTrue(differs.stdout.contains("for: counted 1100000000000000000000 wei, on chain 1250000000000000000000 wei"), differs.stdout)
        XCTAssertTrue(differs.stdout.contains("state executed"), differs.stdout)
        XCTAssertEqual(
            try sqlite3(dir.appendingPathComponent("l.sqlite"), "SELECT kind FROM proposal_events ORDER BY kind; SELECT new_numerator FROM quorum_numerator_updates;"),
            "executed\nqueued\n400000\n")
        XCTAssertEqual(try sqlite3(dir.appendingPathComponent("l.sqlite"), "SELECT params FROM proposal_votes WHERE params IS NOT NULL;"), "0x0102\n")
    }
}
