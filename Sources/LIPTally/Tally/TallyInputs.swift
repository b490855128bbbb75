import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// Everything a tally is computed from; the same inputs give the same result, byte for byte.
public struct TallyInputs: Sendable {
    /// The poll.
    public var poll: PollParameters
    /// Whose stake counts.
    public var stakeMode: StakeMode
    /// What participation is measured against.
    public var quorumBase: QuorumBase
    /// The snapshots used (L2 first in `l1+l2`).
    public var snapshots: [SnapshotReference]
    /// Whether a snapshot predates the end block.
    public var provisional: Bool
    /// The positions weighed.
    public var positions: [Position]
    /// Every vote cast in the poll.
    public var votes: [CastVote]
    /// The migrations counted (`l1+l2`).
    public var migrations: [StakeMigration]
    /// The on-chain total given at snapshot import, used instead of the sum of positions.
    public var totalOverride: BigUInt?
    /// The stake of every position, when `positions` hold only those that can weigh (the voters'):
    /// stored with the snapshots at import. Nil: the sum of `positions`.
    public var totalBonded: BigUInt?
    /// The delegated stake of every registered active position, likewise.
    public var totalActive: BigUInt?
    /// Warnings found while gathering the inputs.
    public var warnings: [String]
    /// The digest of the ledger rows these inputs were read from, when they were (see `TallyDigest`).
    public var inputsDigest: String?

    /// Creates inputs.
    public init(
        poll: PollParameters, stakeMode: StakeMode, quorumBase: QuorumBase, snapshots: [SnapshotReference], provisional: Bool,
        positions: [Position], votes: [CastVote], migrations: [StakeMigration] = [], totalOverride: BigUInt? = nil, totalBonded: BigUInt? = nil,
        totalActive: BigUInt? = nil, warnings: [String] = [],
        inputsDigest: String? = nil
    ) {
        self.inputsDigest = inputsDigest
        self.poll = poll
        self.stakeMode = stakeMode
        self.quorumBase = quorumBase
        self.snapshots = snapshots
        self.provisional = provisional
        self.positions = positions
        self.votes = votes
        self.migrations = migrations
        self.totalOverride = totalOverride
        self.totalBonded = totalBonded
        self.totalActive = totalActive
        self.warnings = warnings
    }
}
