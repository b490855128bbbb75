import BigInt
import Foundation
import LIPEthereum
import LIPTestSupport
import XCTest

/// The voter's side on the devnet's real Poll: `lip poll weight` predicts, `lip poll vote` prints
/// the unsigned transaction, a devnet account sends it as a signer would, and the tally counts it
/// with exactly the predicted weight: an orchestrator, a delegator voting before and after it,
/// and an account without stake.
final class DevnetVotingTests: XCTestCase {
    func json(_ r: CLIResult) throws -> [String: Any] {
        XCTAssertEqual(r.code, 0, r.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout)
    }

    func testWeightsPredictWhatTheTallyCountsAndThePrintedVoteIsAcceptedOnChain() throws {
        let devnet = try Devnet(pollPeriod: 80)
        let dir = try temporaryDirectory(self)
        try write(devnet.networksYAML, "networks.yaml", in: dir)
        let a = try devnet.accounts(8)
        let o = a[1], d1 = a[2], d2 = a[3], nobody = a[5]
        try devnet.orchestrator(o, lpt: "1000")
        try devnet.rpc("devnet_bond", [d1, o, "300000000000000000000"])
        try devnet.rpc("devnet_bond", [d2, o, "100000000000000000000"])
        try devnet.nextRound()
        try devnet.rpc("devnet_reward", [o])
        let poll = try devnet.createPoll(by: o, "QmVoters")
        let node = ["--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url, "--db", "l.sqlite"]
        func sync() throws { XCTAssertEqual(try lip(["ledger", "sync", "poll", poll, "--full"] + node, in: dir).code, 0) }
        func weight(_ account: String) throws -> [String: Any] { try json(try lip(["poll", "weight", poll, account, "--db", "l.sqlite", "--format", "json"], in: dir)) }
        /// Sends the transaction `lip poll vote` prints, from `account`.
        func vote(_ account: String, _ choice: String) throws {
            let tx = try json(try lip(["poll", "vote", poll, choice, "--network", "devnet", "--networks", "networks.yaml", "--db", "l.sqlite", "--format", "json"], in: dir))
            XCTAssertEqual(Set(tx.keys), ["chainId", "to", "value", "data"])
            XCTAssertEqual(tx["chainId"] as? Int, devnet.info.chainId)
            XCTAssertEqual(tx["to"] as? String, poll)
            // The calldata: vote(uint256)'s selector, computed here from the signature, and the choiceID word.
            let selector = Hex.prefixed(Keccak256.hash("vote(uint256)").prefix(4))
            XCTAssertEqual(tx["data"] as? String, selector + String(repeating: "0", count: 63) + (choice == "yes" ? "0" : "1"))
            try devnet.rpc("eth_sendTransaction", [["from": account, "to": tx["to"]!, "value": "0x0", "data": tx["data"]!]])
        }
        try sync()
        // A delegator before its orchestrator: its own (pending) stake.
        let w1 = try weight(d1)
        XCTAssertEqual(w1["role"] as? String, "delegator")
        XCTAssertEqual(w1["delegate"] as? String, o)
        XCTAssertEqual(w1["voted"] as? NSNull, NSNull())
        XCTAssertEqual(w1["provisional"] as? Bool, true)
        XCTAssertEqual(w1["delegateVoted"] as? Bool, false)
        try vote(d1, "no")
        try sync()
        // The orchestrator: its delegated stake less D1's, D1 listed.
        let wo = try weight(o)
        XCTAssertEqual(wo["role"] as? String, "orchestrator")
        XCTAssertEqual((wo["votedDelegators"] as? [[String: Any]])?.map { $0["address"] as? String }, [d1])
        let delegated = try XCTUnwrap(BigUInt(wo["delegatedStake"] as? String ?? "")), d1Stake = try XCTUnwrap(BigUInt(w1["weight"] as? String ?? ""))
        XCTAssertEqual(wo["weight"] as? String, String(delegated - d1Stake))
        try vote(o, "yes")
        try sync()
        // A delegator after its orchestrator: its own stake, taken off the orchestrator's.
        let w2 = try weight(d2)
        XCTAssertEqual(w2["delegateVoted"] as? Bool, true)
        let text = try lip(["poll", "weight", poll, d2, "--db", "l.sqlite"], in: dir).stdout
        XCTAssertTrue(text.contains("its orchestrator voted: this account's vote takes its"), text)
        try vote(d2, "no")
        // No stake: weight 0, and still a valid vote.
        let wn = try weight(nobody)
        XCTAssertEqual(wn["role"] as? String, "none")
        XCTAssertEqual(wn["weight"] as? String, "0")
        try vote(nobody, "yes")
        // The end: the tally at the deciding block counts each with the predicted weight (no
        // reward was called since, so stake did not move), the orchestrator less D2 as well.
        try devnet.rpc("devnet_mine", [85])
        try sync()
        let tally = try json(try lip(["poll", "tally", poll, "--db", "l.sqlite", "--format", "json"], in: dir))
        let counted = Dictionary(uniqueKeysWithValues: (tally["voters"] as? [[String: Any]] ?? []).map { ($0["address"] as? String ?? "", $0["weight"] as? String ?? "") })
        let d2Stake = try XCTUnwrap(BigUInt(w2["weight"] as? String ?? ""))
        XCTAssertEqual(counted[d1], w1["weight"] as? String)
        XCTAssertEqual(counted[d2], w2["weight"] as? String)
        XCTAssertEqual(counted[nobody], "0")
        XCTAssertEqual(counted[o], String(delegated - d1Stake - d2Stake))
        // After the end, the weight is the tally's, and a vote is refused.
        let final = try weight(o)
        XCTAssertEqual(final["weight"] as? String, counted[o])
        XCTAssertEqual(final["voted"] as? String, "yes")
        XCTAssertEqual(final["provisional"] as? Bool, false)
        let late = try lip(["poll", "vote", poll, "yes", "--network", "devnet", "--networks", "networks.yaml", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(late.code, 1)
        XCTAssertTrue(late.stderr.contains("the poll has ended"), late.stderr)
        // The expectation is the contracts' own.
        let expected = try XCTUnwrap(try devnet.rpc("devnet_expected", [poll]) as? [String: Any])
        XCTAssertEqual(expected["weights"] as? [String: String], counted)
    }
}
