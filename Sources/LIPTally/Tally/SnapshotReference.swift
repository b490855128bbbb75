import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// A snapshot a tally used.
public struct SnapshotReference: Equatable, Sendable {
    /// The snapshot's chain.
    public var chain: Chain
    /// Its block on that chain.
    public var block: Int
    /// For L2: the L1 block Arbitrum reported.
    public var l1Block: Int?
}
