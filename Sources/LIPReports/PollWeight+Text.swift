import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPTally

/// What an account's vote in a poll weighs, as text for people (`lip poll weight`).
extension PollWeight {
    /// For people.
    public var text: String {
        func lpt(_ wei: BigUInt) -> String { Amount.formatLPT(wei, decimals: 18, grouping: true) + " LPT" }
        let name = poll.address?.checksummed ?? "(not on chain)"
        var out = "Poll \(name)" + (poll.lip.map { " (LIP-\($0))" } ?? "") + ": what \(account.checksummed) votes with\n"
        switch role {
        case .orchestrator: out += "  role: registered orchestrator\n"
        case .delegator: out += "  role: delegator of \(delegate?.checksummed ?? "?")\n"
        case .none: out += "  role: \(role.label(stake: ownStake)) (neither orchestrator nor delegator)\n"
        }
        out += "  own stake: \(lpt(ownStake))\n"
        if let delegatedStake { out += "  delegated stake: \(lpt(delegatedStake))\n" }
        if role == .orchestrator {
            out += "  delegators who voted: \(votedDelegators.count)" + (votedDelegators.isEmpty ? "\n" : " (their stake comes off this vote)\n")
            for d in votedDelegators { out += "    \(d.address.checksummed)  \(lpt(d.stake))  \(d.choice.rawValue)\n" }
        }
        if role == .delegator && delegateVoted {
            out += "  its orchestrator voted: this account's vote takes its \(lpt(ownStake)) off the orchestrator's\n"
        }
        out += "  weight: \(lpt(weight))" + (voted == nil ? " if it votes now\n" : "\n")
        out += "  voted: \(voted?.rawValue ?? "not yet")\n"
        out +=
            "  stake at " + snapshots.map { "\($0.chain.rawValue) block \($0.block)" + ($0.l1Block.map { " (L1 block \($0))" } ?? "") }.joined(separator: ", ")
            + (provisional ? " (provisional: the poll ends at block \(poll.endBlock); the weight can still change)" : "") + "\n"
        return out
    }
}
