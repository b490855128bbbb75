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

    /// A workspace folder with the devnet's networks.yaml, and its accounts after O (a[1]) bonds
    /// 1,000 LPT to itself and registers, and D1 (a[2]) and D2 (a[3]) delegate 300 and 100 to it.
    func staked(_ devnet: Devnet) throws -> (dir: URL, a: [String]) {
        let dir = try temporaryDirectory(self)
        try write(devnet.networksYAML, "networks.yaml", in: dir)
        let a = try devnet.accounts(8)
        try devnet.orchestrator(a[1], lpt: "1000")
        try devnet.rpc("devnet_bond", [a[2], a[1], "300000000000000000000"])
        try devnet.rpc("devnet_bond", [a[3], a[1], "100000000000000000000"])
        return (dir, a)
    }

    func testWeightsPredictWhatTheTallyCountsAndThePrintedVoteIsAcceptedOnChain() throws {
        let devnet = try Devnet(pollPeriod: 80)
        let (dir, a) = try staked(devnet)
        let o = a[1], d1 = a[2], d2 = a[3], nobody = a[5]
        let silent = a[4]  // bonded, never votes
        try devnet.rpc("devnet_bond", [silent, o, "50000000000000000000"])
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
        // A partial sync holds only the voters and their delegates: an account without a row is
        // named (exit 2), or read from the node at the same block with --rpc, as the full sync has it.
        XCTAssertEqual(try lip(["ledger", "sync", "poll", poll] + node.dropLast(2) + ["--db", "partial.sqlite"], in: dir).code, 0)
        let missing = try lip(["poll", "weight", poll, silent, "--db", "partial.sqlite"], in: dir)
        XCTAssertEqual(missing.code, 2)
        XCTAssertTrue(missing.stderr.contains("has no row for \(silent): give --rpc URL to read it at that block, or sync with --full"), missing.stderr)
        let read = try json(
            try lip(
                ["poll", "weight", poll, silent, "--format", "json", "--db", "partial.sqlite", "--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url], in: dir))
        let full = try weight(silent)
        XCTAssertEqual(read["weight"] as? String, full["weight"] as? String)
        XCTAssertEqual(read["role"] as? String, "delegator")
        XCTAssertNotEqual(read["weight"] as? String, "50000000000000000000", "pending stake, with the reward")
        // The expectation is the contracts' own.
        let expected = try XCTUnwrap(try devnet.rpc("devnet_expected", [poll]) as? [String: Any])
        XCTAssertEqual(expected["weights"] as? [String: String], counted)
    }

    func testProposalWeightsPredictTheGovernorsCountAndThePrintedVotesAreAccepted() throws {
        let devnet = try Devnet()
        let (dir, a) = try staked(devnet)
        let o = a[1], d1 = a[2], d2 = a[3], nobody = a[5]
        try devnet.nextRound()
        let id = try XCTUnwrap((try devnet.rpc("devnet_propose", [o, "---\nlip: 9\n---\n# Voters\n"]) as? [String: Any])?["id"] as? String)
        try devnet.nextRound(2)
        let node = ["--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url, "--db", "l.sqlite"]
        func sync() throws { XCTAssertEqual(try lip(["ledger", "sync", "proposals"] + node, in: dir).code, 0) }
        func weight(_ account: String) throws -> [String: Any] { try json(try lip(["proposal", "weight", id, account, "--format", "json"] + node, in: dir)) }
        func vote(_ account: String, _ support: String, _ extra: [String] = []) throws -> String {
            let tx = try json(
                try lip(["proposal", "vote", id, support, "--network", "devnet", "--networks", "networks.yaml", "--db", "l.sqlite", "--format", "json"] + extra, in: dir))
            XCTAssertEqual(tx["to"] as? String, devnet.info.governor)
            try devnet.rpc("eth_sendTransaction", [["from": account, "to": tx["to"]!, "value": "0x0", "data": tx["data"]!]])
            return tx["data"] as? String ?? ""
        }
        try sync()
        // A delegator before its orchestrator, with a reason: castVoteWithReason, its selector computed here.
        let w1 = try weight(d1)
        XCTAssertEqual(w1["role"] as? String, "delegator")
        XCTAssertEqual(w1["weight"] as? String, "300000000000000000000")
        let data = try vote(d1, "against", ["--reason", "too expensive"])
        XCTAssertTrue(data.hasPrefix(Hex.prefixed(Keccak256.hash("castVoteWithReason(uint256,uint8,string)").prefix(4))), data)
        try sync()
        // The orchestrator: 1,400 at the snapshot, less D1's 300.
        let wo = try weight(o)
        XCTAssertEqual(wo["role"] as? String, "orchestrator")
        XCTAssertEqual(wo["votes"] as? String, "1400000000000000000000")
        XCTAssertEqual(wo["weight"] as? String, "1100000000000000000000")
        XCTAssertEqual((wo["votedDelegators"] as? [[String: Any]])?.map { $0["address"] as? String }, [d1])
        // Every format a person reads (the devnet deploys and votes the same way each run: the same
        // addresses, id and weights).
        assertGolden(try lip(["proposal", "weight", id, o] + node, in: dir).stdout, "proposal-weight.txt")
        assertGolden(try lip(["proposal", "weight", id, o, "--format", "json"] + node, in: dir).stdout, "proposal-weight.json")
        let voteArgs = ["proposal", "vote", id, "for", "--network", "devnet", "--networks", "networks.yaml", "--db", "l.sqlite"]
        assertGolden(try lip(voteArgs + ["--reason", "good value, says O's", "--from", o, "--rpc", devnet.url], in: dir).stdout, "proposal-vote.txt")
        assertGolden(try lip(voteArgs + ["--format", "json"], in: dir).stdout, "proposal-vote.json")
        assertGolden(try lip(voteArgs + ["--format", "safe"], in: dir).stdout, "proposal-vote-safe.json")
        XCTAssertTrue(try vote(o, "for").hasPrefix(Hex.prefixed(Keccak256.hash("castVote(uint256,uint8)").prefix(4))))
        try sync()
        // A delegator after its orchestrator: its 100 come off the orchestrator's.
        let w2 = try weight(d2)
        XCTAssertEqual(w2["delegateVoted"] as? Bool, true)
        XCTAssertEqual(w2["weight"] as? String, "100000000000000000000")
        _ = try vote(d2, "abstain")
        let wn = try weight(nobody)
        XCTAssertEqual(wn["weight"] as? String, "0")
        _ = try vote(nobody, "for")
        // A reason with a control character is refused, its length shown.
        let hostile = try lip(["proposal", "vote", id, "for", "--reason", "ok\u{1b}[2J", "--network", "devnet", "--networks", "networks.yaml", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(hostile.code, 1)
        XCTAssertTrue(hostile.stderr.contains("(ok\\u{1b}[2J, 6 bytes)"), hostile.stderr)
        // Through the deadline: the governor's count is the predicted weights.
        try devnet.nextRound(3)
        try sync()
        let tally = try json(try lip(["proposal", "tally", id, "--db", "l.sqlite", "--format", "json"], in: dir))
        XCTAssertEqual(tally["matchesChain"] as? Bool, true)
        let counted = Dictionary(uniqueKeysWithValues: (tally["voters"] as? [[String: Any]] ?? []).map { ($0["address"] as? String ?? "", $0["countedWeight"] as? String ?? "") })
        XCTAssertEqual(counted[d1], w1["weight"] as? String)
        XCTAssertEqual(counted[d2], w2["weight"] as? String)
        XCTAssertEqual(counted[o], "1000000000000000000000", "1,100 less D2's 100, as LIP-16's overrides say")
        XCTAssertEqual(counted[nobody], "0")
        let late = try lip(["proposal", "vote", id, "for", "--network", "devnet", "--networks", "networks.yaml", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(late.code, 1)
        XCTAssertTrue(late.stderr.contains("is succeeded in the ledger, not active"), late.stderr)
    }

    /// A node of another chain than the ledger's network is named as such before anything is read
    /// from it: its stake is never printed as the account's weight, and no ABI error hides it.
    func testAWeightReadFromANodeOfAnotherChainIsRefused() throws {
        let devnet = try Devnet()
        let dir = try temporaryDirectory(self)
        let s = ProposalCommandTests.scenario()
        try write(s.logsJSON(), "governor-logs.json", in: dir)
        try write(s.stateJSON(), "governor-state.json", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "logs", "governor-logs.json", "--chain", "l2", "--db", "l.sqlite"], in: dir).code, 0)
        XCTAssertEqual(try lip(["ledger", "import", "governor-state", "governor-state.json", "--db", "l.sqlite"], in: dir).code, 0)
        // The ledger is mainnet's; the devnet is not Arbitrum One.
        let r = try lip(["proposal", "weight", String(s.proposalID), GovernorScenario.address(0x02).checksummed, "--db", "l.sqlite", "--rpc", devnet.url], in: dir)
        XCTAssertEqual(r.code, 2, r.stderr)
        XCTAssertTrue(
            r.stderr.contains("serves chain id \(devnet.info.chainId), not 42161 as network mainnet says: wrong URL, or give the node's network with --network"),
            r.stderr)
        XCTAssertEqual(r.stdout, "")
    }
}
