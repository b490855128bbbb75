import BigInt
import Foundation
import LIPEthereum

/// A poll as the ledger holds it (a row of `polls`).
public struct PollInfo: Sendable, Equatable {
    /// The poll contract.
    public var address: Address
    /// The chain it was created on.
    public var chain: Chain
    /// The proposal (an IPFS CID).
    public var proposal: String
    /// The L1 end block.
    public var endBlock: Int
    /// Quorum in parts per million: the share of the stake that must vote.
    public var quorum: BigUInt
    /// Yes must be more than this share of the vote, parts per million.
    public var quota: BigUInt
    /// The linked LIP.
    public var lip: Int?
    /// How many vote rows it has; nil when not counted (`Ledger.polls(countingVotes: false)`).
    public var votes: Int?
    /// The block of its PollCreated (nil in a ledger whose row lacks it).
    public var createdBlock: Int?
}
