import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// What participation is measured against.
public enum QuorumBase: String, CaseIterable, Sendable {
    /// All staked LPT (LIP-16).
    case bonded
    /// The active orchestrators' stake (what the explorer divides by).
    case active
}
