import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPTally

/// A proposal's count as text for people (`lip proposal tally`).
extension ProposalResult {
    /// The tally as text: totals, quorum, quota, the chain check, warnings and the voters.
    public var text: String {
        let d = description
        var out = "Proposal \(proposal.id)\n"
        out += "  \(VisibleText.oneLine(d.title))" + (d.lip.map { " (LIP-\($0))" } ?? "") + "\n"
        out += "  governor \(proposal.governor.checksummed); snapshot round \(proposal.voteStart), deadline round \(proposal.voteEnd); state \(views.state.name)\n"
        out += "Result: \(result.rawValue)\(provisional ? " (provisional: voting is not over)" : "")\n"
        out += "  For      \(lpt(totals.for)) LPT\n"
        out += "  Against  \(lpt(totals.against)) LPT\n"
        out += "  Abstain  \(lpt(totals.abstain)) LPT\n"
        out += "  Quorum   \(lpt(totals.sum)) LPT voted, \(lpt(quorum)) needed (\(ppm(views.quorumNumerator)) of \(lpt(views.totalSupply)) LPT): \(quorumMet ? "met" : "not met")\n"
        out += "  Quota    For \(lpt(totals.for)) against at least \(lpt(quotaThreshold)) LPT (\(ppm(views.quota)) of For + Against)\n"
        switch matchesChain {
        case nil: out += "On chain: proposalVotes not read; no check\n"
        case true?: out += "On chain: proposalVotes matches the counted totals\n"
        case false?:
            out += "On chain: proposalVotes DIFFERS from the counted totals:\n"
            for d in differences { out += "  \(d)\n" }
        }
        for w in warnings { out += "warning: \(w)\n" }
        out += "Voters (\(votes.count)): address, support, cast weight, counted weight (LPT)\n"
        for v in votes {
            out += "  \(v.vote.voter.checksummed)  \(v.vote.support.name.padding(toLength: 7, withPad: " ", startingAt: 0))  \(lpt(v.vote.weight))  \(lpt(v.countedWeight))"
            out += (v.role == .orchestrator ? "  orchestrator" : (v.role == .delegator ? "  delegator of \(v.delegate.short)" : "")) + "\n"
        }
        out += "Inputs digest: sha256:\(inputsDigest)\n"
        return out
    }
}
