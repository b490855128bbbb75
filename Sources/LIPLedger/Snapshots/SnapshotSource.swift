import Foundation
import LIPEthereum

/// Where a snapshot's rows came from (the `source` column).
public enum SnapshotSource: String, CaseIterable, Sendable {
    /// A CSV file.
    case csv
    /// The published LIP-73 file.
    case lip73
    /// A subgraph response.
    case subgraph
    /// A JSON-RPC node, read by `lip ledger sync`.
    case rpc
}
