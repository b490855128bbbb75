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
        var choice: [String: String] = [:]
        var ignored = 0
        for v in ordered {
            switch v.choice {
            case "0": choice[v.voter] = "yes"
            case "1": choice[v.voter] = "no"
            default: ignored += 1
            }
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
                        warnings.append("data: \(Address(voter)!.checksummed) on \(p.domain.rawValue) has delegated stake \(p.delegatedStake) but its voting delegators hold \(off); its weight there counts as 0")
                    } else {
                        weight += p.delegatedStake - off
                    }
                    parts.append((p, off))
                } else {
                    weight += p.stake
                    parts.append((p, 0))
                }
            }
            if c == "yes" { yes += weight } else { no += weight }
            voters.append(VoterResult(address: Address(voter)!, choice: c, weight: weight, positions: parts))
        }
        let order = voters.indices.sorted { voters[$0].weight != voters[$1].weight ? voters[$0].weight > voters[$1].weight : voters[$0].address < voters[$1].address }
        voters = order.map { voters[$0] }

        let totalVoteStake = yes + no
        let totalStake = inputs.totalOverride ?? (inputs.quorumBase == .bonded ? totalBonded : totalActive)
        let quorumMet = totalVoteStake >= totalStake * inputs.poll.quorum / 1_000_000
        let result = !quorumMet ? "quorum-not-met" : (yes > totalVoteStake * inputs.poll.quota / 1_000_000 ? "yes" : "no")

        // The explorer's rule: participation and yes share strictly above the thresholds.
        let explorerQuorum = totalVoteStake * 1_000_000 > totalStake * inputs.poll.quorum
        let explorerResult = !explorerQuorum ? "quorum-not-met" : (yes * 1_000_000 > totalVoteStake * inputs.poll.quota ? "yes" : "no")
        if explorerResult != result {
            warnings.append("the explorer's rule (participation and yes share strictly above the thresholds) gives `\(explorerResult)`, LIP-16's gives `\(result)`")
        }
        if inputs.provisional {
            warnings.append("provisional: the snapshot is from before the poll's end block \(inputs.poll.endBlock); tally again with a snapshot at the end block")
        }
        return TallyResult(poll: inputs.poll, stakeMode: inputs.stakeMode, quorumBase: inputs.quorumBase, provisional: inputs.provisional,
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

/// The inputs digest: SHA-256 over lines of `|`-separated fields, in this order:
///
///     lip-tally-inputs v1
///     poll|<address or ->|<chain>|<endBlock>|<quorum>|<quota>
///     mode|<l1, l2 or l1+l2>|<bonded or active>
///     snapshot|<chain>|<block>|<l1Block or ->|<accounts>      then, for each of its rows by account:
///     row|<account>|<delegate or ->|<stake>|<delegated_stake>|<registered 0/1>|<active 0/1>
///     (for l1+l2 the L2 snapshot comes first, then the L1 snapshot)
///     vote|<voter>|<choiceID>|<block>|<logIndex>               every vote of the poll, by voter, block, log index
///     migration|<kind>|<l1>|<l2 or ->|<l2Block>|<pool or ->    every migration counted, by kind and L1 account
///     total|<on-chain total given at import, or ->
///
/// Addresses are lowercase, amounts decimal wei, each line ends with `\n`.
public struct TallyDigest {
    private var hasher = SHA256()
    private var buffer = ""

    /// Starts a digest with the poll and the mode.
    public init(poll: PollParameters, stakeMode: StakeMode, quorumBase: QuorumBase) {
        add("lip-tally-inputs v1")
        add("poll|\(poll.address?.lowercased ?? "-")|\(poll.chain.rawValue)|\(poll.endBlock)|\(poll.quorum)|\(poll.quota)")
        add("mode|\(stakeMode.rawValue)|\(quorumBase.rawValue)")
    }

    /// Adds one line.
    public mutating func add(_ line: String) {
        buffer += line
        buffer += "\n"
        if buffer.utf8.count > 1 << 16 {
            hasher.update(data: Data(buffer.utf8))
            buffer = ""
        }
    }

    /// Adds the votes, migrations and total, and returns the hex digest.
    public mutating func finish(votes: [CastVote], migrations: [CountedMigration], totalOverride: BigUInt?) -> String {
        for v in votes.sorted(by: { ($0.voter, $0.block, $0.logIndex) < ($1.voter, $1.block, $1.logIndex) }) {
            add("vote|\(v.voter)|\(v.choice)|\(v.block)|\(v.logIndex)")
        }
        for m in migrations.sorted(by: { ($0.kind, $0.l1Account) < ($1.kind, $1.l1Account) }) {
            add("migration|\(m.kind)|\(m.l1Account)|\(m.l2Account ?? "-")|\(m.l2Block)|\(m.pool ?? "-")")
        }
        add("total|\(totalOverride.map(String.init) ?? "-")")
        hasher.update(data: Data(buffer.utf8))
        buffer = ""
        return Hex.encode(Array(hasher.finalize()))
    }
}
