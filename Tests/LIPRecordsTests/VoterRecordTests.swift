import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPEthereum
@testable import LIPGovernor
@testable import LIPLedger
@testable import LIPRecords
@testable import LIPTally

/// Records, turnout and deadlines on a ledger built here, every figure computed by hand. Amounts
/// are whole LPT.
///
/// The L2 snapshot at block 1000 (L1 block 1000): O1 (100, delegated 150) with D1 30 and D2 20; O2
/// (50, delegated 90) with D3 40; O3 (500), the largest, never votes. Total 740. The poll (quorum
/// 10%, quota 50%, ends at L1 block 1000): O1 yes, D1 no (overriding O1), O2 no, D3 choice 2 (no
/// vote). Counted: O1 150 - 30 = 120 yes, D1 30 no, O2 90 no: yes 120, no 120, so no.
/// Proposal 7 (Succeeded): O1 for with 150, D1 against with 30: O1 counts 120.
final class VoterRecordTests: XCTestCase {
    var dir: URL!
    var ledger: Ledger!
    let O1 = addr("01"), O2 = addr("02"), O3 = addr("03"), D1 = addr("d1"), D2 = addr("d2"), D3 = addr("d3"), nobody = addr("ee"), poll = addr("90")

    func L(_ n: Int) -> BigUInt { BigUInt(n) * Amount.weiPerLPT }
    func a(_ s: String) -> Address { Address(s)! }

    override func setUpWithError() throws {
        dir = try temporaryDirectory(self)
        ledger = try Ledger(path: dir.appendingPathComponent("ledger.sqlite").path, create: true)
        let csv = """
            account,delegate,stake,status,active
            \(O1),\(O1),\(lpt(100)),registered,true
            \(D1),\(O1),\(lpt(30)),,
            \(D2),\(O1),\(lpt(20)),,
            \(O2),\(O2),\(lpt(50)),registered,true
            \(D3),\(O2),\(lpt(40)),,
            \(O3),\(O3),\(lpt(500)),registered,true

            """
        let snapshot = dir.appendingPathComponent("s.csv")
        try Data(csv.utf8).write(to: snapshot)
        _ = try ledger.importSnapshot(snapshot, path: "s.csv", options: SnapshotOptions(chain: .l2, block: 1000, l1Block: 1000))
        var maker = LogMaker()
        maker.block = 50
        var logs = [maker.pollCreated(poll: poll, proposal: "QmRecords", endBlock: 1000, quorum: 100_000)]
        maker.block = 60
        for (voter, choice) in [(O1, 0), (D1, 1), (O2, 1), (D3, 2)] { logs.append(maker.vote(poll: poll, voter: voter, choice: choice)) }
        let url = dir.appendingPathComponent("logs.json")
        try writeJSON(logs, to: url)
        _ = try ledger.importLogs(url, path: "logs.json", chain: .l2)
        try importProposal(id: 7, state: 4)
    }

    /// Proposal `id` (created at block 100): O1 for 150, D1 against 30, in state `state`.
    func importProposal(id: Int, state: Int, votes: Bool = true) throws {
        var scenario = GovernorScenario()
        scenario.proposalID = BigUInt(id)
        scenario.state = state
        scenario.totalSupply = L(740)
        if votes {
            scenario.votes = [GovernorScenario.Vote(a(O1), 1, L(150)), GovernorScenario.Vote(a(D1), 0, L(30), reason: "too soon")]
            scenario.delegations = [a(O1): a(O1), a(D1): a(O1)]
        }
        let logs = dir.appendingPathComponent("gov\(id).json"), views = dir.appendingPathComponent("state\(id).json")
        // Each proposal's logs in transactions of their own (the scenario numbers them by block).
        try Data(scenario.logsJSON().replacingOccurrences(of: "\"transactionHash\":\"0x0", with: "\"transactionHash\":\"0x\(id % 10)").utf8).write(to: logs)
        try Data(scenario.stateJSON().utf8).write(to: views)
        _ = try ledger.importLogs(logs, path: "gov\(id).json", chain: .l2)
        _ = try ledger.importGovernorState(views, path: "state\(id).json")
    }

    func record(_ account: String) throws -> VoterRecord {
        try VoterRecord.build(account: a(account), ledger: ledger, workspace: nil, network: "mainnet", readers: .init(pollRow: nil, bondingVotes: nil))
    }

    func testEachEntryIsWhatTheWeightsSayAtTheDecidingPoint() throws {
        let o1 = try record(O1)
        XCTAssertEqual(o1.entries.map(\.kind), [.poll, .proposal], "by creation block: the poll at 50, the proposal at 100")
        let (p, g) = (o1.entries[0], o1.entries[1])
        XCTAssertEqual([p.role, p.voted, p.outcome], ["orchestrator", "yes", "no"])
        XCTAssertEqual(p.weight, L(120), "150 delegated less D1's 30")
        XCTAssertFalse(p.open)
        XCTAssertEqual([g.role, g.voted, g.outcome], ["orchestrator", "for", "Succeeded"])
        XCTAssertEqual(g.weight, L(120))
        XCTAssertEqual(g.endRound, 3410)
        XCTAssertEqual([o1.eligible, o1.voted, o1.withOutcome], [2, 2, 1], "its yes lost the poll; its for carried the proposal")
        XCTAssertEqual(o1.participation, "1.0000")
        // A delegator that did not vote: what its vote would count, and its orchestrator's choice.
        let d2 = try record(D2)
        XCTAssertEqual(d2.entries[0].weight, L(20))
        XCTAssertEqual(d2.entries[0].delegateVoted, "yes")
        XCTAssertEqual(d2.entries[0].delegate, a(O1))
        XCTAssertNil(d2.entries[0].voted)
        // The override: D1's own stake, and its reason on the proposal.
        let d1 = try record(D1)
        XCTAssertEqual(d1.entries[0].weight, L(30))
        XCTAssertEqual(d1.entries[1].reason, "too soon")
        XCTAssertEqual(d1.entries[1].delegateVoted, "for")
        XCTAssertEqual(d1.withOutcome, 1, "its no won the poll; its against lost the proposal")
        // An invalid choice is no vote; its weight is what a valid one would count.
        let d3 = try record(D3)
        XCTAssertNil(d3.entries[0].voted)
        XCTAssertEqual(d3.entries[0].weight, L(40))
        // The orchestrator that never votes: the ledger has its poll stake but not its proposal votes.
        let o3 = try record(O3)
        XCTAssertEqual(o3.entries[0].weight, L(500))
        XCTAssertNil(o3.entries[1].weight, "no getPastVotes in the ledger, no node")
        XCTAssertEqual(o3.warnings.count, 1)
        XCTAssertTrue(o3.warnings[0].contains("give --rpc URL"), o3.warnings[0])
        XCTAssertEqual([o3.eligible, o3.voted], [1, 0])
        XCTAssertEqual(o3.participation, "0.0000")
        // No stake: nothing eligible, participation null.
        let none = try record(nobody)
        XCTAssertEqual(none.entries[0].role, "none")
        XCTAssertEqual(none.entries[0].weight, 0)
        XCTAssertEqual(none.eligible, 0)
        XCTAssertNil(none.participation)
        XCTAssertEqual(none.json.serialized(pretty: false).contains("\"participation\":null"), true)
    }

    /// With the pool's BondingVotes stored (as `lip ledger sync proposals` stores them), the
    /// orchestrator that never voted is weighed on the proposal too, and turnout names it.
    func testTurnoutNamesTheLargestThatDidNotVote() throws {
        var turnout = try Turnout.build(ledger: ledger, workspace: nil)
        XCTAssertEqual(turnout.rows.map(\.kind), [.poll, .proposal])
        let poll = turnout.rows[0]
        XCTAssertEqual([poll.totalVoteStake, poll.totalStake], [L(240), L(740)])
        XCTAssertEqual(poll.participation, "0.3243", "240 / 740 = 0.32432…, truncated")
        XCTAssertTrue(poll.quorumMet)
        XCTAssertEqual(poll.outcome, "no")
        XCTAssertEqual(poll.largestNonVoters, [Turnout.NonVoter(address: a(O3), weight: L(500))], "O1 and O2 voted")
        XCTAssertEqual(turnout.rows[1].totalVoteStake, L(150), "120 for + 30 against, O1's overridden 30 counted once")
        XCTAssertEqual(turnout.rows[1].largestNonVoters, [])
        let state = try GovernorStateFile(data: try Data(contentsOf: dir.appendingPathComponent("state7.json")), path: "state7.json")
        _ = try ledger.storeProposalSync(
            logs: [], state: state,
            stakes: [7: [ProposalStake(account: a(O3), votes: L(500), delegate: a(O3)), ProposalStake(account: a(O1), votes: L(150), delegate: a(O1))]],
            record: ImportRecord(kind: .proposalSync, file: "test", sha256: "00"))
        turnout = try Turnout.build(ledger: ledger, workspace: nil)
        XCTAssertEqual(turnout.rows[1].largestNonVoters, [Turnout.NonVoter(address: a(O3), weight: L(500))], "O1 voted: not listed")
        XCTAssertEqual(try record(O3).entries[1].weight, L(500))
        XCTAssertEqual(try record(O3).eligible, 2)
    }

    /// Sets the outcome of every kept summary of `kind`: what a record then shows came from them.
    func tamper(_ kind: VoteSummary.Kind) throws {
        try ledger.database.write { try $0.execute(sql: "UPDATE vote_summaries SET outcome = 'kept' WHERE kind = ?", arguments: [kind.rawValue]) }
    }

    func testAKeptSummaryIsReadUntilWhatItWasCountedFromChanges() throws {
        XCTAssertEqual(try Turnout.build(ledger: ledger, workspace: nil).rows.map(\.outcome), ["no", "Succeeded"])
        try tamper(.poll)
        try tamper(.proposal)
        XCTAssertEqual(try Turnout.build(ledger: ledger, workspace: nil).rows.map(\.outcome), ["kept", "kept"], "read back, not counted again")
        XCTAssertEqual(try PollList.build(ledger: ledger, workspace: nil).rows.map(\.result), ["kept"])
        XCTAssertEqual(try record(O1).entries.map(\.outcome), ["kept", "Succeeded"], "a proposal's outcome is its state")
        // Nothing a count reads: the same logs again, gas prices.
        _ = try ledger.importLogs(dir.appendingPathComponent("logs.json"), path: "logs.json", chain: .l2)
        let prices = dir.appendingPathComponent("prices.csv")
        try Data("block,timestamp,base_fee_wei,priority_fee_wei\n5,1700000000,100,1\n".utf8).write(to: prices)
        _ = try ledger.importGasPrices(prices, path: "prices.csv", chain: .l2)
        XCTAssertEqual(try Turnout.build(ledger: ledger, workspace: nil).rows.map(\.outcome), ["kept", "kept"])
        // Another governor's proposal: the poll's summary and proposal 7's still hold.
        var other = GovernorScenario()
        other.governor = a(addr("9b"))
        other.proposalID = 9
        other.state = 3
        try Data(other.stateJSON().utf8).write(to: dir.appendingPathComponent("other.json"))
        _ = try ledger.importGovernorState(dir.appendingPathComponent("other.json"), path: "other.json")
        XCTAssertEqual(try Turnout.build(ledger: ledger, workspace: nil).rows.map(\.outcome), ["kept", "kept"])
        // A vote of the poll: counted again. D3 votes yes with 40: yes 160, no 30 + (90 - 40).
        var maker = LogMaker()
        maker.block = 70
        try writeJSON([maker.vote(poll: poll, voter: D3, choice: 0)], to: dir.appendingPathComponent("d3.json"))
        _ = try ledger.importLogs(dir.appendingPathComponent("d3.json"), path: "d3.json", chain: .l2)
        let turnout = try Turnout.build(ledger: ledger, workspace: nil)
        XCTAssertEqual(turnout.rows.map(\.outcome), ["yes", "Succeeded"])
        XCTAssertEqual(turnout.rows[0].totalVoteStake, L(240))
        XCTAssertEqual(try record(O2).entries[0].weight, L(50))
        // A summary counted before a write (here, a revision raised by hand) is not kept.
        let revisions = try ledger.summaryRevisions(.poll)
        try ledger.database.write { try $0.execute(sql: "UPDATE ledger_revisions SET revision = revision + 1 WHERE key = '*'") }
        let stale = VoteSummary(kind: .poll, id: "x", rules: "", totalVoteStake: 0, totalStake: 0, quorumMet: false, outcome: "no", largestNonVoters: [])
        XCTAssertFalse(try ledger.keep(stale, countedAt: revisions))
    }

    func testPollListAndDeadlines() throws {
        let list = try PollList.build(ledger: ledger, workspace: nil)
        XCTAssertEqual(list.rows.count, 1)
        XCTAssertEqual(list.rows[0].open, false)
        XCTAssertEqual(list.rows[0].result, "no")
        XCTAssertEqual(list.rows[0].participation, "0.3243")
        // An active proposal 8 without votes; the head at L1 block 950 of round 3405 (started at 940, 10 blocks long).
        try importProposal(id: 8, state: 1, votes: false)
        let clock = ChainClock(headBlock: 5000, position: 950, timestamp: 1_800_000_000, sampleSeconds: 1200, sampleBlocks: 100, round: (3405, 940, 10))
        let due = try Deadlines.build(
            ledger: ledger, workspace: nil, network: "mainnet", chain: .l2, clock: clock, account: a(D2), readers: .init(pollRow: nil, bondingVotes: nil))
        XCTAssertEqual(due.items.map(\.kind), [.proposal, .poll], "by deadline: the proposal after round 3410 (block 999), the poll at block 1000")
        let (proposal, poll) = (due.items[0], due.items[1])
        XCTAssertEqual(poll.blocksLeft, 50)
        XCTAssertEqual(poll.roundsLeft, 6, "block 1000 is in round 3405 + (1000 - 940) / 10")
        XCTAssertEqual(poll.estimatedTime, 1_800_000_000 + 50 * 12)
        XCTAssertEqual(proposal.deadlineBlock, 940 + 6 * 10 - 1)
        XCTAssertEqual(proposal.roundsLeft, 5)
        XCTAssertEqual(proposal.title, "Fund the test SPE")
        XCTAssertEqual(poll.account?.awaits, true, "D2 holds 20 and has not voted; its orchestrator voted yes")
        XCTAssertEqual(poll.account?.delegateVoted, "yes")
        XCTAssertTrue(due.awaitsVote)
        // An account that voted in the poll, and whose proposal weight the ledger lacks: that one awaits (unknown counts).
        let o1 = try Deadlines.build(
            ledger: ledger, workspace: nil, network: "mainnet", chain: .l2, clock: clock, account: a(O1), readers: .init(pollRow: nil, bondingVotes: nil))
        XCTAssertEqual(o1.items[1].account?.awaits, false)
        XCTAssertEqual(o1.items[0].account?.awaits, true)
        // Without an account nothing awaits; past the end block the poll is not listed.
        var later = clock
        later.position = 1000
        let none = try Deadlines.build(ledger: ledger, workspace: nil, network: "mainnet", chain: .l2, clock: later, account: nil, readers: .init(pollRow: nil, bondingVotes: nil))
        XCTAssertEqual(none.items.map(\.kind), [.proposal])
        XCTAssertFalse(none.awaitsVote)
    }

    func testSharesAreTruncatedToFourDecimals() {
        XCTAssertEqual(truncatedShare(2, of: 3), "0.6666")
        XCTAssertEqual(truncatedShare(3, of: 3), "1.0000")
        XCTAssertEqual(truncatedShare(1, of: 30_000), "0.0000")
        XCTAssertEqual(truncatedShare(7, of: 2), "3.5000")
        XCTAssertNil(truncatedShare(1, of: 0))
    }
}

extension VoterRecordTests {
    func testManyWarningsAreSaidOnce() {
        XCTAssertEqual(VoterRecord.summarized(["a", "b", "c"]), ["a", "b", "c"])
        XCTAssertEqual(VoterRecord.summarized(["a", "b", "c", "d", "e"]), ["a", "b", "… and 3 more votes whose weight the ledger cannot give (the last: e)"])
    }
}
