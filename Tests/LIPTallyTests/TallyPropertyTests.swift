import BigInt
import LIPTestSupport
import PropertyBased
import Testing

@testable import LIPDocuments
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTally

/// LIP-16 as plainly as Swift says it, for the property test below: no numbering, no arrays
/// indexed by voter, no ordering tricks. The engine must agree with it on every poll.
enum NaiveLIP16 {
    struct Outcome: Equatable {
        var weights: [Address: BigUInt]
        var yes: BigUInt
        var no: BigUInt
        var result: PollOutcome
    }

    static func tally(positions: [Position], votes: [CastVote], poll: PollParameters, quorumBase: QuorumBase) -> Outcome {
        // A voter's vote is its last vote with choiceID 0 or 1, by block then log index.
        var last: [Address: CastVote] = [:]
        for vote in votes where vote.choice == "0" || vote.choice == "1" {
            if let seen = last[vote.voter], (seen.block, seen.logIndex) > (vote.block, vote.logIndex) { continue }
            last[vote.voter] = vote
        }
        var weights: [Address: BigUInt] = [:]
        var yes = BigUInt(0), no = BigUInt(0)
        for (voter, vote) in last {
            var weight = BigUInt(0)
            for p in positions where p.account == voter {
                if p.registered {
                    // Its delegators on the same chain who voted themselves take their stake back.
                    var voted = BigUInt(0)
                    for q in positions where q.domain == p.domain && q.delegate == voter && q.account != voter && last[q.account] != nil {
                        voted += q.stake
                    }
                    if voted <= p.delegatedStake { weight += p.delegatedStake - voted }
                } else {
                    weight += p.stake
                }
            }
            weights[voter] = weight
            if vote.choice == "0" { yes += weight } else { no += weight }
        }
        var total = BigUInt(0)
        for p in positions {
            if quorumBase == .bonded { total += p.stake } else if p.registered && p.active { total += p.delegatedStake }
        }
        let votesCast = yes + no
        let result: PollOutcome
        if votesCast < total * poll.quorum / 1_000_000 {
            result = .quorumNotMet
        } else if yes > votesCast * poll.quota / 1_000_000 {
            result = .yes
        } else {
            result = .no
        }
        return Outcome(weights: weights, yes: yes, no: no, result: result)
    }
}

/// The engine against the naive LIP-16 on random polls: orchestrators and delegators on L1 and L2
/// (the migration window's two chains), delegators voting before and after their orchestrator,
/// changed votes, invalid choices, both quorum bases. PropertyBased shrinks a failing poll.
struct TallyPropertyTests {
    static let accounts = (0..<7).map { Address(String(format: "0x%040x", $0 + 1))! }

    /// account, delegate (7: none), stake, delegated stake, registered, active, on L1.
    static let position = zip(
        Gen.int(in: 0...6), Gen.int(in: 0...7), Gen.int(in: 0...100), Gen.int(in: 0...300), Gen.bool, Gen.bool, Gen.bool)
    /// voter, choiceID (2 is invalid), block.
    static let vote = zip(Gen.int(in: 0...6), Gen.int(in: 0...2), Gen.int(in: 0...3))

    @Test func theEngineCountsAsLIP16Says() async {
        await propertyCheck(
            count: 300, input: zip(Self.position.array(of: 0...12), Self.vote.array(of: 0...12), Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_000_000), Gen.bool)
        ) { rawPositions, rawVotes, quorum, quota, bonded in
            // One position per account and chain, as a ledger holds them.
            var seen = Set<String>()
            let positions = rawPositions.compactMap { a, d, stake, delegated, registered, active, l1 -> Position? in
                guard seen.insert("\(a)|\(l1)").inserted else { return nil }
                return Position(
                    account: Self.accounts[a], delegate: d == 7 ? nil : Self.accounts[d], stake: BigUInt(stake), delegatedStake: BigUInt(delegated),
                    registered: registered, active: active, domain: l1 ? .l1 : .l2)
            }
            // Each log index once, as a chain gives them.
            let votes = rawVotes.enumerated().map { i, v in CastVote(voter: Self.accounts[v.0], choice: String(v.1), block: v.2, logIndex: i) }
            let poll = PollParameters(address: Address(addr("90")), lip: 1, chain: .l2, endBlock: 10, quorum: BigUInt(quorum), quota: BigUInt(quota))
            let base: QuorumBase = bonded ? .bonded : .active
            let inputs = TallyInputs(
                poll: poll, stakeMode: .l1l2, quorumBase: base, snapshots: [SnapshotReference(chain: .l2, block: 3, l1Block: 10)], provisional: false,
                positions: positions, votes: votes)
            let engine = TallyEngine.tally(inputs)
            let naive = NaiveLIP16.tally(positions: positions, votes: votes, poll: poll, quorumBase: base)
            #expect(engine.yes == naive.yes)
            #expect(engine.no == naive.no)
            #expect(engine.result == naive.result)
            #expect(Dictionary(uniqueKeysWithValues: engine.voters.map { ($0.address, $0.weight) }) == naive.weights)
            // Heaviest first, then by address.
            #expect(zip(engine.voters, engine.voters.dropFirst()).allSatisfy { $0.weight > $1.weight || ($0.weight == $1.weight && $0.address < $1.address) })
        }
    }
}
