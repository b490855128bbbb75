import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Tallies a governor proposal from the ledger: its ProposalCreated and votes (logs) and what the
/// views said (a governor-state file or a sync).
public enum ProposalTally {
    /// The proposal a reference names: a decimal id (or 0x hex), unique across the ledger's governors.
    public static func resolve(_ reference: String, ledger: Ledger) throws -> (governor: Address, id: BigUInt) {
        let id: BigUInt
        if reference.hasPrefix("0x") || reference.hasPrefix("0X"), let n = BigUInt(String(reference.dropFirst(2)), radix: 16), reference.count <= 66 {
            id = n
        } else if let n = try? Amount.parseWei(reference) {
            id = n
        } else {
            throw LIPError.usage("`\(reference)` is not a proposal id (a decimal uint256, as `lip proposal list` shows, or 0x hex)")
        }
        let governors = try ledger.governors(ofProposal: id)
        switch governors.count {
        case 0:
            throw LIPError.usage(
                "the ledger \(ledger.path) has no proposal \(id): import the governor's logs (`lip ledger import logs FILE --chain l2`) or run `lip ledger sync proposals`")
        case 1: return (governors[0], id)
        default:
            throw LIPError.refused("proposal \(id) is in the ledger for more than one governor (\(governors.map(\.checksummed).joined(separator: ", "))): one id, one proposal")
        }
    }

    /// Tallies the proposal `reference` names.
    public static func run(_ reference: String, ledger: Ledger) throws -> ProposalResult {
        let (governor, id) = try resolve(reference, ledger: ledger)
        guard let proposal = try ledger.proposals(governor: governor).first(where: { $0.id == id }) else {
            throw LIPError.usage("the ledger has views of proposal \(id) but not its ProposalCreated: import the governor's logs from its creation block")
        }
        guard let views = try ledger.proposalViews(governor: governor, id: id) else {
            throw LIPError.usage(
                "the ledger has no governor state for proposal \(id) (total supply, quorum, delegations): `lip ledger import governor-state FILE` or `lip ledger sync proposals`")
        }
        let votes = try ledger.proposalVotes(governor: governor, id: id)
        do {
            return try tally(proposal: proposal, views: views, votes: votes)
        } catch let problem as ProposalCount.Problem {
            throw LIPError.invalidInput(file: ledger.path, location: "proposal \(id)", message: problem.description)
        }
    }

    /// What a count decides: the totals after overrides, the quorum and quota and the outcome.
    package struct Decision: Sendable {
        package var totals: ProposalTotals
        package var counted: [ProposalCount.CountedVote]
        package var quorum: BigUInt
        package var quorumMet: Bool
        package var quotaThreshold: BigUInt
        package var result: ProposalOutcome
    }

    /// Counts `votes` with `views` and judges quorum and quota: the tally without its digest,
    /// ordering and checks (what turnout needs of every proposal).
    package static func decide(views: ProposalViews, votes: [GovernorVote]) throws -> Decision {
        let (totals, counted) = try ProposalCount.count(votes, delegations: views.delegations)
        let million = BigUInt(1_000_000)
        let quorum = views.totalSupply * views.quorumNumerator / million
        let quorumMet = totals.sum >= quorum
        let quotaThreshold = (totals.for + totals.against) * views.quota / million
        let result: ProposalOutcome = !quorumMet ? .quorumNotMet : (totals.for >= quotaThreshold ? .succeeded : .defeated)
        return Decision(totals: totals, counted: counted, quorum: quorum, quorumMet: quorumMet, quotaThreshold: quotaThreshold, result: result)
    }

    /// Counts `votes` with `views` and judges quorum, quota and the chain's totals.
    public static func tally(proposal: GovernorProposal, views: ProposalViews, votes: [GovernorVote]) throws -> ProposalResult {
        let decision = try decide(views: views, votes: votes)
        let (totals, counted, quorum, quorumMet, quotaThreshold, result) = (
            decision.totals, decision.counted, decision.quorum, decision.quorumMet, decision.quotaThreshold, decision.result
        )
        var warnings: [String] = []
        let provisional = views.state.isVoting
        if provisional { warnings.append("voting is not over (the governor says \(views.state.name)): this result is provisional") }
        if views.state == .canceled { warnings.append("the proposal was canceled on chain: this count has no effect") }
        if result == .succeeded && totals.for + totals.against < quorum {
            warnings.append(
                totals.for + totals.against == 0
                    ? "only Abstain votes reached quorum, and with no For or Against votes the proposal succeeds (For 0 >= quota of 0)"
                    : "Abstain votes carried the proposal past quorum: For + Against alone (\(totals.for + totals.against) wei) are below the quorum of \(quorum) wei")
        }
        var differences: [String] = []
        var matches: Bool?
        if let onchain = views.onchain {
            for support in [VoteSupport.for, .against, .abstain] where onchain[support] != totals[support] {
                differences.append("\(support.name): counted \(totals[support]) wei, on chain \(onchain[support]) wei")
            }
            matches = differences.isEmpty
            if !differences.isEmpty {
                warnings.append(
                    "the counted totals differ from proposalVotes on chain (\(differences.joined(separator: "; "))): the ledger lacks votes or delegations, or the chain counted otherwise"
                )
            }
        }
        // Heaviest first, then by voter (sorted as indexes: the counted votes are large to move).
        let ordered = HeaviestFirst.order(weights: counted.map(\.vote.weight), addresses: counted.map(\.vote.voter)).map { counted[$0] }
        return ProposalResult(
            proposal: proposal, views: views, totals: totals, votes: ordered, quorum: quorum, quorumMet: quorumMet, quotaThreshold: quotaThreshold,
            result: result, provisional: provisional, matchesChain: matches, differences: differences, warnings: warnings,
            inputsDigest: ProposalDigest.of(proposal: proposal, views: views, votes: votes))
    }
}
