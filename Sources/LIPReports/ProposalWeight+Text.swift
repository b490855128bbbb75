import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPTally

/// What an account's vote on a proposal weighs, as text for people (`lip proposal weight`).
extension ProposalWeight {
    /// For people.
    public var text: String {
        func lpt(_ wei: BigUInt) -> String { Amount.formatLPT(wei, decimals: 18, grouping: true) + " LPT" }
        var out = "Proposal \(id): what \(account.checksummed) votes with (snapshot round \(snapshot), the governor says \(state.name))\n"
        switch role {
        case .orchestrator: out += "  role: delegated to itself (an orchestrator)\n"
        case .delegator: out += "  role: delegator of \(delegate.checksummed)\n"
        case .other: out += "  role: delegated to \(delegate.checksummed), which is delegated elsewhere\n"
        }
        out += "  votes at the snapshot: \(lpt(votes))\n"
        if role == .orchestrator {
            out += "  delegators who voted: \(votedDelegators.count)" + (votedDelegators.isEmpty ? "\n" : " (their votes come off this one)\n")
            for d in votedDelegators { out += "    \(d.address.checksummed)  \(lpt(d.weight))  \(d.support.name)\n" }
        }
        if role == .delegator && delegateVoted { out += "  its orchestrator voted: this account's vote takes its \(lpt(votes)) off the orchestrator's\n" }
        out += "  weight: \(lpt(weight))" + (voted == nil ? " if it votes now\n" : "\n")
        out += "  voted: \(voted?.name ?? "not yet")\n"
        return out
    }
}
