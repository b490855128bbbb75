import BigInt
import Foundation

/// The stake a sync read from a node at one block: a snapshot of source `rpc`.
public struct SyncedStake: Sendable {
    /// The chain.
    public var chain: Chain
    /// The block the views were called at.
    public var block: Int
    /// Its hash.
    public var blockHash: String
    /// The L1 block it stands for (Arbitrum's l1BlockNumber; the block itself elsewhere).
    public var l1Block: Int
    /// The accounts read.
    public var accounts: [SnapshotAccount]
    /// `getTotalBonded()` at the block: the total active stake.
    public var totalActive: BigUInt
    /// True when only voters and their delegates were read.
    public var partial: Bool

    /// Creates synced stake.
    public init(chain: Chain, block: Int, blockHash: String, l1Block: Int, accounts: [SnapshotAccount], totalActive: BigUInt, partial: Bool) {
        self.chain = chain
        self.block = block
        self.blockHash = blockHash
        self.l1Block = l1Block
        self.accounts = accounts
        self.totalActive = totalActive
        self.partial = partial
    }
}
