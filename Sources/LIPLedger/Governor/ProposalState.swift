import Foundation
import LIPEthereum

/// `state(proposalId)` of an OpenZeppelin governor.
public enum ProposalState: Int, CaseIterable, Sendable {
    case pending = 0, active, canceled, defeated, succeeded, queued, expired, executed

    /// The state's name, lowercase.
    public var name: String { String(describing: self) }

    /// Whether voting may still change the outcome (pending or active): a tally is then provisional.
    public var isVoting: Bool { self == .pending || self == .active }
}
