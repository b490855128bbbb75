import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPLedger

/// Whose stake a tally weighs: one chain's snapshot, or both during the migration window.
public enum StakeMode: String, CaseIterable, Sendable {
    case l1
    case l2
    case l1l2 = "l1+l2"
}

/// What participation is measured against.
public enum QuorumBase: String, CaseIterable, Sendable {
    /// All staked LPT (LIP-16).
    case bonded
    /// The active orchestrators' stake (what the explorer divides by).
    case active
}

/// One unit of stake the tally weighs: an account's stake in one domain.
public struct Position: Equatable, Sendable {
    /// The account (lowercase address).
    public var account: String
    /// Its delegate (lowercase), nil when none.
    public var delegate: String?
    /// Its own stake, wei.
    public var stake: BigUInt
    /// Stake delegated to it as orchestrator, wei.
    public var delegatedStake: BigUInt
    /// Whether it is a registered orchestrator.
    public var registered: Bool
    /// Whether it is active (false when unknown).
    public var active: Bool
    /// The ledger the stake is on.
    public var domain: Chain

    /// Creates a position.
    public init(account: String, delegate: String?, stake: BigUInt, delegatedStake: BigUInt, registered: Bool, active: Bool, domain: Chain) {
        self.account = account
        self.delegate = delegate
        self.stake = stake
        self.delegatedStake = delegatedStake
        self.registered = registered
        self.active = active
        self.domain = domain
    }
}

/// One vote as cast: the raw choiceID and where it sits in the chain.
public struct CastVote: Equatable, Sendable {
    /// The voter (lowercase).
    public var voter: String
    /// The raw choiceID (decimal).
    public var choice: String
    /// The block of the Vote event.
    public var block: Int
    /// Its log index.
    public var logIndex: Int

    /// Creates a vote.
    public init(voter: String, choice: String, block: Int, logIndex: Int) {
        self.voter = voter
        self.choice = choice
        self.block = block
        self.logIndex = logIndex
    }
}

/// A migration the tally counted (for the inputs digest).
public struct CountedMigration: Equatable, Sendable {
    /// `delegator`, `claim`, `pool` or `orchestrator`.
    public var kind: String
    /// The L1 account (lowercase).
    public var l1Account: String
    /// Its L2 address, when the migration names one.
    public var l2Account: String?
    /// The L2 block of the migration.
    public var l2Block: Int
    /// The delegator pool, for `pool` and `orchestrator`.
    public var pool: String?

    /// Creates a migration row.
    public init(kind: String, l1Account: String, l2Account: String?, l2Block: Int, pool: String?) {
        self.kind = kind
        self.l1Account = l1Account
        self.l2Account = l2Account
        self.l2Block = l2Block
        self.pool = pool
    }
}

/// The poll being tallied.
public struct PollParameters: Equatable, Sendable {
    /// The poll contract, when known.
    public var address: Address?
    /// The LIP it decides.
    public var lip: Int?
    /// Its chain.
    public var chain: Chain
    /// The L1 end block.
    public var endBlock: Int
    /// Quorum, parts per million: the share of the stake that must vote.
    public var quorum: BigUInt
    /// Yes must be more than this share of the vote, parts per million.
    public var quota: BigUInt

    /// Creates poll parameters.
    public init(address: Address?, lip: Int?, chain: Chain, endBlock: Int, quorum: BigUInt, quota: BigUInt) {
        self.address = address
        self.lip = lip
        self.chain = chain
        self.endBlock = endBlock
        self.quorum = quorum
        self.quota = quota
    }
}

/// A snapshot a tally used.
public struct SnapshotReference: Equatable, Sendable {
    /// The snapshot's chain.
    public var chain: Chain
    /// Its block on that chain.
    public var block: Int
    /// For L2: the L1 block Arbitrum reported.
    public var l1Block: Int?
}

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
    public var migrations: [CountedMigration]
    /// The on-chain total given at snapshot import, used instead of the sum of positions.
    public var totalOverride: BigUInt?
    /// Warnings found while gathering the inputs.
    public var warnings: [String]
    /// The digest of the ledger rows these inputs were read from, when they were (see `TallyDigest`).
    public var inputsDigest: String?

    /// Creates inputs.
    public init(poll: PollParameters, stakeMode: StakeMode, quorumBase: QuorumBase, snapshots: [SnapshotReference], provisional: Bool,
                positions: [Position], votes: [CastVote], migrations: [CountedMigration] = [], totalOverride: BigUInt? = nil, warnings: [String] = [],
                inputsDigest: String? = nil) {
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
        self.warnings = warnings
    }
}

/// One voter's part in the result.
public struct VoterResult: Equatable, Sendable {
    /// The voter.
    public var address: Address
    /// `yes` or `no`.
    public var choice: String
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
}

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
    public var result: String
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
