import BigInt
import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPDocuments
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTally

/// Hand-computed tallies. Amounts are whole LPT unless said otherwise.
final class TallyTests: XCTestCase {
    let O1 = addr("01"), O2 = addr("02"), D1 = addr("d1"), D2 = addr("d2"), D3 = addr("d3"), D4 = addr("d4"), V = addr("fe")
    let poll = Address(addr("90"))!

    func L(_ n: Int) -> BigUInt { BigUInt(n) * Amount.weiPerLPT }

    func pos(_ account: String, _ delegate: String?, _ stake: Int, delegated: Int = 0, registered: Bool = false, active: Bool = false, domain: Chain = .l1) -> Position {
        Position(account: account, delegate: delegate, stake: L(stake), delegatedStake: L(delegated), registered: registered, active: active, domain: domain)
    }

    /// O1 (active) 100 + D1 30 + D2 20 = 150; O2 50 + D3 40 = 90; D4 10 with no delegate. Total 250.
    var positions: [Position] {
        [
            pos(O1, O1, 100, delegated: 150, registered: true, active: true), pos(D1, O1, 30), pos(D2, O1, 20),
            pos(O2, O2, 50, delegated: 90, registered: true), pos(D3, O2, 40), pos(D4, nil, 10),
        ]
    }

    var votes: [CastVote] {
        [
            CastVote(voter: O1, choice: "0", block: 10, logIndex: 0), CastVote(voter: D1, choice: "1", block: 10, logIndex: 1),
            CastVote(voter: O2, choice: "1", block: 11, logIndex: 0), CastVote(voter: D3, choice: "0", block: 10, logIndex: 5),
            CastVote(voter: D3, choice: "1", block: 12, logIndex: 0), CastVote(voter: D4, choice: "2", block: 13, logIndex: 0),
            CastVote(voter: V, choice: "0", block: 13, logIndex: 1),
        ]
    }

    func inputs(
        quorum: Int = 333300, quota: Int = 500000, base: QuorumBase = .bonded, positions: [Position]? = nil, votes: [CastVote]? = nil, provisional: Bool = false
    ) -> TallyInputs {
        TallyInputs(
            poll: PollParameters(address: poll, lip: 120, chain: .l1, endBlock: 1000, quorum: BigUInt(quorum), quota: BigUInt(quota)),
            stakeMode: .l1, quorumBase: base, snapshots: [SnapshotReference(chain: .l1, block: 1000, l1Block: nil)], provisional: provisional,
            positions: positions ?? self.positions, votes: votes ?? self.votes)
    }

    func weight(_ r: TallyResult, _ voter: String) -> BigUInt? { r.voters.first { $0.address.lowercased == voter }?.weight }

    func testOverridesLastVoteInvalidChoiceAndVoterWithoutStake() {
        let r = TallyEngine.tally(inputs())
        XCTAssertEqual(weight(r, O1), L(120), "150 delegated minus D1's 30, who voted himself")
        XCTAssertEqual(weight(r, D1), L(30))
        XCTAssertEqual(weight(r, D3), L(40), "D3's last vote (no, block 12) wins")
        XCTAssertEqual(r.voters.first { $0.address.lowercased == D3 }?.choice, .no)
        XCTAssertEqual(weight(r, O2), L(50), "90 minus D3's 40")
        XCTAssertNil(weight(r, D4), "choice 2 is ignored: D4 did not vote")
        XCTAssertEqual(weight(r, V), 0, "a voter without stake weighs 0 and is listed")
        XCTAssertEqual(r.yes, L(120))
        XCTAssertEqual(r.no, L(120))
        XCTAssertEqual(r.totalStake, L(250))
        XCTAssertTrue(r.quorumMet)
        XCTAssertEqual(r.result, .no, "yes must be more than half: 120 is not more than 120")
        XCTAssertTrue(r.warnings.contains("1 vote with a choiceID other than 0 (yes) or 1 (no) was ignored"))
        XCTAssertEqual(r.voters.map { $0.address.lowercased }, [O1, O2, D3, D1, V], "by weight, then address")
    }

    func testOrchestratorWithoutOverridingDelegators() {
        let r = TallyEngine.tally(inputs(votes: [CastVote(voter: O1, choice: "0", block: 1, logIndex: 0)]))
        XCTAssertEqual(r.yes, L(150))
        XCTAssertEqual(r.result, .yes)
    }

    func testInvalidChoiceDoesNotReplaceAnEarlierVote() {
        let r = TallyEngine.tally(inputs(votes: [CastVote(voter: D1, choice: "1", block: 1, logIndex: 0), CastVote(voter: D1, choice: "7", block: 2, logIndex: 0)]))
        XCTAssertEqual(r.voters.first?.choice, .no)
        XCTAssertEqual(r.no, L(30))
    }

    func testClampAtZeroWithWarning() {
        var ps = positions
        ps[0].delegatedStake = L(20)  // data says O1 has only 20 delegated, but D1 (30) voted
        let r = TallyEngine.tally(inputs(positions: ps))
        XCTAssertEqual(weight(r, O1), 0)
        XCTAssertTrue(
            r.warnings.contains {
                $0.hasPrefix("data: 0x0101010101010101010101010101010101010101 on l1 has delegated stake 20 LPT but its voting delegators hold 30 LPT")
            }, "\(r.warnings)")
    }

    func testQuorumNotMetAndBothBases() {
        let few = [CastVote(voter: D4, choice: "0", block: 1, logIndex: 0)]  // 10 of 250
        let bonded = TallyEngine.tally(inputs(votes: few))
        XCTAssertFalse(bonded.quorumMet)
        XCTAssertEqual(bonded.result, .quorumNotMet)
        XCTAssertEqual(bonded.quorumThreshold, BigUInt("83325000000000000000"), "floor(250 LPT × 33.33%) = 83.325 LPT")
        let active = TallyEngine.tally(
            inputs(base: .active, votes: few + [CastVote(voter: D2, choice: "0", block: 1, logIndex: 1), CastVote(voter: D3, choice: "0", block: 1, logIndex: 2)]))
        XCTAssertEqual(active.totalStake, L(150), "only O1 is registered and active")
        XCTAssertEqual(active.totalVoteStake, L(70))
        XCTAssertTrue(active.quorumMet, "70 >= floor(150 × 0.3333)")
        let bonded2 = TallyEngine.tally(inputs(votes: few + [CastVote(voter: D2, choice: "0", block: 1, logIndex: 1), CastVote(voter: D3, choice: "0", block: 1, logIndex: 2)]))
        XCTAssertFalse(bonded2.quorumMet, "70 < floor(250 × 0.3333)")
    }

    func testExplorerRuleWarning() {
        // 125 of 250 voted with quorum 50%: LIP-16 (>=) meets it, the explorer (>) does not.
        let exact = TallyEngine.tally(inputs(quorum: 500000, positions: [pos(D1, nil, 125), pos(D2, nil, 125)], votes: [CastVote(voter: D1, choice: "0", block: 1, logIndex: 0)]))
        XCTAssertTrue(exact.quorumMet)
        XCTAssertEqual(exact.result, .yes)
        XCTAssertTrue(
            exact.warnings.contains("the explorer's rule (participation and yes share strictly above the thresholds) gives `quorum-not-met`, LIP-16's gives `yes`"),
            "\(exact.warnings)")
    }

    func testProvisional() {
        let r = TallyEngine.tally(inputs(provisional: true))
        XCTAssertTrue(r.provisional)
        XCTAssertTrue(r.warnings.contains { $0.hasPrefix("provisional:") })
        XCTAssertEqual(r.json.serialized(pretty: false).contains(#""provisional":true"#), true)
    }

    func testOrderOfRowsAndVotesDoesNotMatter() {
        let base = TallyEngine.tally(inputs()).json.serialized()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let shuffled = TallyEngine.tally(inputs(positions: positions.shuffled(using: &generator), votes: votes.shuffled(using: &generator)))
            XCTAssertEqual(shuffled.json.serialized(), base)
        }
    }

    func testDigestChangesWithInputs() {
        let a = TallyEngine.tally(inputs()).inputsDigest
        var ps = positions
        ps[5].stake += 1
        XCTAssertNotEqual(TallyEngine.tally(inputs(positions: ps)).inputsDigest, a)
        XCTAssertEqual(a.count, 64)
    }

    /// On-chain totals given at import are the quorum base, by the rule asked.
    func testOnChainTotalsGivenAtImportAreTheQuorumBase() throws {
        let dir = try temporaryDirectory(self)
        let ledger = try Ledger(path: dir.appendingPathComponent("l.sqlite").path, create: true)
        let csv = "account,delegate,stake,status,active\n\(addr("aa")),\(addr("aa")),\(lpt(100)),registered,true\n\(addr("01")),\(addr("aa")),\(lpt(30)),,\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("s.csv"))
        _ = try ledger.importSnapshot(
            dir.appendingPathComponent("s.csv"), path: "s.csv", options: SnapshotOptions(chain: .l1, block: 1000, totalBonded: BigUInt(lpt(300))!, totalActive: BigUInt(lpt(150))!))
        let poll = PollParameters(address: Address(addr("90")), lip: nil, chain: .l1, endBlock: 1000, quorum: 333300, quota: 500000)
        XCTAssertEqual(TallyEngine.tally(try TallyInputs.load(from: ledger, poll: poll, stakeMode: .l1, quorumBase: .bonded)).totalStake, BigUInt(lpt(300))!)
        XCTAssertEqual(TallyEngine.tally(try TallyInputs.load(from: ledger, poll: poll, stakeMode: .l1, quorumBase: .active)).totalStake, BigUInt(lpt(150))!)
    }
}
