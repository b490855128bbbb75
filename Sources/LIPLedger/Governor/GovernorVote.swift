import BigInt
import Foundation
import LIPEthereum

/// One VoteCast (or VoteCastWithParams) of a governor proposal.
public struct GovernorVote: Sendable, Equatable {
    /// The voter.
    public var voter: Address
    /// For, against or abstain.
    public var support: VoteSupport
    /// The weight the log carries: `getPastVotes(voter, snapshot)`, before overrides.
    public var weight: BigUInt
    /// The reason the voter gave (may be empty).
    public var reason: String
    /// VoteCastWithParams' params, nil for VoteCast.
    public var params: [UInt8]?
    /// The L2 block of the log.
    public var block: Int
    /// The log's index in its block.
    public var logIndex: Int

    /// Creates a vote.
    public init(voter: Address, support: VoteSupport, weight: BigUInt, reason: String, params: [UInt8]? = nil, block: Int, logIndex: Int) {
        self.voter = voter
        self.support = support
        self.weight = weight
        self.reason = reason
        self.params = params
        self.block = block
        self.logIndex = logIndex
    }
}

/// A governor vote's `support` (GovernorCountingOverridable): 0 against, 1 for, 2 abstain.
public enum VoteSupport: Int, CaseIterable, Sendable, Comparable {
    case against = 0
    case `for` = 1
    case abstain = 2

    /// The name used in JSON and CSV: `for`, `against` or `abstain`.
    public var name: String {
        switch self {
        case .against: return "against"
        case .for: return "for"
        case .abstain: return "abstain"
        }
    }

    public static func < (a: VoteSupport, b: VoteSupport) -> Bool { a.rawValue < b.rawValue }
}
