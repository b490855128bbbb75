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
