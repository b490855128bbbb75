import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// One voter's part in the result.
public struct VoterResult: Equatable, Sendable {
    /// The voter.
    public var address: Address
    /// `yes` or `no`.
    public var choice: VoteChoice
    /// The stake counted for it.
    public var weight: BigUInt
    /// Its positions, each with the stake of overriding delegators taken off.
    public var positions: [(position: Position, nonVoteStake: BigUInt)]

    public static func == (a: VoterResult, b: VoterResult) -> Bool {
        a.address == b.address && a.choice == b.choice && a.weight == b.weight && a.positions.map(\.position) == b.positions.map(\.position)
            && a.positions.map(\.nonVoteStake) == b.positions.map(\.nonVoteStake)
    }

    /// Whether any position is a registered orchestrator.
    public var isOrchestrator: Bool { positions.contains { $0.position.registered } }

    /// Its part, as `lip poll weight` names it: a registered orchestrator, a delegator of another
    /// account, or neither (no stake in the poll).
    public var role: PollWeight.Role {
        if isOrchestrator { return .orchestrator }
        return positions.contains { $0.position.delegate.map { $0 != address } ?? false } ? .delegator : .none
    }

    /// Its role as the tally's tables and `lip poll weight` label it (its stake added up only
    /// for the label that shows it).
    public var roleLabel: String {
        let role = self.role
        return role.label(stake: role == .none ? positions.reduce(BigUInt(0)) { $0 + $1.position.stake } : 0)
    }
}
