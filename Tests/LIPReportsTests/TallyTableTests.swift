import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTally
@testable import LIPReports

/// What the tally's tables say of their rows: a voter without stake is labelled as `lip poll
/// weight` labels it, and rounded rows that do not add to the total say so.
final class TallyTableTests: XCTestCase {
    /// Three voters with a third of an LPT each (rows round down to 0.33; they add to 0.99, the
    /// votes to 1.00), one orchestrator, one delegator and one without stake.
    func result() -> TallyResult {
        let third = Amount.weiPerLPT / 3 + 1
        let o = addr("0a"), d = addr("0b"), n = addr("0c"), x = addr("0d")
        let positions = [
            Position(account: o, delegate: o, stake: third, delegatedStake: third * 2, registered: true, active: true, domain: .l2),
            Position(account: d, delegate: o, stake: third, delegatedStake: 0, registered: false, active: false, domain: .l2),
            Position(account: x, delegate: o, stake: third, delegatedStake: 0, registered: false, active: false, domain: .l2),
        ]
        let votes = [
            CastVote(voter: o, choice: "0", block: 1, logIndex: 0), CastVote(voter: d, choice: "1", block: 1, logIndex: 1), CastVote(voter: n, choice: "0", block: 1, logIndex: 2),
        ]
        return TallyEngine.tally(
            TallyInputs(
                poll: PollParameters(address: Address(addr("90")), lip: 7, chain: .l2, endBlock: 10, quorum: 333300, quota: 500000),
                stakeMode: .l2, quorumBase: .bonded, snapshots: [SnapshotReference(chain: .l2, block: 3, l1Block: 10)], provisional: false, positions: positions,
                votes: votes))
    }

    func testAVoterWithoutStakeIsLabelledAsPollWeightLabelsIt() {
        let r = result()
        XCTAssertEqual(r.voters.first { $0.address == Address(addr("0c")) }?.role, PollWeight.Role.none)
        XCTAssertEqual(r.voters.first { $0.address == Address(addr("0b")) }?.role, .delegator)
        XCTAssertEqual(r.voters.first { $0.address == Address(addr("0a")) }?.role, .orchestrator)
        let text = r.text()
        XCTAssertTrue(text.contains("  no stake\n"), text)
        XCTAssertTrue(PollReport(result: r, names: [:], linkBase: "").forumPost.contains("(no stake)"))
        XCTAssertEqual(PollWeight.Role.none.label(stake: 0), "no stake")
        XCTAssertEqual(PollWeight.Role.none.label(stake: 1), "not delegated")
    }

    func testRoundedRowsThatDoNotAddUpSaySo() {
        let r = result()
        // The counted rows (0.33…, 0.33… and 0) add to what they show: no note.
        XCTAssertNil(r.roundingNote())
        // Three rows of a third: 0.33 × 3 = 0.99 shown against 1.00.
        var three = r
        three.voters = three.voters.map { v in
            var v = v
            v.weight = Amount.weiPerLPT / 3 + 1
            return v
        }
        three.totalVoteStake = three.voters.reduce(BigUInt(0)) { $0 + $1.weight }
        XCTAssertEqual(three.roundingNote(), "Each row is rounded down to 0.01 LPT: the rows add to 0.99 LPT, the votes to 1.00 LPT.")
        XCTAssertTrue(three.text().contains("the rows add to 0.99 LPT, the votes to 1.00 LPT"))
        XCTAssertTrue(PollReport(result: three, names: [:], linkBase: "").forumPost.contains("the rows add to 0.99 LPT, the votes to 1.00 LPT"))
    }
    /// The note's rows are each weight rounded down to 0.01 LPT and added, for weights of one,
    /// two and three machine words and rows whose sum passes 128 bits (added in 128 bits while
    /// they fit): the same as BigUInt arithmetic row by row.
    func testTheRowsAreEachWeightRoundedDownAndAddedWhateverItsWidth() {
        var seed: UInt64 = 0x5eed
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed ^ (seed >> 29)
        }
        let cent = BigUInt(10).power(16), top = BigUInt(1) << 128
        let base = result()
        for round in 0..<300 {
            var r = base
            r.voters = (0..<(1 + round % 11)).map { k in
                var v = base.voters[k % base.voters.count]
                switch next() % 5 {
                case 0: v.weight = BigUInt(next() % 1_000_000_000_000_000_000)
                case 1: v.weight = BigUInt(words: [UInt(next()), UInt(next() >> 1)])
                case 2: v.weight = top - 1 - BigUInt(next() % 1_000)
                case 3: v.weight = top + BigUInt(next())
                default: v.weight = 0
                }
                return v
            }
            let sum = r.voters.reduce(BigUInt(0)) { $0 + $1.weight }
            r.totalVoteStake = round % 3 == 0 ? sum + BigUInt(next() % 100) * cent : sum
            let rows = r.voters.reduce(BigUInt(0)) { $0 + $1.weight / cent * cent }
            let expected =
                rows / cent == r.totalVoteStake / cent
                ? nil : "Each row is rounded down to 0.01 LPT: the rows add to \(r.lpt(rows)) LPT, the votes to \(r.lpt(r.totalVoteStake)) LPT."
            XCTAssertEqual(r.roundingNote(), expected, "round \(round): \(r.voters.map(\.weight))")
        }
    }
}
