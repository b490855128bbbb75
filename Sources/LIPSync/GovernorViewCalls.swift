import BigInt
import Foundation
import LIPEthereum
import LIPLedger

extension ViewCall {
    /// Governor `state(uint256)`.
    package static func proposalState(_ governor: Address, _ id: BigUInt) -> ViewCall { ViewCall(governor, "state(uint256)", [.uint(id)]) }
    /// Governor `proposalVotes(uint256)`: (against, for, abstain) as counted on chain.
    package static func proposalVotes(_ governor: Address, _ id: BigUInt) -> ViewCall { ViewCall(governor, "proposalVotes(uint256)", [.uint(id)]) }
    /// Governor `quorumNumerator(uint256 round)`.
    package static func quorumNumerator(_ governor: Address, round: BigUInt) -> ViewCall { ViewCall(governor, "quorumNumerator(uint256)", [.uint(round)]) }
    /// Governor `quota()`.
    package static func quota(_ governor: Address) -> ViewCall { ViewCall(governor, "quota()") }
    /// BondingVotes `delegatedAt(address,uint256 round)`.
    package static func delegatedAt(_ bondingVotes: Address, _ account: Address, round: BigUInt) -> ViewCall {
        ViewCall(bondingVotes, "delegatedAt(address,uint256)", [.address(account), .uint(round)])
    }
    /// BondingVotes `getPastTotalSupply(uint256 round)`: total active stake at the end of the round.
    package static func getPastTotalSupply(_ bondingVotes: Address, round: BigUInt) -> ViewCall {
        ViewCall(bondingVotes, "getPastTotalSupply(uint256)", [.uint(round)])
    }
}
