import BigInt
import Crypto
import Foundation
import LIPCore
import LIPDocuments
import LIPLedger

/// Computes a poll's result from its inputs (LIP-16 weighting, in integer arithmetic).
public enum TallyEngine {
    /// The result of `inputs`.
    public static func tally(_ inputs: TallyInputs) -> TallyResult {
        var warnings = inputs.warnings

        // Votes: only 0 (yes) and 1 (no) count; a voter's last valid vote by (block, log index) wins.
        let ordered = inputs.votes.sorted { ($0.block, $0.logIndex, $0.voter) < ($1.block, $1.logIndex, $1.voter) }
        var choice: [String: VoteChoice] = [:]
        var ignored = 0
        for v in ordered {
            if let c = VoteChoice(choiceID: v.choice) { choice[v.voter] = c } else { ignored += 1 }
        }
        if ignored > 0 {
            warnings.append("\(ignored) vote\(ignored == 1 ? "" : "s") with a choiceID other than 0 (yes) or 1 (no) \(ignored == 1 ? "was" : "were") ignored")
        }

        // Stake of other voters' positions delegating to each voter, per domain.
        struct Key: Hashable { var account: String; var domain: Chain }
        var nonVote: [Key: BigUInt] = [:]
        var positionsOf: [String: [Position]] = [:]
        var totalBonded = BigUInt(0)
        var totalActive = BigUInt(0)
        for p in inputs.positions {
            totalBonded += p.stake
            if p.registered && p.active { totalActive += p.delegatedStake }
            guard choice[p.account] != nil else { continue }
            positionsOf[p.account, default: []].append(p)
            if let d = p.delegate, d != p.account, choice[d] != nil { nonVote[Key(account: d, domain: p.domain), default: 0] += p.stake }
        }

        var voters: [VoterResult] = []
        var yes = BigUInt(0), no = BigUInt(0)
        for voter in choice.keys.sorted() {
            let c = choice[voter]!
            var weight = BigUInt(0)
            var parts: [(position: Position, nonVoteStake: BigUInt)] = []
            for p in (positionsOf[voter] ?? []).sorted(by: { $0.domain.rawValue < $1.domain.rawValue }) {
                if p.registered {
                    let off = nonVote[Key(account: voter, domain: p.domain)] ?? 0
                    if off > p.delegatedStake {
                        warnings.append(
                            "data: \(Address(voter)!.checksummed) on \(p.domain.rawValue) has delegated stake \(p.delegatedStake) but its voting delegators hold \(off); its weight there counts as 0"
                        )
                    } else {
                        weight += p.delegatedStake - off
                    }
                    parts.append((p, off))
                } else {
                    weight += p.stake
                    parts.append((p, 0))
                }
            }
            if c == .yes { yes += weight } else { no += weight }
            voters.append(VoterResult(address: Address(voter)!, choice: c, weight: weight, positions: parts))
        }
        let order = voters.indices.sorted { voters[$0].weight != voters[$1].weight ? voters[$0].weight > voters[$1].weight : voters[$0].address < voters[$1].address }
        voters = order.map { voters[$0] }

        let totalVoteStake = yes + no
        let totalStake = inputs.totalOverride ?? (inputs.quorumBase == .bonded ? inputs.totalBonded ?? totalBonded : inputs.totalActive ?? totalActive)
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
        for q in inputs.positions.sorted(by: { ($0.domain.rawValue, $0.account) < ($1.domain.rawValue, $1.account) }) {
            digest.add("position|\(q.domain.rawValue)|\(q.account)|\(q.delegate ?? "-")|\(q.stake)|\(q.delegatedStake)|\(q.registered ? 1 : 0)|\(q.active ? 1 : 0)")
        }
        return digest.finish(votes: inputs.votes, migrations: inputs.migrations, totalOverride: inputs.totalOverride)
    }
}
