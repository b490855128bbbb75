import BigInt
import Crypto
import Foundation
import LIPCore
import GRDB

/// What identifies a snapshot and the totals that may come with it.
public struct SnapshotOptions: Sendable {
    /// `l1` or `l2`.
    public var chain: Chain
    /// The block on its own chain.
    public var block: Int
    /// For L2: the L1 block Arbitrum reported.
    public var l1Block: Int?
    /// On-chain total bonded (quorum base when given).
    public var totalBonded: BigUInt?
    /// On-chain total active stake.
    public var totalActive: BigUInt?
    /// The format, or nil to guess from the content.
    public var format: SnapshotFormat?
    /// Replace a snapshot imported before with other content.
    public var replace: Bool

    /// Creates options.
    public init(chain: Chain, block: Int, l1Block: Int? = nil, totalBonded: BigUInt? = nil, totalActive: BigUInt? = nil, format: SnapshotFormat? = nil, replace: Bool = false) {
        self.chain = chain
        self.block = block
        self.l1Block = l1Block
        self.totalBonded = totalBonded
        self.totalActive = totalActive
        self.format = format
        self.replace = replace
    }
}
