import BigInt
import Foundation
import LIPCore
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

extension ViewCall {
    /// BondingVotes `getPastVotes(address,uint256 round)`.
    package static func getPastVotes(_ bondingVotes: Address, _ account: Address, round: BigUInt) -> ViewCall {
        ViewCall(bondingVotes, "getPastVotes(address,uint256)", [.address(account), .uint(round)])
    }
}

extension Node {
    /// An account's votes and delegate at `round` from BondingVotes (keyed by round: any block will do).
    package func votingStake(bondingVotes: Address, account: Address, round: Int) throws -> (votes: BigUInt, delegate: Address) {
        let answers = try read(
            [.getPastVotes(bondingVotes, account, round: BigUInt(round)), .delegatedAt(bondingVotes, account, round: BigUInt(round))], at: try head().number, multicall: nil)
        guard let votes = answers[0], let delegate = answers[1] else {
            throw LIPError.invalidInput(
                file: client.endpoint.display, location: "",
                message: "BondingVotes at \(bondingVotes.checksummed) reverted getPastVotes or delegatedAt of \(account.checksummed) at round \(round)")
        }
        return (try ABI.uint(votes, 0), try ABI.address(delegate, 0))
    }
}
