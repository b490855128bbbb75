import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

/// The formats a stake snapshot can be imported from.
public enum SnapshotFormat: String, CaseIterable, Sendable {
    /// A CSV with `account,delegate,stake[,delegated_stake,status,active]`.
    case csv
    /// The published LIP-73 L1 snapshot: a JSON array of packed 104-byte hex entries.
    case lip73
    /// A Livepeer subgraph GraphQL response with delegators and transcoders.
    case subgraph
}
