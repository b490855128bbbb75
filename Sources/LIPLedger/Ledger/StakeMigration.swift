import Foundation

/// One L1-to-L2 migration as the ledger holds it (a row of `migrations`).
public struct StakeMigration: Equatable, Sendable {
    /// What moved.
    public var kind: MigrationKind
    /// The L1 account (lowercase).
    public var l1Account: String
    /// Its L2 address, when the migration names one.
    public var l2Account: String?
    /// The L2 block of the migration.
    public var l2Block: Int
    /// The delegator pool, for `pool` and `orchestrator`.
    public var pool: String?

    /// Creates a migration row.
    public init(kind: MigrationKind, l1Account: String, l2Account: String?, l2Block: Int, pool: String?) {
        self.kind = kind
        self.l1Account = l1Account
        self.l2Account = l2Account
        self.l2Block = l2Block
        self.pool = pool
    }
}
