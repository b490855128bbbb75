import BigInt
import Foundation
import LIPDocuments
import LIPEthereum
import LIPRecords
import LIPTestSupport
import XCTest

@testable import LIPLedger

/// Every vote over time on the devnet's real contracts (records.md): polls found on chain by
/// `lip ledger sync polls`, a voter's record, turnout and what is due, over a rehearsal of several
/// polls and proposals across rounds (stake moving between them, overrides before and after
/// orchestrators, a changed vote, an invalid choice, a large orchestrator that never votes, a
/// proposal defeated, one executed, one active, a poll still open). Every figure is checked
/// against the contracts' own views (`devnet_expected`, BondingVotes) and the governor's count.
final class DevnetRecordsTests: XCTestCase {
    func json(_ r: CLIResult, code: Int32 = 0) throws -> Any {
        XCTAssertEqual(r.code, code, r.stderr)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    /// The entry of `kind` and `id` in a voter record's JSON.
    func entry(_ record: [String: Any], _ kind: String, _ id: String) throws -> [String: Any] {
        try XCTUnwrap((record["entries"] as? [[String: Any]])?.first { $0["kind"] as? String == kind && $0["id"] as? String == id }, "\(kind) \(id)")
    }

    /// `getPastVotes(account, round)` of BondingVotes, read here with a plain eth_call.
    func pastVotes(_ devnet: Devnet, _ account: String, round: Int) throws -> String {
        let data = Keccak256.hash("getPastVotes(address,uint256)").prefix(4) + ABIEncoder.encode([.address(Address(account)!), .uint(BigUInt(round))])
        let answer = try XCTUnwrap(try devnet.rpc("eth_call", [["to": devnet.info.bondingVotes, "data": Hex.prefixed(Array(data))], "latest"]) as? String)
        return String(BigUInt(String(answer.dropFirst(2)), radix: 16) ?? 0)
    }

    func testRecordsTurnoutAndDeadlinesAgreeWithTheContractsOverARehearsal() throws {
        let devnet = try Devnet(pollPeriod: 60)
        let dir = try temporaryDirectory(self)
        try write(devnet.networksYAML, "networks.yaml", in: dir)
        let a = try devnet.accounts(9)
        let o1 = a[1], o2 = a[2], o3 = a[3], d1 = a[4], d2 = a[5], d3 = a[6], nobody = a[7]
        try devnet.orchestrator(o1, lpt: "1000")
        try devnet.orchestrator(o2, lpt: "500")
        try devnet.orchestrator(o3, lpt: "2000")  // the largest; never votes
        try devnet.rpc("devnet_bond", [d1, o1, "300000000000000000000"])
        try devnet.rpc("devnet_bond", [d2, o1, "100000000000000000000"])
        try devnet.rpc("devnet_bond", [d3, o2, "200000000000000000000"])
        try devnet.nextRound()
        for o in [o1, o2, o3] { try devnet.rpc("devnet_reward", [o]) }
        func propose(_ by: String, _ text: String) throws -> String {
            try XCTUnwrap((try devnet.rpc("devnet_propose", [by, text]) as? [String: Any])?["id"] as? String)
        }
        func castVote(_ by: String, _ id: String, _ support: Int, _ reason: String? = nil) throws {
            try devnet.rpc("devnet_castVote", [by, id, support] + (reason.map { [$0] } ?? []))
        }
        // Poll A: a delegator before its orchestrator, the orchestrator, a delegator after it, a
        // changed vote, an invalid choice.
        let p1 = try propose(o1, "---\nlip: 101\n---\n# Defeat me\n")
        let p2 = try propose(o2, "# Pay out nothing\n")
        let pollA = try devnet.createPoll(by: o1, "QmPollA")
        try devnet.rpc("devnet_vote", [d1, pollA, 1])
        try devnet.rpc("devnet_vote", [o1, pollA, 0])
        try devnet.rpc("devnet_vote", [d2, pollA, 0])
        try devnet.rpc("devnet_vote", [o2, pollA, 1])
        try devnet.rpc("devnet_vote", [o2, pollA, 0])
        try devnet.rpc("devnet_vote", [d3, pollA, 2])
        // P1 defeated (an override for, the orchestrator against); P2 carried and executed.
        try devnet.nextRound(2)
        try castVote(d1, p1, 1)
        try castVote(o1, p1, 0, "not now")
        try castVote(o1, p2, 1)
        try castVote(o2, p2, 1)
        try castVote(d3, p2, 0)
        try devnet.nextRound(3)
        try devnet.rpc("devnet_queue", [p2])
        try devnet.rpc("devnet_execute", [p2])
        // Stake moves: D2 leaves O1 for O2. Then poll B (left open) and P3 (left active).
        try devnet.rpc("devnet_bond", [d2, o2, "50000000000000000000"])
        try devnet.nextRound()
        for o in [o1, o2, o3] { try devnet.rpc("devnet_reward", [o]) }
        let p3 = try propose(o1, "# Still voting\n")
        let pollB = try devnet.createPoll(by: o2, "QmPollB")
        try devnet.rpc("devnet_vote", [o2, pollB, 0])
        try devnet.rpc("devnet_vote", [d2, pollB, 1])
        try devnet.nextRound(2)

        let node = ["--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url, "--db", "l.sqlite"]
        let db = ["--db", "l.sqlite"]
        let before = try devnet.stats()
        let first = try lip(["ledger", "sync", "polls"] + node, in: dir)
        XCTAssertEqual(first.code, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("2 new polls, 0 read again; 1 still open"), first.stdout)
        // Requests grow with polls and voters, not with blocks: chain id, head, one log range of
        // PollCreated; per poll its deciding block, one range of votes, the pool (an eth_call per
        // orchestrator, and the end), and one Multicall3 batch of views; then the chain's clock the
        // site dates open votes with (the scan's block, the sample block, the round's views).
        // Counted by the devnet.
        let requests = try devnet.stats().requests - before.requests
        XCTAssertLessThanOrEqual(requests, 3 + 2 * (2 + 4 + 2) + 3, "\(requests) requests: \(first.stdout)")
        let clock = try XCTUnwrap(try Ledger(path: dir.appendingPathComponent("l.sqlite").path, create: false).clock(chain: .l2))
        let scanned = Int(try XCTUnwrap(try devnet.rpc("eth_blockNumber") as? String).dropFirst(2), radix: 16)!
        XCTAssertEqual(clock.headBlock, scanned, "the clock is kept at the block the scan reached")
        XCTAssertGreaterThan(clock.sampleBlocks, 0)
        XCTAssertNotNil(clock.round, "the devnet names a RoundsManager")
        let proposalsSync = try lip(["ledger", "sync", "proposals"] + node, in: dir)
        XCTAssertEqual(proposalsSync.code, 0)
        XCTAssertEqual(proposalsSync.stderr, "")
        // The syncs kept the count of each ended poll and decided proposal (as many as turnout's
        // rows), so the records below read them instead of counting again.
        let kept = try Ledger(path: dir.appendingPathComponent("l.sqlite").path, create: false).rowCount("vote_summaries")
        let turnoutRows = try XCTUnwrap(try json(try lip(["turnout", "--format", "json"] + db, in: dir)) as? [[String: Any]])
        XCTAssertEqual(kept, turnoutRows.count)
        XCTAssertGreaterThan(kept, 0)
        // The site's records, every vote counted once, are the records `lip voter` makes alone,
        // on this synced ledger (partial snapshots, the pool's stored stakes).
        let synced = try Ledger(path: dir.appendingPathComponent("l.sqlite").path, create: false)
        let all = try VoterRecords.build(ledger: synced, workspace: Workspace(root: dir), network: "devnet")
        XCTAssertGreaterThan(all.accounts.count, 3)
        for (i, account) in all.accounts.enumerated() {
            let alone = try VoterRecord.build(
                account: account, ledger: synced, workspace: Workspace(root: dir), network: "devnet", readers: .init(pollRow: nil, bondingVotes: nil))
            XCTAssertEqual(all.record(i).entries, alone.entries, "\(account)")
            XCTAssertEqual(all.record(i).warnings, alone.warnings, "\(account)")
        }

        // The polls the ledger found: A ended with the contracts' result, B open.
        let expectedA = try XCTUnwrap(try devnet.rpc("devnet_expected", [pollA, NSNull(), [o3, d3, nobody]]) as? [String: Any])
        let weightsA = try XCTUnwrap(expectedA["weights"] as? [String: String]), asIfA = try XCTUnwrap(expectedA["asIf"] as? [String: String])
        let polls = try XCTUnwrap(try json(try lip(["poll", "list", "--format", "json"] + db, in: dir)) as? [[String: Any]])
        XCTAssertEqual(polls.map { $0["address"] as? String }, [pollA, pollB])
        XCTAssertEqual(polls.map { $0["state"] as? String }, ["ended", "open"])
        XCTAssertEqual(polls[0]["result"] as? String, expectedA["result"] as? String)
        XCTAssertEqual(polls[1]["result"] as? NSNull, NSNull())

        // O1's record: each poll entry is what the contracts weigh; each proposal entry the governor's count.
        let recordO1 = try XCTUnwrap(try json(try lip(["voter", o1, "--format", "json"] + db, in: dir)) as? [String: Any])
        let o1A = try entry(recordO1, "poll", pollA.lowercased())
        XCTAssertEqual(o1A["weight"] as? String, weightsA[o1])
        XCTAssertEqual(o1A["voted"] as? String, "yes")
        XCTAssertEqual(o1A["role"] as? String, "orchestrator")
        XCTAssertEqual(o1A["outcome"] as? String, expectedA["result"] as? String)
        let countedP1 = try XCTUnwrap((try devnet.rpc("devnet_expectedProposal", [p1]) as? [String: Any])?["counted"] as? [String: String])
        let countedP2 = try XCTUnwrap((try devnet.rpc("devnet_expectedProposal", [p2]) as? [String: Any])?["counted"] as? [String: String])
        let o1P1 = try entry(recordO1, "proposal", p1)
        XCTAssertEqual(o1P1["weight"] as? String, countedP1[o1])
        XCTAssertEqual(o1P1["voted"] as? String, "against")
        XCTAssertEqual(o1P1["reason"] as? String, "not now")
        XCTAssertEqual(o1P1["lip"] as? Int, 101)
        XCTAssertEqual(o1P1["outcome"] as? String, "Defeated")
        XCTAssertEqual(try entry(recordO1, "proposal", p2)["outcome"] as? String, "Executed")
        XCTAssertEqual(try entry(recordO1, "proposal", p2)["weight"] as? String, countedP2[o1])
        XCTAssertEqual(try entry(recordO1, "proposal", p3)["open"] as? Bool, true)
        XCTAssertEqual(try entry(recordO1, "poll", pollB.lowercased())["open"] as? Bool, true)
        let summaryO1 = try XCTUnwrap(recordO1["summary"] as? [String: Any])
        let aWon = expectedA["result"] as? String == "yes"
        XCTAssertEqual(summaryO1["eligible"] as? Int, 3)
        XCTAssertEqual(summaryO1["voted"] as? Int, 3)
        XCTAssertEqual(summaryO1["participation"] as? String, "1.0000")
        XCTAssertEqual(summaryO1["withOutcome"] as? Int, aWon ? 3 : 2)
        // A delegator that overrode before its orchestrator voted: its own stake, and its orchestrator's choice.
        let recordD1 = try XCTUnwrap(try json(try lip(["voter", d1, "--format", "json"] + db, in: dir)) as? [String: Any])
        let d1A = try entry(recordD1, "poll", pollA.lowercased())
        XCTAssertEqual(d1A["weight"] as? String, weightsA[d1])
        XCTAssertEqual(d1A["role"] as? String, "delegator")
        XCTAssertEqual(d1A["delegate"] as? String, o1)
        XCTAssertEqual(d1A["delegateVoted"] as? String, "yes")
        XCTAssertEqual(try entry(recordD1, "proposal", p1)["delegateVoted"] as? String, "against")
        XCTAssertEqual(try entry(recordD1, "proposal", p1)["weight"] as? String, countedP1[d1])
        // The changed vote counts as its last; the invalid choice is no vote.
        XCTAssertEqual(
            try entry(try XCTUnwrap(try json(try lip(["voter", o2, "--format", "json"] + db, in: dir)) as? [String: Any]), "poll", pollA.lowercased())["voted"] as? String, "yes")
        let recordD3 = try XCTUnwrap(try json(try lip(["voter", d3, "--format", "json"] + db, in: dir)) as? [String: Any])
        XCTAssertEqual(try entry(recordD3, "poll", pollA.lowercased())["voted"] as? NSNull, NSNull())
        XCTAssertEqual(try entry(recordD3, "poll", pollA.lowercased())["weight"] as? String, asIfA[d3])
        // The large orchestrator that never votes: eligible everywhere, participation 0.
        let recordO3 = try XCTUnwrap(try json(try lip(["voter", o3, "--format", "json"] + db, in: dir)) as? [String: Any])
        XCTAssertEqual(try entry(recordO3, "poll", pollA.lowercased())["weight"] as? String, asIfA[o3])
        let snapshotP2 = try XCTUnwrap((try devnet.rpc("devnet_proposal", [p2]) as? [String: Any])?["snapshot"] as? Int)
        XCTAssertEqual(try entry(recordO3, "proposal", p2)["weight"] as? String, try pastVotes(devnet, o3, round: snapshotP2))
        XCTAssertEqual((recordO3["summary"] as? [String: Any])?["participation"] as? String, "0.0000")
        XCTAssertEqual((recordO3["summary"] as? [String: Any])?["voted"] as? Int, 0)
        let recordNobody = try XCTUnwrap(try json(try lip(["voter", nobody, "--format", "json"] + db, in: dir)) as? [String: Any])
        XCTAssertEqual((recordNobody["summary"] as? [String: Any])?["eligible"] as? Int, 0)
        XCTAssertEqual((recordNobody["summary"] as? [String: Any])?["participation"] as? NSNull, NSNull())

        // Turnout: the tally's totals, the governor's, and O3 first among those that stayed away.
        let turnout = try XCTUnwrap(try json(try lip(["turnout", "--format", "json"] + db, in: dir)) as? [[String: Any]])
        XCTAssertEqual(turnout.map { "\($0["kind"]!) \($0["id"]!)" }, ["proposal \(p1)", "proposal \(p2)", "poll \(pollA.lowercased())"], "by creation block")
        let rowA = try XCTUnwrap(turnout.first { $0["id"] as? String == pollA.lowercased() })
        let yes = BigUInt(expectedA["yes"] as? String ?? "") ?? 0, no = BigUInt(expectedA["no"] as? String ?? "") ?? 0
        XCTAssertEqual(rowA["totalVoteStake"] as? String, String(yes + no))
        XCTAssertEqual(rowA["totalStake"] as? String, expectedA["totalStake"] as? String)
        let nonVotersA = try XCTUnwrap(rowA["largestNonVoters"] as? [[String: Any]])
        XCTAssertEqual(nonVotersA.first?["address"] as? String, o3)
        XCTAssertEqual(nonVotersA.first?["weight"] as? String, asIfA[o3])
        let rowP2 = try XCTUnwrap(turnout.first { $0["id"] as? String == p2 })
        let expectedP2 = try XCTUnwrap(try devnet.rpc("devnet_expectedProposal", [p2]) as? [String: Any])
        let sumP2 = ["for", "against", "abstain"].map { BigUInt(expectedP2[$0] as? String ?? "") ?? 0 }.reduce(0, +)
        XCTAssertEqual(rowP2["totalVoteStake"] as? String, String(sumP2))
        let onchainP2 = try XCTUnwrap(try devnet.rpc("devnet_proposal", [p2]) as? [String: Any])
        XCTAssertEqual(
            rowP2["totalVoteStake"] as? String, String(["for", "against", "abstain"].map { BigUInt(onchainP2[$0] as? String ?? "") ?? 0 }.reduce(0, +)),
            "the governor's proposalVotes")
        XCTAssertEqual(rowP2["outcome"] as? String, "Executed")
        XCTAssertEqual((rowP2["largestNonVoters"] as? [[String: Any]])?.first?["address"] as? String, o3)
        XCTAssertEqual((rowP2["largestNonVoters"] as? [[String: Any]])?.first?["weight"] as? String, try pastVotes(devnet, o3, round: snapshotP2))
        XCTAssertEqual(try lip(["turnout", "--format", "svg"] + db, in: dir).stdout.components(separatedBy: "<circle").count - 1, 1 + 1, "one poll and the legend's")

        // Due: B and P3 are open. O2 voted on B, not on P3: a vote awaits it (exit 1); nobody
        // has no stake (exit 0); once O1 votes on both and the ledger is synced, nothing awaits it.
        let due = try XCTUnwrap(try json(try lip(["due", o2, "--format", "json"] + node, in: dir), code: 1) as? [String: Any])
        let votes = try XCTUnwrap(due["votes"] as? [[String: Any]])
        XCTAssertEqual(Set(votes.map { $0["id"] as? String ?? "" }), [pollB.lowercased(), p3])
        let dueB = try XCTUnwrap(votes.first { $0["id"] as? String == pollB.lowercased() })
        XCTAssertEqual((dueB["account"] as? [String: Any])?["voted"] as? String, "yes")
        XCTAssertEqual((dueB["account"] as? [String: Any])?["awaits"] as? Bool, false)
        let head = try XCTUnwrap(Int(String((try devnet.rpc("eth_blockNumber") as? String ?? "0x0").dropFirst(2)), radix: 16))
        let endB = try XCTUnwrap(polls[1]["endBlock"] as? Int)
        XCTAssertEqual(dueB["blocksLeft"] as? Int, endB - head)
        let dueP3 = try XCTUnwrap(votes.first { $0["id"] as? String == p3 })
        XCTAssertEqual((dueP3["account"] as? [String: Any])?["awaits"] as? Bool, true)
        XCTAssertEqual(try lip(["due", nobody] + node, in: dir).code, 0)
        let d2Due = try lip(["due", d2] + node, in: dir)
        XCTAssertEqual(d2Due.code, 1, d2Due.stderr)
        XCTAssertTrue(d2Due.stdout.contains("its orchestrator \(o2) voted yes"), d2Due.stdout)
        try devnet.rpc("devnet_vote", [o1, pollB, 1])
        try castVote(o1, p3, 1)
        XCTAssertEqual(try lip(["due", o1] + node, in: dir).code, 1, "the ledger does not have its votes yet")
        let again = try lip(["ledger", "sync", "polls"] + node, in: dir)
        XCTAssertTrue(again.stdout.contains("0 new polls, 1 read again; 1 still open"), again.stdout)
        XCTAssertEqual(try lip(["ledger", "sync", "proposals"] + node, in: dir).code, 0)
        let o1Due = try lip(["due", o1] + node, in: dir)
        XCTAssertEqual(o1Due.code, 0, o1Due.stdout + o1Due.stderr)
        XCTAssertTrue(o1Due.stdout.contains("Nothing awaits this account."), o1Due.stdout)
        // The calendar: RFC 5545, CRLF, folded, one event per open vote.
        let ics = try lip(["due", "--format", "ics"] + node, in: dir)
        XCTAssertEqual(ics.code, 0, ics.stderr)
        XCTAssertTrue(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), ics.stdout)
        XCTAssertEqual(ics.stdout.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1, 2, ics.stdout)
        XCTAssertTrue(ics.stdout.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        XCTAssertTrue(ics.stdout.contains("UID:poll-\(pollB.lowercased())@devnet.lip"), ics.stdout)

        // B ends: the next run decides it; then nothing is read again.
        try devnet.rpc("devnet_mine", [60])
        let decided = try lip(["ledger", "sync", "polls"] + node, in: dir)
        XCTAssertTrue(decided.stdout.contains("0 new polls, 1 read again; 0 still open"), decided.stdout)
        let expectedB = try XCTUnwrap(try devnet.rpc("devnet_expected", [pollB]) as? [String: Any])
        let listed = try XCTUnwrap(try json(try lip(["poll", "list", "--format", "json"] + db, in: dir)) as? [[String: Any]])
        XCTAssertEqual(listed[1]["result"] as? String, expectedB["result"] as? String)
        let recordD2 = try XCTUnwrap(try json(try lip(["voter", d2, "--format", "json"] + db, in: dir)) as? [String: Any])
        XCTAssertEqual(try entry(recordD2, "poll", pollB.lowercased())["weight"] as? String, (expectedB["weights"] as? [String: String])?[d2])
        XCTAssertEqual(try entry(recordD2, "poll", pollB.lowercased())["delegate"] as? String, o2, "the stake moved between the polls")
        let quiet = try lip(["ledger", "sync", "polls"] + node, in: dir)
        XCTAssertTrue(quiet.stdout.contains("0 new polls, 0 read again; 0 still open"), quiet.stdout)
        // What a person reads (the devnet runs the same way each time).
        assertGolden(try lip(["voter", o1] + db, in: dir).stdout, "voter-devnet.txt")
        assertGolden(try lip(["turnout"] + db, in: dir).stdout, "turnout-devnet.txt")
        assertGolden(try lip(["poll", "list"] + db, in: dir).stdout, "poll-list-devnet.txt")
        assertGolden(try lip(["turnout", "--format", "svg"] + db, in: dir).stdout, "turnout-devnet.svg")
        assertGolden(try lip(["voter", o1, "--format", "csv"] + db, in: dir).stdout, "voter-devnet.csv")
    }
}
