import BigInt
import Foundation
import LIPEthereum
import LIPLedger

/// GovernorCountingOverridable's count (governor.md): each vote's weight is what VoteCast
/// carries, before overrides; a delegator of an orchestrator that votes takes its weight off its
/// orchestrator's count, whichever voted first. The totals do not depend on the order of votes.
public enum ProposalCount {
    /// A vote as counted.
    public struct CountedVote: Sendable, Equatable {
        /// The vote as cast.
        public var vote: GovernorVote
        /// `delegatedAt(voter, snapshot)`.
        public var delegate: Address
        /// What the vote counts for after overrides.
        public var countedWeight: BigUInt
        /// The voter's role at the snapshot.
        public var role: Role
    }

    /// A voter's role at the snapshot round.
    public enum Role: String, Sendable {
        /// Delegated to itself: its weight is all the stake delegated to it.
        case orchestrator
        /// Delegated to an orchestrator: its own weight overrides that orchestrator's.
        case delegator
        /// Delegated to an account that is not an orchestrator: its weight counts as cast.
        case other
    }

    /// Why the votes cannot be counted.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// The views name no `delegatedAt` for this account (a voter or a voter's delegate).
        case missingDelegation(Address)
        /// The delegators who voted weigh more than their orchestrator's weight.
        case overrides(orchestrator: Address, weight: BigUInt, deducted: BigUInt)

        public var description: String {
            switch self {
            case .missingDelegation(let a):
                return
                    "no delegatedAt(\(a.checksummed), snapshot) among the proposal's delegations: re-read the governor state (it must cover every voter and every voter's delegate)"
            case .overrides(let o, let weight, let deducted):
                return "the delegators of \(o.checksummed) who voted weigh \(deducted) wei, more than its own vote's weight \(weight): the weights and delegations disagree"
            }
        }
    }

    /// Counts `votes` with `delegations`; voters in the order given.
    public static func count(_ votes: [GovernorVote], delegations: [Address: Address]) throws -> (totals: ProposalTotals, votes: [CountedVote]) {
        func delegate(_ a: Address) throws -> Address {
            guard let d = delegations[a] else { throw Problem.missingDelegation(a) }
            return d
        }
        var deductions: [Address: BigUInt] = [:]
        var counted: [CountedVote] = []
        for vote in votes {
            let d = try delegate(vote.voter)
            let role: Role
            if d == vote.voter {
                role = .orchestrator
            } else if try delegate(d) == d {
                role = .delegator
                deductions[d, default: 0] += vote.weight
            } else {
                role = .other
            }
            counted.append(CountedVote(vote: vote, delegate: d, countedWeight: vote.weight, role: role))
        }
        var totals = ProposalTotals(against: 0, for: 0, abstain: 0)
        for i in counted.indices {
            if counted[i].role == .orchestrator, let deducted = deductions[counted[i].vote.voter] {
                guard deducted <= counted[i].vote.weight else {
                    throw Problem.overrides(orchestrator: counted[i].vote.voter, weight: counted[i].vote.weight, deducted: deducted)
                }
                counted[i].countedWeight = counted[i].vote.weight - deducted
            }
            totals[counted[i].vote.support] += counted[i].countedWeight
        }
        return (totals, counted)
    }
}
