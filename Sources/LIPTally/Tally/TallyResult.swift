import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// The outcome of a tally.
public struct TallyResult: Equatable, Sendable {
    /// The poll.
    public var poll: PollParameters
    /// Whose stake counts.
    public var stakeMode: StakeMode
    /// What participation is measured against.
    public var quorumBase: QuorumBase
    /// Whether a snapshot predates the end block.
    public var provisional: Bool
    /// The snapshots used (L2 first in `l1+l2`).
    public var snapshots: [SnapshotReference]
    /// Stake that voted yes.
    public var yes: BigUInt
    /// Stake that voted no.
    public var no: BigUInt
    /// yes + no.
    public var totalVoteStake: BigUInt
    /// The quorum base.
    public var totalStake: BigUInt
    /// Whether totalVoteStake reached floor(totalStake × quorum / 10^6).
    public var quorumMet: Bool
    /// `yes`, `no` or `quorum-not-met`.
    public var result: PollOutcome
    /// Voters by weight (descending), then address.
    public var voters: [VoterResult]
    /// Data and rule warnings, in a fixed order.
    public var warnings: [String]
    /// SHA-256 of the canonical inputs, hex.
    public var inputsDigest: String

    /// floor(totalStake × quorum / 10^6): the vote stake needed.
    public var quorumThreshold: BigUInt { totalStake * poll.quorum / 1_000_000 }
    /// floor(totalVoteStake × quota / 10^6): yes must exceed it.
    public var quotaThreshold: BigUInt { totalVoteStake * poll.quota / 1_000_000 }
}
