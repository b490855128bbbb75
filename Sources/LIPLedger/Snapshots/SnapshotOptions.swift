import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

/// What identifies a snapshot and the totals that may come with it.
package struct SnapshotOptions: Sendable {
    /// `l1` or `l2`.
    package var chain: Chain
    /// The block on its own chain.
    package var block: Int
    /// For L2: the L1 block Arbitrum reported.
    package var l1Block: Int?
    /// On-chain total bonded (quorum base when given).
    package var totalBonded: BigUInt?
    /// On-chain total active stake.
    package var totalActive: BigUInt?
    /// The format, or nil to guess from the content.
    package var format: SnapshotFormat?
    /// Replace a snapshot imported before with other content.
    package var replace: Bool

    /// Creates options.
    package init(chain: Chain, block: Int, l1Block: Int? = nil, totalBonded: BigUInt? = nil, totalActive: BigUInt? = nil, format: SnapshotFormat? = nil, replace: Bool = false) {
        self.chain = chain
        self.block = block
        self.l1Block = l1Block
        self.totalBonded = totalBonded
        self.totalActive = totalActive
        self.format = format
        self.replace = replace
    }
}
