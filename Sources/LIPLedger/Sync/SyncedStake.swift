import BigInt
import Foundation
import LIPEthereum

/// The stake a sync read from a node at one block: a snapshot of source `rpc`.
package struct SyncedStake: Sendable {
    /// The chain.
    package var chain: Chain
    /// The block the views were called at.
    package var block: Int
    /// Its hash.
    package var blockHash: String
    /// The L1 block it stands for (Arbitrum's l1BlockNumber; the block itself elsewhere).
    package var l1Block: Int
    /// The accounts read.
    package var accounts: [SnapshotAccount]
    /// `getTotalBonded()` at the block: the total active stake.
    package var totalActive: BigUInt
    /// True when only voters and their delegates were read.
    package var partial: Bool

    /// Creates synced stake.
    package init(chain: Chain, block: Int, blockHash: String, l1Block: Int, accounts: [SnapshotAccount], totalActive: BigUInt, partial: Bool) {
        self.chain = chain
        self.block = block
        self.blockHash = blockHash
        self.l1Block = l1Block
        self.accounts = accounts
        self.totalActive = totalActive
        self.partial = partial
    }
}
