import BigInt
import Crypto
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// Computes a poll's result from its inputs (LIP-16 weighting, in integer arithmetic).
public enum TallyEngine {
    /// The result of `inputs`.
    public static func tally(_ inputs: TallyInputs) -> TallyResult {
        var warnings = inputs.warnings

        // Votes: only 0 (yes) and 1 (no) count; a voter's last valid vote by (block, log index) wins.
        let ordered = inputs.votes.sorted { a, b in
            a.block != b.block ? a.block < b.block : a.logIndex != b.logIndex ? a.logIndex < b.logIndex : a.voter < b.voter
        }
        // Each voter gets a number once; the passes below index arrays by it instead of hashing
        // addresses again (a large poll has a hundred thousand voters).
        var id: [Address: Int] = [:]
        id.reserveCapacity(ordered.count)
        var names: [Address] = []
        var choice: [VoteChoice?] = []
        var ignored = 0
        for v in ordered {
            let n: Int
            if let known = id[v.voter] {
                n = known
            } else {
                n = names.count
                id[v.voter] = n
                names.append(v.voter)
                choice.append(nil)
            }
            if let c = VoteChoice(choiceID: v.choice) { choice[n] = c } else { ignored += 1 }
        }
        if ignored > 0 {
            warnings.append("\(ignored) vote\(ignored == 1 ? "" : "s") with a choiceID other than 0 (yes) or 1 (no) \(ignored == 1 ? "was" : "were") ignored")
        }
        /// The number of a voter whose vote counts.
        func counted(_ account: Address) -> Int? {
            guard let n = id[account], choice[n] != nil else { return nil }
            return n
        }

        // Stake of other voters' positions delegating to each voter, per domain; each voter's positions.
        var nonVoteL1 = [BigUInt](repeating: 0, count: names.count), nonVoteL2 = nonVoteL1
        // Each voter's positions in input order, chained through `next` (most voters have one):
        // no array per voter.
        var first = [Int](repeating: -1, count: names.count), last = first
        var next = [Int](repeating: -1, count: inputs.positions.count)
        var totalBonded = BigUInt(0)
        var totalActive = BigUInt(0)
        for (i, p) in inputs.positions.enumerated() {
            totalBonded += p.stake
            if p.registered && p.active { totalActive += p.delegatedStake }
            guard let n = counted(p.account) else { continue }
            if last[n] < 0 { first[n] = i } else { next[last[n]] = i }
            last[n] = i
            if let d = p.delegate, d != p.account, let m = counted(d) {
                if p.domain == .l1 { nonVoteL1[m] += p.stake } else { nonVoteL2[m] += p.stake }
            }
        }

        var voters: [VoterResult] = []
        var yes = BigUInt(0), no = BigUInt(0)
        voters.reserveCapacity(names.count)
        // In first-vote order; the data warnings are put in voter order after the loop.
        var dataWarnings: [(voter: Address, text: String)] = []
        for n in names.indices {
            guard let c = choice[n] else { continue }
            let voter = names[n]
            var weight = BigUInt(0)
            var parts: [(position: Position, nonVoteStake: BigUInt)] = []
            var k = first[n]
            while k >= 0 {
                parts.append((inputs.positions[k], 0))
                k = next[k]
            }
            if parts.count > 1 { parts.sort { $0.position.domain.rawValue < $1.position.domain.rawValue } }
            for j in parts.indices {
                let p = parts[j].position
                guard p.registered else {
                    weight += p.stake
                    continue
                }
                let off = p.domain == .l1 ? nonVoteL1[n] : nonVoteL2[n]
                parts[j].nonVoteStake = off
                if off > p.delegatedStake {
                    dataWarnings.append(
                        (
                            voter,
                            "data: \(voter.checksummed) on \(p.domain.rawValue) has delegated stake \(Amount.formatLPT(p.delegatedStake, decimals: 18)) LPT but its voting delegators hold \(Amount.formatLPT(off, decimals: 18)) LPT; its weight there counts as 0"
                        ))
                } else {
                    weight += p.delegatedStake - off
                }
            }
            if c == .yes { yes += weight } else { no += weight }
            voters.append(VoterResult(address: voter, choice: c, weight: weight, positions: parts))
        }
        // Stable: a voter's warnings keep their domain order.
        warnings += dataWarnings.enumerated().sorted { a, b in
            a.element.voter != b.element.voter ? a.element.voter < b.element.voter : a.offset < b.offset
        }.map(\.element.text)
        // By weight, heaviest first, then by address: one comparison of weights per step.
        let keys = voters.map { (weight: $0.weight, address: $0.address) }
        let order = keys.indices.sorted { i, j in
            switch BigUInt.compare(keys[i].weight, keys[j].weight) {
            case .orderedDescending: return true
            case .orderedAscending: return false
            case .orderedSame: return keys[i].address < keys[j].address
            }
        }
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
        for q in inputs.positions.sorted(by: { ($0.domain.rawValue, $0.account.lowercased) < ($1.domain.rawValue, $1.account.lowercased) }) {
            digest.add(
                "position|\(q.domain.rawValue)|\(q.account.lowercased)|\(q.delegate?.lowercased ?? "-")|\(q.stake)|\(q.delegatedStake)|\(q.registered ? 1 : 0)|\(q.active ? 1 : 0)")
        }
        return digest.finish(votes: inputs.votes, migrations: inputs.migrations, totalOverride: inputs.totalOverride)
    }
}
