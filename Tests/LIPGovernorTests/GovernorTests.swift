import BigInt
import Crypto
import Foundation
import LIPTestSupport
import XCTest
@testable import LIPGovernor
@testable import LIPEthereum
@testable import LIPLedger

/// LivepeerGovernor counting (governor.md), computed by hand: orchestrator O1 weighs 1,000
/// (its delegators D1 = 100 and D2 = 50 included), O2 weighs 500 (D3 = 200), D4 delegates to X,
/// who is no orchestrator (X delegates to Y).
final class GovernorTests: XCTestCase {
    let o1 = GovernorScenario.address(0x01), o2 = GovernorScenario.address(0x02)
    let d1 = GovernorScenario.address(0x11), d2 = GovernorScenario.address(0x12), d3 = GovernorScenario.address(0x13), d4 = GovernorScenario.address(0x14)
    let x = GovernorScenario.address(0x20), y = GovernorScenario.address(0x21)

    var delegations: [Address: Address] { [o1: o1, o2: o2, d1: o1, d2: o1, d3: o2, d4: x, x: y] }

    func vote(_ voter: Address, _ support: VoteSupport, _ weight: Int, block: Int) -> GovernorVote {
        GovernorVote(voter: voter, support: support, weight: BigUInt(weight), reason: "", block: block, logIndex: 0)
    }

    func proposal() -> GovernorProposal {
        GovernorProposal(
            governor: GovernorScenario.address(0x9a), id: 42, proposer: o1, targets: [], values: [], signatures: [], calldatas: [], voteStart: 10, voteEnd: 20,
            description: "# Test\n", block: 1)
    }

    func views(supply: Int, onchain: ProposalTotals? = nil, state: ProposalState = .succeeded) -> ProposalViews {
        ProposalViews(id: 42, totalSupply: BigUInt(supply), quorumNumerator: 333_300, quota: 500_000, onchain: onchain, state: state, delegations: delegations)
    }

    func testDelegatorBeforeAndAfterItsOrchestrator() throws {
        let before = [vote(d1, .against, 100, block: 1), vote(o1, .for, 1000, block: 2)]
        let after = [vote(o1, .for, 1000, block: 1), vote(d1, .against, 100, block: 2)]
        for votes in [before, after] {
            let (totals, counted) = try ProposalCount.count(votes, delegations: delegations)
            XCTAssertEqual(totals, ProposalTotals(against: 100, for: 900, abstain: 0))
            XCTAssertEqual(counted.first { $0.vote.voter == o1 }?.countedWeight, 900)
            XCTAssertEqual(counted.first { $0.vote.voter == d1 }?.countedWeight, 100)
            XCTAssertEqual(counted.first { $0.vote.voter == d1 }?.role, .delegator)
        }
        // Two delegators of one orchestrator: both come off it.
        let (totals, _) = try ProposalCount.count(
            [vote(d1, .for, 100, block: 1), vote(o1, .against, 1000, block: 2), vote(d2, .abstain, 50, block: 3)], delegations: delegations)
        XCTAssertEqual(totals, ProposalTotals(against: 850, for: 100, abstain: 50))
    }

    func testOrchestratorThatDoesNotVoteWhileItsDelegatorDoes() throws {
        let (totals, counted) = try ProposalCount.count([vote(d3, .for, 200, block: 1)], delegations: delegations)
        XCTAssertEqual(totals, ProposalTotals(against: 0, for: 200, abstain: 0))
        XCTAssertEqual(counted.map(\.countedWeight), [200])
    }

    func testDelegatorOfANonOrchestratorCountsAsCast() throws {
        let (totals, counted) = try ProposalCount.count([vote(d4, .abstain, 70, block: 1), vote(o2, .against, 500, block: 2)], delegations: delegations)
        XCTAssertEqual(totals, ProposalTotals(against: 500, for: 0, abstain: 70))
        XCTAssertEqual(counted.first { $0.vote.voter == d4 }?.role, .other)
    }

    func testAbstainOnlyVotesReachQuorumAndSucceedWithAWarning() throws {
        // Quorum: floor(1,000 × 333,300 / 10^6) = 333; O1 abstains with 1,000.
        let r = try ProposalTally.tally(proposal: proposal(), views: views(supply: 1000), votes: [vote(o1, .abstain, 1000, block: 1)])
        XCTAssertEqual(r.quorum, 333)
        XCTAssertTrue(r.quorumMet)
        XCTAssertEqual(r.result, .succeeded)
        XCTAssertTrue(r.warnings.contains { $0.contains("only Abstain votes reached quorum") }, "\(r.warnings)")
        // Abstain carrying For + Against past quorum: For 100 + Against 0 < 333, Abstain 900 more.
        let carried = try ProposalTally.tally(
            proposal: proposal(), views: views(supply: 1000), votes: [vote(d1, .for, 100, block: 1), vote(o1, .abstain, 1000, block: 2)])
        XCTAssertEqual(carried.result, .succeeded)
        XCTAssertTrue(carried.warnings.contains { $0.contains("Abstain votes carried the proposal past quorum") }, "\(carried.warnings)")
    }

    func testQuorumNotMet() throws {
        // Quorum: floor(10,000 × 333,300 / 10^6) = 3,333 > 1,000 + 500.
        let r = try ProposalTally.tally(
            proposal: proposal(), views: views(supply: 10_000), votes: [vote(o1, .for, 1000, block: 1), vote(o2, .against, 500, block: 2)])
        XCTAssertEqual(r.quorum, 3333)
        XCTAssertFalse(r.quorumMet)
        XCTAssertEqual(r.result, .quorumNotMet)
    }

    func testQuotaIsAtLeastNotMoreThan() throws {
        // For 500 = floor((500 + 500) × 50%): succeeds (at least), unlike a poll's strict "more than".
        let r = try ProposalTally.tally(
            proposal: proposal(), views: views(supply: 1000), votes: [vote(o2, .for, 500, block: 1), vote(d4, .against, 500, block: 2)])
        XCTAssertEqual(r.quotaThreshold, 500)
        XCTAssertEqual(r.result, .succeeded)
        // For 498 against floor(998 × 50%) = 499: defeated; For 499 of 999 meets floor(499.5) = 499.
        let defeated = try ProposalTally.tally(
            proposal: proposal(), views: views(supply: 1000), votes: [vote(o2, .for, 498, block: 1), vote(d4, .against, 500, block: 2)])
        XCTAssertEqual(defeated.result, .defeated)
    }

    func testOnChainTotalsThatDifferAreReported() throws {
        let votes = [vote(d1, .against, 100, block: 1), vote(o1, .for, 1000, block: 2)]
        let same = try ProposalTally.tally(proposal: proposal(), views: views(supply: 1000, onchain: ProposalTotals(against: 100, for: 900, abstain: 0)), votes: votes)
        XCTAssertEqual(same.matchesChain, true)
        // The subgraph's sum of raw weights: For 1,000.
        let raw = try ProposalTally.tally(proposal: proposal(), views: views(supply: 1000, onchain: ProposalTotals(against: 100, for: 1000, abstain: 0)), votes: votes)
        XCTAssertEqual(raw.matchesChain, false)
        XCTAssertEqual(raw.differences, ["for: counted 900 wei, on chain 1000 wei"])
        let none = try ProposalTally.tally(proposal: proposal(), views: views(supply: 1000), votes: votes)
        XCTAssertNil(none.matchesChain)
    }

    func testMissingDelegationAndImpossibleOverridesAreErrors() {
        XCTAssertThrowsError(try ProposalCount.count([vote(GovernorScenario.address(0x77), .for, 1, block: 1)], delegations: delegations)) {
            XCTAssertEqual($0 as? ProposalCount.Problem, .missingDelegation(GovernorScenario.address(0x77)))
        }
        XCTAssertThrowsError(try ProposalCount.count([vote(o1, .for, 50, block: 1), vote(d1, .against, 100, block: 2)], delegations: delegations)) {
            XCTAssertEqual($0 as? ProposalCount.Problem, .overrides(orchestrator: o1, weight: 50, deducted: 100))
        }
    }

    func testProvisionalWhileVoting() throws {
        let r = try ProposalTally.tally(proposal: proposal(), views: views(supply: 1000, state: .active), votes: [vote(o1, .for, 1000, block: 1)])
        XCTAssertTrue(r.provisional)
    }

    /// Property: the totals, every counted weight and the JSON do not depend on the order of votes.
    func testTotalsDoNotDependOnVoteOrder() throws {
        var rng = SeededGenerator(seed: 1613)
        for _ in 0..<200 {
            var delegations: [Address: Address] = [:]
            let orchestrators = (1...4).map { GovernorScenario.address(0x100 + $0) }
            for o in orchestrators { delegations[o] = o }
            var votes: [GovernorVote] = []
            var weights: [Address: BigUInt] = [:]
            for i in 0..<Int.random(in: 1...12, using: &rng) {
                let account = GovernorScenario.address(0x1000 + i)
                let target = Int.random(in: 0...5, using: &rng)
                // Mostly delegators of orchestrators; some of a non-orchestrator.
                delegations[account] = target < 4 ? orchestrators[target] : GovernorScenario.address(0x50)
                delegations[GovernorScenario.address(0x50)] = GovernorScenario.address(0x51)
                let w = BigUInt(Int.random(in: 1...1_000, using: &rng))
                if Bool.random(using: &rng) {
                    votes.append(GovernorVote(voter: account, support: VoteSupport(rawValue: Int.random(in: 0...2, using: &rng))!, weight: w, reason: "", block: i, logIndex: 0))
                }
                if target < 4 { weights[orchestrators[target], default: 0] += w }
            }
            for o in orchestrators where Bool.random(using: &rng) {
                let w = (weights[o] ?? 0) + BigUInt(Int.random(in: 0...5_000, using: &rng))
                votes.append(GovernorVote(voter: o, support: VoteSupport(rawValue: Int.random(in: 0...2, using: &rng))!, weight: w, reason: "", block: 99, logIndex: 0))
            }
            let views = ProposalViews(id: 42, totalSupply: 20_000, quorumNumerator: 333_300, quota: 500_000, onchain: nil, state: .defeated, delegations: delegations)
            let first = try ProposalTally.tally(proposal: proposal(), views: views, votes: votes)
            let shuffled = try ProposalTally.tally(proposal: proposal(), views: views, votes: votes.shuffled(using: &rng))
            XCTAssertEqual(first.totals, shuffled.totals)
            XCTAssertEqual(first.json.serialized(), shuffled.json.serialized())
            // Counted weights add up to the totals, and no weight is counted twice.
            XCTAssertEqual(first.votes.reduce(BigUInt(0)) { $0 + $1.countedWeight }, first.totals.sum)
        }
    }

    func testEventTopicsAreThoseOfTheSpec() {
        let expected: [LedgerEvent: String] = [
            .proposalCreated: "0x7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e0",
            .voteCast: "0xb8e138887d0aa13bab447e82de9d5c1777041ecd21ca36ba824ff1e6c07ddda4",
            .voteCastWithParams: "0xe2babfbac5889a709b63bb7f598b324e08bc5a4fb9ec647fb3cbc9ec07eb8712",
            .proposalQueued: "0x9a2e42fd6722813d69113e7d0079d3d940171428df7373df9c7f7617cfda2892",
            .proposalExecuted: "0x712ae1383f79ac853f8d882153778e0260ef8f03b504e2866e0593e04d2b291f",
            .proposalCanceled: "0x789cf55be980739dad1d0699b93b58e806b51c9d96619bfa8fe0a28abaa7b30c",
            .quorumNumeratorUpdated: "0x0553476bf02ef2726e8ce5ced78d63e26e602e4a2257b1f559418e24b4633997",
        ]
        for (event, topic) in expected { XCTAssertEqual(event.topic0, topic, event.rawValue) }
        XCTAssertEqual(Set(LedgerEvent.allCases.filter(\.isGovernorEvent)), Set(expected.keys))
    }

    /// The Solidity ABI specification's own examples of dynamic arrays and strings.
    func testABIArraysDecodeTheSpecificationsExamples() throws {
        func words(_ hex: [String]) -> [UInt8] { hex.flatMap { Hex.decode($0.count == 64 ? $0 : String(repeating: "0", count: 64 - $0.count) + $0)! } }
        // f(uint256,uint32[],bytes10,bytes) with (0x123, [0x456, 0x789], "1234567890", "Hello, world!").
        let f = words([
            "123", "80", "3132333435363738393000000000000000000000000000000000000000000000", "e0", "2", "456", "789", "d",
            "48656c6c6f2c20776f726c642100000000000000000000000000000000000000",
        ])
        XCTAssertEqual(try ABI.uintArray(f, 1), [0x456, 0x789])
        XCTAssertEqual(try ABI.string(f, 3), "Hello, world!")
        // g(uint256[][],string[]) with ([[1, 2], [3]], ["one", "two", "three"]).
        let g = words([
            "40", "140", "2", "40", "a0", "2", "1", "2", "1", "3", "3", "60", "a0", "e0", "3",
            "6f6e650000000000000000000000000000000000000000000000000000000000", "3", "74776f0000000000000000000000000000000000000000000000000000000000", "5",
            "7468726565000000000000000000000000000000000000000000000000000000",
        ])
        XCTAssertEqual(try ABI.stringArray(g, 1), ["one", "two", "three"])
        XCTAssertEqual(try ABI.bytesArray(g, 0).count, 2)  // the two inner arrays' tails, read as bytes: only the count matters here
        // A length past the data is refused before any allocation.
        var bad = f
        bad.replaceSubrange(128..<160, with: ABI.encode(uint: BigUInt(1) << 200))
        XCTAssertThrowsError(try ABI.uintArray(bad, 1))
    }

    func testDescriptionTitleAndLIP() {
        let d = ProposalDescription("---\nlip: 92\n---\n# LIP-92: Treasury reward cut\n\nBody\n")
        XCTAssertEqual(d.title, "LIP-92: Treasury reward cut")
        XCTAssertEqual(d.lip, 92)
        XCTAssertEqual(ProposalDescription("# Fund SPE\n---\nlip: LIP-73\n---\n").lip, 73)
        XCTAssertEqual(ProposalDescription("No heading here\n\nmore").title, "No heading here")
        XCTAssertNil(ProposalDescription("# Title").lip)
    }
    /// The inputs digest is SHA-256 over the lines its documentation gives, written here one by
    /// one as text: votes by voter whatever order they come in, a weight wider than two words, a
    /// reason hashed and an empty one, on-chain totals, the delegations by account.
    func testTheInputsDigestIsTheHashOfItsDocumentedLines() {
        let wide = BigUInt(1) << 130 + 7
        let votes = [
            GovernorVote(voter: o2, support: .against, weight: wide, reason: "too much\nfor \u{1F600}", block: 1_234_567, logIndex: 12),
            GovernorVote(voter: d1, support: .abstain, weight: 0, reason: "", block: 9, logIndex: 0),
            GovernorVote(voter: o1, support: .for, weight: 1_000, reason: "", block: 10, logIndex: 3),
        ]
        let onchain = ProposalTotals(against: 5, for: 6, abstain: 7)
        let views = views(supply: 20_000, onchain: onchain)
        func hex(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined() }
        var lines = ["lip-proposal-inputs v1", "proposal|\(GovernorScenario.address(0x9a).lowercased)|42|10|20", "views|20000|333300|500000|\(views.state.rawValue)|5,6,7"]
        for v in votes.sorted(by: { $0.voter < $1.voter }) {
            lines.append("vote|\(v.voter.lowercased)|\(v.support.rawValue)|\(v.weight)|\(v.block)|\(v.logIndex)|\(hex(v.reason))")
        }
        for (account, delegate) in delegations.sorted(by: { $0.key < $1.key }) { lines.append("delegation|\(account.lowercased)|\(delegate.lowercased)") }
        let expected = hex(lines.map { $0 + "\n" }.joined())
        for order in [votes, votes.reversed(), [votes[1], votes[2], votes[0]]] {
            XCTAssertEqual(ProposalDigest.of(proposal: proposal(), views: views, votes: order), expected)
        }
    }
}
