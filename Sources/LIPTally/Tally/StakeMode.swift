import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// Whose stake a tally weighs: one chain's snapshot, or both during the migration window.
public enum StakeMode: String, CaseIterable, Sendable {
    case l1
    case l2
    case l1l2 = "l1+l2"
}
