import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// One unit of stake the tally weighs: an account's stake in one domain.
public struct Position: Equatable, Sendable {
    /// The account.
    public var account: Address
    /// Its delegate, nil when none.
    public var delegate: Address?
    /// Its own stake, wei.
    public var stake: BigUInt
    /// Stake delegated to it as orchestrator, wei.
    public var delegatedStake: BigUInt
    /// Whether it is a registered orchestrator.
    public var registered: Bool
    /// Whether it is active (false when unknown).
    public var active: Bool
    /// The ledger the stake is on.
    public var domain: Chain

    /// Creates a position.
    public init(account: Address, delegate: Address?, stake: BigUInt, delegatedStake: BigUInt, registered: Bool, active: Bool, domain: Chain) {
        self.account = account
        self.delegate = delegate
        self.stake = stake
        self.delegatedStake = delegatedStake
        self.registered = registered
        self.active = active
        self.domain = domain
    }
}
