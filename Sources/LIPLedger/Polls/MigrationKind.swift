import Foundation
import LIPEthereum

/// How an L1 account's stake reached L2 (LIP-73).
public enum MigrationKind: String, CaseIterable, Sendable {
    /// MigrateDelegatorFinalized: the L1 account moved to an L2 address.
    case delegator
    /// StakeClaimed: a snapshot claim on L2 by the same address.
    case claim
    /// DelegatorPoolCreated: the pool holding an L1 orchestrator's remaining delegators.
    case pool
    /// The migrations CSV: an orchestrator moved and its pool, at once.
    case orchestrator
}
