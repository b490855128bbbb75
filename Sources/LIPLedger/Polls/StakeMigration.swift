import Foundation
import LIPEthereum

/// One L1-to-L2 migration as the ledger holds it (a row of `migrations`).
public struct StakeMigration: Equatable, Sendable {
    /// What moved.
    public var kind: MigrationKind
    /// The L1 account.
    public var l1Account: Address
    /// Its L2 address, when the migration names one.
    public var l2Account: Address?
    /// The L2 block of the migration.
    public var l2Block: Int
    /// The delegator pool, for `pool` and `orchestrator`.
    public var pool: Address?

    /// Creates a migration row.
    public init(kind: MigrationKind, l1Account: Address, l2Account: Address?, l2Block: Int, pool: Address?) {
        self.kind = kind
        self.l1Account = l1Account
        self.l2Account = l2Account
        self.l2Block = l2Block
        self.pool = pool
    }
}
