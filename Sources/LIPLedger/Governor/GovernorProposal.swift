import BigInt
import Foundation
import LIPEthereum

/// A LivepeerGovernor proposal, from its ProposalCreated log and the lifecycle logs after it.
public struct GovernorProposal: Sendable, Equatable {
    /// The governor that holds it.
    public var governor: Address
    /// The proposal id (a uint256 hash).
    public var id: BigUInt
    /// Who proposed it.
    public var proposer: Address
    /// The calls it executes: targets, values (wei), signatures and calldata.
    public var targets: [Address]
    /// Wei sent with each call.
    public var values: [BigUInt]
    /// Each call's function signature (often empty: the selector is in the calldata).
    public var signatures: [String]
    /// Each call's calldata.
    public var calldatas: [[UInt8]]
    /// The snapshot round (`voteStart`): voting weights are read at it.
    public var voteStart: Int
    /// The deadline round (`voteEnd`).
    public var voteEnd: Int
    /// The description (markdown; the explorer writes `# Title` first).
    public var description: String
    /// The L2 block of ProposalCreated.
    public var block: Int
    /// ProposalQueued's eta, when queued.
    public var queuedETA: BigUInt?
    /// Whether ProposalExecuted was seen.
    public var executed: Bool
    /// Whether ProposalCanceled was seen.
    public var canceled: Bool

    /// Creates a proposal.
    public init(
        governor: Address, id: BigUInt, proposer: Address, targets: [Address], values: [BigUInt], signatures: [String], calldatas: [[UInt8]],
        voteStart: Int, voteEnd: Int, description: String, block: Int, queuedETA: BigUInt? = nil, executed: Bool = false, canceled: Bool = false
    ) {
        self.governor = governor
        self.id = id
        self.proposer = proposer
        self.targets = targets
        self.values = values
        self.signatures = signatures
        self.calldatas = calldatas
        self.voteStart = voteStart
        self.voteEnd = voteEnd
        self.description = description
        self.block = block
        self.queuedETA = queuedETA
        self.executed = executed
        self.canceled = canceled
    }
}
