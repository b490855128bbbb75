import Foundation
import LIPTestSupport
import XCTest

/// `lip ledger sync proposals` against Livepeer's own LivepeerGovernor, BondingVotes and Treasury
/// on the devnet: real stake bonded rounds before the snapshot, real votes (castVote,
/// castVoteWithReason, with params) by orchestrators and by delegators overriding them before and
/// after their orchestrator, a proposal carried to Succeeded, queued and executed through the
/// Treasury (its action raises the quorum numerator, as governance would). lip's tally must equal
/// the contract's own `proposalVotes` and the hand-computed numbers.
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
        let o1 = a[1], o2 = a[2], d1 = a[3], d2 = a[4], d3 = a[5], d4 = a[6], n = a[7]
        // O1 bonds 1,000 with D1 (100) and D2 (50); O2 500 with D3 (200); D4 (70) delegates to
        // N, who is no orchestrator: Livepeer's BondingVotes gives D4 no votes (the stand-in this
        // replaced gave it 70). No reward is called: the stake at the snapshot is what was bonded.
        try devnet.orchestrator(o1, lpt: "1000")
        try devnet.orchestrator(o2, lpt: "500")
        for (account, delegate, lpt) in [(d1, o1, "100"), (d2, o1, "50"), (d3, o2, "200"), (d4, n, "70")] {
            try devnet.rpc("devnet_bond", [account, delegate, lpt + Self.wei])
        }
        try devnet.nextRound()
        // The proposal's action, executed by the Treasury: the governor's own updateQuorumNumerator(400000).
        let proposed = try XCTUnwrap(try devnet.rpc("devnet_propose", [o1, "---\nlip: 120\n---\n# Fund the devnet SPE\n\nBody.\n", "quorum", "400000"]) as? [String: Any])
        let id = try XCTUnwrap(proposed["id"] as? String)
        let snapshot = try XCTUnwrap(proposed["snapshot"] as? Int)
        try devnet.nextRound(2)
        // D1 votes before its orchestrator, D2 after it (with params); O2 does not vote while D3 does.
        try devnet.rpc("devnet_castVote", [d1, id, 0, "too expensive"])
        try devnet.rpc("devnet_castVote", [o1, id, 1])
        try devnet.rpc("devnet_castVote", [d2, id, 1, "", "0x0102"])
        try devnet.rpc("devnet_castVote", [d3, id, 1, ""])
        try devnet.rpc("devnet_castVote", [d4, id, 2, "abstaining"])
        // A second proposal, still pending when synced: no views are read for it.
        let later = try XCTUnwrap((try devnet.rpc("devnet_propose", [o2, "# Later\n"]) as? [String: Any])?["id"] as? String)
        let expected = try XCTUnwrap(try devnet.rpc("devnet_expectedProposal", [id]) as? [String: Any])
        // By hand: For 1,000 (O1: 1,150 − 100 − 50) + 50 + 200 = 1,250; Against 100; Abstain 0 (D4).
        XCTAssertEqual(expected["for"] as? String, "1250" + Self.wei)
        XCTAssertEqual(expected["against"] as? String, "100" + Self.wei)
        XCTAssertEqual(expected["abstain"] as? String, "0")
        // O1's VoteCast carries its whole 1,150, so the raw sum of VoteCast weights counts D1's 100
        // and D2's 50 twice (1,150 + 50 + 200 = 1,400): the contract does not.
        XCTAssertEqual(expected["rawFor"] as? String, "1400" + Self.wei)
        let chain = try XCTUnwrap(try devnet.rpc("devnet_proposal", [id]) as? [String: Any])
        for key in ["for", "against", "abstain"] { XCTAssertEqual(chain[key] as? String, expected[key] as? String, "the contract's proposalVotes: \(key)") }

        let first = try sync(devnet, in: dir)
        XCTAssertEqual(first.code, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("1 pending (no views yet: \(later))"), first.stdout)
        XCTAssertFalse(first.stdout.contains("KEY") || first.stderr.contains("KEY"))
        let second = try sync(devnet, in: dir)
        XCTAssertTrue(second.stdout.contains(": 0 rows added"), second.stdout)

        // Through the rounds to Succeeded, then queued and executed through the Treasury.
        try devnet.nextRound(3)
        XCTAssertEqual((try devnet.rpc("devnet_proposal", [id]) as? [String: Any])?["state"] as? Int, 4, "succeeded")
        try devnet.rpc("devnet_queue", [id])
        try devnet.rpc("devnet_execute", [id])
        XCTAssertEqual(try sync(devnet, in: dir).code, 0)

        let tally = try lip(["proposal", "tally", id, "--db", "l.sqlite", "--format", "json"], in: dir)
        XCTAssertEqual(tally.code, 0, tally.stderr + tally.stdout)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(tally.stdout.utf8)) as? [String: Any])
        for key in ["for", "against", "abstain"] { XCTAssertEqual(result[key] as? String, expected[key] as? String, key) }
        XCTAssertEqual(result["matchesChain"] as? Bool, true)
        XCTAssertEqual(result["result"] as? String, "succeeded")
        XCTAssertEqual(result["quorumNumerator"] as? String, "333300", "the numerator at the snapshot, before the update")
        XCTAssertEqual(result["snapshot"] as? Int, snapshot)
        let counted = Dictionary(uniqueKeysWithValues: (result["voters"] as? [[String: Any]] ?? []).map { ($0["address"] as? String ?? "", $0["countedWeight"] as? String ?? "") })
        XCTAssertEqual(counted, expected["counted"] as? [String: String])
        let text = try lip(["proposal", "tally", id, "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(text.code, 0, text.stdout)
        XCTAssertTrue(text.stdout.contains("state executed"), text.stdout)
        let list = try lip(["proposal", "list", "--db", "l.sqlite", "--format", "json"], in: dir)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(Set(rows.compactMap { $0["id"] as? String }), [id, later])
        let row = try XCTUnwrap(rows.first { $0["id"] as? String == id })
        XCTAssertEqual(row["title"] as? String, "Fund the devnet SPE")
        XCTAssertEqual(row["lip"] as? Int, 120)
        XCTAssertEqual(row["state"] as? String, "executed")
        XCTAssertEqual(
            try sqlite3(dir.appendingPathComponent("l.sqlite"), "SELECT kind FROM proposal_events ORDER BY kind; SELECT new_numerator FROM quorum_numerator_updates;"),
            "executed\nqueued\n400000\n")
        XCTAssertEqual(try sqlite3(dir.appendingPathComponent("l.sqlite"), "SELECT params FROM proposal_votes WHERE params IS NOT NULL;"), "0x0102\n")
        // The post's reproduce block: the sync (run three times) once, with every flag it needs to
        // run again on this network, and the tally with the same network.
        let post = try lip(["proposal", "export", id, "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(post.code, 0, post.stderr)
        let syncLine = "lip ledger sync proposals --network devnet --networks networks.yaml --rpc URL"
        XCTAssertEqual(post.stdout.components(separatedBy: "\n").filter { $0.hasPrefix(syncLine) }.count, 1, post.stdout)
        XCTAssertTrue(post.stdout.contains("\nlip proposal tally \(id) --db l.sqlite --network devnet --networks networks.yaml\n"), post.stdout)
    }
}
