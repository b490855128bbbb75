import BigInt
import Foundation
import LIPEthereum

/// A snapshot as the ledger lists it (a row of `snapshots`).
public struct SnapshotInfo: Sendable, Equatable {
    /// The row id.
    public var id: Int64
    /// The chain.
    public var chain: Chain
    /// Its block on that chain.
    public var block: Int
    /// For L2: the L1 block.
    public var l1Block: Int?
    /// Number of accounts.
    public var accounts: Int
    /// Sum of stake (wei).
    public var totalStake: BigUInt
    /// The on-chain total bonded stake given at import.
    public var totalBonded: BigUInt?
    /// The on-chain total active stake given at import.
    public var totalActive: BigUInt?
    /// Where the rows came from.
    public var source: SnapshotSource
    /// lip73: whether the file had the all-zero entry (not stored as an account).
    public var hadZeroEntry: Bool
    /// rpc: the hash of the block it was read at.
    public var blockHash: String?
    /// rpc: only the voters of a poll and their delegates were read.
    public var partial: Bool
    /// SHA-256 of the canonical rows, stored at import (see `lip ledger verify`).
    public var rowsSHA256: String
    /// Sum of delegated stake of the registered active accounts, stored at import.
    public var activeStake: BigUInt

    /// The L1 block this snapshot stands for: its own block on L1, the reported L1 block on L2.
    public var l1Position: Int { chain == .l1 ? block : (l1Block ?? block) }
}
