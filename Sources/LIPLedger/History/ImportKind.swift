import Foundation
import LIPEthereum

/// What an import read.
public enum ImportKind: String, CaseIterable, Sendable {
    /// A stake snapshot.
    case snapshot
    /// Raw event logs.
    case logs
    /// A votes CSV.
    case votes
    /// A migrations CSV.
    case migrations
    /// `lip ledger sync`: a poll and its stake read from a node.
    case sync
    /// A governor-state file (what a proposals sync reads from views).
    case governorState = "governor-state"
    /// `lip ledger sync proposals`: the governor's logs and views read from a node.
    case proposalSync = "sync-proposals"
    /// `lip ledger sync migrations`: an L2Migrator's logs read from a node.
    case migrationSync = "sync-migrations"
}
