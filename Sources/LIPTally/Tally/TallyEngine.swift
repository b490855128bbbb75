import BigInt
import Crypto
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// Computes a poll's result from its inputs (LIP-16 weighting, in integer arithmetic), in four
/// named steps:
///
/// 1. `lastValidVotes`: only choiceIDs 0 (yes) and 1 (no) count; a voter's last valid vote, by
///    block then log index, is its vote.
/// 2. `nonVotingStake`: the stake of each voter's delegators who voted themselves (per chain), the
///    totals of bonded and active stake, and each voter's positions.
/// 3. `weights`: an orchestrator's vote weighs its delegated stake less its voting delegators'
///    stake; anyone else's its own stake.
/// 4. `decision`: quorum (participation at least `quorum` of the total) and quota (yes above
///    `quota` of the vote), the explorer's stricter rule as a warning when it decides otherwise.
///
/// Voters are numbered once and the steps index arrays by that number: a large poll has a hundred
/// thousand voters, and hashing their addresses at every step was most of the time.
public enum TallyEngine {
    /// The result of `inputs`.
    public static func tally(_ inputs: TallyInputs) -> TallyResult {
        var warnings = inputs.warnings
        let ballots = lastValidVotes(inputs.votes, warnings: &warnings)
        let stake = nonVotingStake(inputs.positions, of: ballots)
        let (voters, yes, no) = weights(ballots, stake, positions: inputs.positions, warnings: &warnings)
        return decision(inputs, voters: voters, yes: yes, no: no, stake: stake, warnings: warnings)
    }

    /// Each voter, numbered by its first vote, with the choice its last valid vote made (nil when
    /// it made none).
    struct Ballots {
        var id: [Address: Int] = [:]
        var voters: [Address] = []
        var choice: [VoteChoice?] = []

        /// The number of a voter whose vote counts.
        func counted(_ account: Address) -> Int? {
            guard let n = id[account], choice[n] != nil else { return nil }
            return n
        }
    }

    /// Step 1: the votes by (block, log index), each voter's last valid one kept.
    static func lastValidVotes(_ votes: [CastVote], warnings: inout [String]) -> Ballots {
        let ordered = votes.sorted { a, b in
            a.block != b.block ? a.block < b.block : a.logIndex != b.logIndex ? a.logIndex < b.logIndex : a.voter < b.voter
        }
        var ballots = Ballots()
        ballots.id.reserveCapacity(ordered.count)
        var ignored = 0
        for v in ordered {
            let n: Int
            if let known = ballots.id[v.voter] {
                n = known
            } else {
                n = ballots.voters.count
                ballots.id[v.voter] = n
                ballots.voters.append(v.voter)
                ballots.choice.append(nil)
            }
            if let c = VoteChoice(choiceID: v.choice) { ballots.choice[n] = c } else { ignored += 1 }
        }
        if ignored > 0 {
            warnings.append("\(ignored) vote\(ignored == 1 ? "" : "s") with a choiceID other than 0 (yes) or 1 (no) \(ignored == 1 ? "was" : "were") ignored")
        }
        return ballots
    }

    /// What step 2 finds in the positions.
    struct Stake {
        /// Per voter: the stake of its delegators who voted, on L1 and on L2.
        var nonVoteL1: [BigUInt], nonVoteL2: [BigUInt]
        /// Per voter, its positions in input order, chained through `next` (most voters have one):
        /// no array per voter.
        var first: [Int], next: [Int]
        /// All positions' stake, and the delegated stake of registered, active orchestrators.
        var totalBonded = BigUInt(0), totalActive = BigUInt(0)

        /// Voter `n`'s positions, L1 before L2, with nothing taken off yet.
        func positions(of n: Int, in all: [Position]) -> [(position: Position, nonVoteStake: BigUInt)] {
            var out: [(position: Position, nonVoteStake: BigUInt)] = []
            var k = first[n]
            while k >= 0 {
                out.append((all[k], 0))
                k = next[k]
            }
            if out.count > 1 { out.sort { $0.position.domain.rawValue < $1.position.domain.rawValue } }
            return out
        }
    }

    /// Step 2: the stake of every voter's voting delegators, per chain (a delegator whose vote
    /// counts takes its stake off its delegate's vote), and the totals.
    static func nonVotingStake(_ positions: [Position], of ballots: Ballots) -> Stake {
        let voters = ballots.voters.count
        var stake = Stake(
            nonVoteL1: [BigUInt](repeating: 0, count: voters), nonVoteL2: [BigUInt](repeating: 0, count: voters),
            first: [Int](repeating: -1, count: voters), next: [Int](repeating: -1, count: positions.count))
        var last = [Int](repeating: -1, count: voters)
        for (i, p) in positions.enumerated() {
            stake.totalBonded += p.stake
            if p.registered && p.active { stake.totalActive += p.delegatedStake }
            guard let n = ballots.counted(p.account) else { continue }
            if last[n] < 0 { stake.first[n] = i } else { stake.next[last[n]] = i }
            last[n] = i
            if let d = p.delegate, d != p.account, let m = ballots.counted(d) {
                if p.domain == .l1 { stake.nonVoteL1[m] += p.stake } else { stake.nonVoteL2[m] += p.stake }
            }
        }
        return stake
    }

    /// Step 3: each counted voter's weight, heaviest first (then by address), with the totals of
    /// yes and no. Data that cannot be (voting delegators holding more than an orchestrator's
    /// delegated stake) weighs 0 there and is a warning, by voter.
    static func weights(_ ballots: Ballots, _ stake: Stake, positions: [Position], warnings: inout [String]) -> (voters: [VoterResult], yes: BigUInt, no: BigUInt) {
        var voters: [VoterResult] = []
        voters.reserveCapacity(ballots.voters.count)
        var yes = BigUInt(0), no = BigUInt(0)
        var dataWarnings: [(voter: Address, text: String)] = []
        for (n, voter) in ballots.voters.enumerated() {
            guard let choice = ballots.choice[n] else { continue }
            var weight = BigUInt(0)
            var parts = stake.positions(of: n, in: positions)
            for j in parts.indices {
                let p = parts[j].position
                guard p.registered else {
                    weight += p.stake
                    continue
                }
                let off = p.domain == .l1 ? stake.nonVoteL1[n] : stake.nonVoteL2[n]
                parts[j].nonVoteStake = off
                guard off <= p.delegatedStake else {
                    let held = "\(Amount.formatLPT(p.delegatedStake, decimals: 18)) LPT but its voting delegators hold \(Amount.formatLPT(off, decimals: 18)) LPT"
                    dataWarnings.append((voter, "data: \(voter.checksummed) on \(p.domain.rawValue) has delegated stake \(held); its weight there counts as 0"))
                    continue
                }
                weight += p.delegatedStake - off
            }
            if choice == .yes { yes += weight } else { no += weight }
            voters.append(VoterResult(address: voter, choice: choice, weight: weight, positions: parts))
        }
        // By voter; stable, so a voter's warnings keep their chain order.
        warnings += dataWarnings.enumerated().sorted { a, b in
            a.element.voter != b.element.voter ? a.element.voter < b.element.voter : a.offset < b.offset
        }.map(\.element.text)
        let order = HeaviestFirst.order(weights: voters.map(\.weight), addresses: voters.map(\.address))
        return (order.map { voters[$0] }, yes, no)
    }

    /// Step 4: the total participation is measured against, quorum, quota and the outcome.
    static func decision(_ inputs: TallyInputs, voters: [VoterResult], yes: BigUInt, no: BigUInt, stake: Stake, warnings: [String]) -> TallyResult {
        var warnings = warnings
        let totalVoteStake = yes + no
        let totalStake =
            inputs.totalOverride ?? (inputs.quorumBase == .bonded ? inputs.totalBonded ?? stake.totalBonded : inputs.totalActive ?? stake.totalActive)
        let quorumMet = totalVoteStake >= totalStake * inputs.poll.quorum / 1_000_000
        let result: PollOutcome = !quorumMet ? .quorumNotMet : (yes > totalVoteStake * inputs.poll.quota / 1_000_000 ? .yes : .no)
        // The explorer's rule: participation and yes share strictly above the thresholds.
        let explorerQuorum = totalVoteStake * 1_000_000 > totalStake * inputs.poll.quorum
        let explorerResult: PollOutcome = !explorerQuorum ? .quorumNotMet : (yes * 1_000_000 > totalVoteStake * inputs.poll.quota ? .yes : .no)
        if explorerResult != result {
            warnings.append(
                "the explorer's rule (participation and yes share strictly above the thresholds) gives `\(explorerResult.rawValue)`, LIP-16's gives `\(result.rawValue)`")
        }
        if inputs.provisional {
            warnings.append("provisional: the snapshot is from before the poll's end block \(inputs.poll.endBlock); tally again with a snapshot at the end block")
        }
        return TallyResult(
            poll: inputs.poll, stakeMode: inputs.stakeMode, quorumBase: inputs.quorumBase, provisional: inputs.provisional,
            snapshots: inputs.snapshots, yes: yes, no: no, totalVoteStake: totalVoteStake, totalStake: totalStake,
            quorumMet: quorumMet, result: result, voters: voters, warnings: warnings, inputsDigest: inputs.inputsDigest ?? digest(inputs))
    }

    /// SHA-256 over the canonical serialisation of inputs that were not read from a ledger:
    /// their positions stand for the snapshot rows (see `TallyDigest`).
    public static func digest(_ inputs: TallyInputs) -> String {
        var digest = TallyDigest(poll: inputs.poll, stakeMode: inputs.stakeMode, quorumBase: inputs.quorumBase)
        for s in inputs.snapshots { digest.add("snapshot|\(s.chain.rawValue)|\(s.block)|\(s.l1Block.map(String.init) ?? "-")") }
        for q in inputs.positions.sorted(by: { ($0.domain.rawValue, $0.account.lowercased) < ($1.domain.rawValue, $1.account.lowercased) }) {
            digest.add(
                "position|\(q.domain.rawValue)|\(q.account.lowercased)|\(q.delegate?.lowercased ?? "-")|\(q.stake)|\(q.delegatedStake)|\(q.registered ? 1 : 0)|\(q.active ? 1 : 0)")
        }
        return digest.finish(votes: inputs.votes, migrations: inputs.migrations, totalOverride: inputs.totalOverride)
    }
}
