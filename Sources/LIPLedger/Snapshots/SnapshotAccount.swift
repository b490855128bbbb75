import BigInt
import Foundation
import LIPEthereum

/// One account of a stake snapshot (a row of `snapshot_accounts`).
public struct SnapshotAccount: Equatable, Sendable {
    /// The account.
    public var account: Address
    /// Its delegate, nil when none.
    public var delegate: Address?
    /// Its pendingStake at the block, wei.
    public var stake: BigUInt
    /// Stake delegated to it as orchestrator, wei.
    public var delegatedStake: BigUInt
    /// Whether it is a registered orchestrator.
    public var registered: Bool
    /// Whether it is active; nil when the source did not say.
    public var active: Bool?
    /// LIP-73 only: the fees of the packed entry.
    public var fees: BigUInt?

    /// Creates an account row.
    public init(account: Address, delegate: Address?, stake: BigUInt, delegatedStake: BigUInt, registered: Bool, active: Bool?, fees: BigUInt?) {
        self.account = account
        self.delegate = delegate
        self.stake = stake
        self.delegatedStake = delegatedStake
        self.registered = registered
        self.active = active
        self.fees = fees
    }
}

extension SnapshotAccount {
    /// The rows of `rows` (every row of one snapshot, in account order, as
    /// `Ledger.forEachAccount(of:)` gives them) whose account is among `accounts`, in account
    /// order, each once: what `Ledger.accounts(of:among:)` reads by key, taken from rows already
    /// read (a count of many polls that one snapshot decides reads it once).
    package static func rows(_ rows: [SnapshotAccount], among accounts: [Address]) -> [SnapshotAccount] {
        var out: [SnapshotAccount] = []
        var j = 0
        var previous: Address?
        for account in accounts.sorted() where account != previous {
            previous = account
            while j < rows.count && rows[j].account < account { j += 1 }
            if j < rows.count && rows[j].account == account { out.append(rows[j]) }
        }
        return out
    }
}
