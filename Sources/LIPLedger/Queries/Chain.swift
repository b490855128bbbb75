import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

/// A chain of the ledger.
public enum Chain: String, CaseIterable, Sendable, Codable {
    case l1, l2
}
