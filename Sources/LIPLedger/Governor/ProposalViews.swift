import BigInt
import Foundation
import LIPEthereum

/// What the governor's and BondingVotes' views say about one proposal: the `governor-state` file's
/// contract (governor.md), whether imported or read by `lip ledger sync proposals`.
public struct ProposalViews: Sendable, Equatable {
    /// The proposal id.
    public var id: BigUInt
    /// `getPastTotalSupply(snapshot)`: total active stake at the snapshot round, wei.
    public var totalSupply: BigUInt
    /// `quorumNumerator(snapshot)`, of 1,000,000.
    public var quorumNumerator: BigUInt
    /// `quota()`, of 1,000,000.
    public var quota: BigUInt
    /// `proposalVotes(id)` as counted on chain, nil when not read.
    public var onchain: ProposalTotals?
    /// `state(id)`.
    public var state: ProposalState
    /// `delegatedAt(account, snapshot)` of every voter and every voter's delegate.
    public var delegations: [Address: Address]

    /// Creates the views of a proposal.
    public init(
        id: BigUInt, totalSupply: BigUInt, quorumNumerator: BigUInt, quota: BigUInt, onchain: ProposalTotals?, state: ProposalState, delegations: [Address: Address]
    ) {
        self.id = id
        self.totalSupply = totalSupply
        self.quorumNumerator = quorumNumerator
        self.quota = quota
        self.onchain = onchain
        self.state = state
        self.delegations = delegations
    }
}

/// For, against and abstain totals, wei.
public struct ProposalTotals: Sendable, Equatable {
    /// Against.
    public var against: BigUInt
    /// For.
    public var `for`: BigUInt
    /// Abstain.
    public var abstain: BigUInt

    /// Creates totals.
    public init(against: BigUInt, for: BigUInt, abstain: BigUInt) {
        self.against = against
        self.for = `for`
        self.abstain = abstain
    }

    /// The total of one support.
    public subscript(_ support: VoteSupport) -> BigUInt {
        get {
            switch support {
            case .against: return against
            case .for: return self.for
            case .abstain: return abstain
            }
        }
        set {
            switch support {
            case .against: against = newValue
            case .for: self.for = newValue
            case .abstain: abstain = newValue
            }
        }
    }

    /// All three added.
    public var sum: BigUInt { against + self.for + abstain }
}
