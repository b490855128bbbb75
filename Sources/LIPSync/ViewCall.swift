import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// A read-only contract call (`eth_call`), and the BondingManager views `lip` reads.
package struct ViewCall: Sendable, Hashable {
    /// The contract.
    package var target: Address
    /// Selector and arguments.
    package var data: [UInt8]

    /// A call of `signature` with address and uint arguments.
    package init(_ target: Address, _ signature: String, _ arguments: [ABIArgument] = []) {
        self.target = target
        var data = ABI.selector(signature)
        for argument in arguments {
            switch argument {
            case .address(let a): data += ABI.encode(address: a)
            case .uint(let n): data += ABI.encode(uint: n)
            }
        }
        self.data = data
    }

    /// An argument of a view call.
    package enum ABIArgument: Sendable, Hashable {
        case address(Address)
        case uint(BigUInt)
    }

    /// `getDelegator(address)`: word 2 of the answer is the delegate.
    package static func getDelegator(_ bondingManager: Address, _ account: Address) -> ViewCall {
        ViewCall(bondingManager, "getDelegator(address)", [.address(account)])
    }
    /// `pendingStake(address,uint256)`: on L2 the round is ignored (0); on L1 it is the round of the block.
    package static func pendingStake(_ bondingManager: Address, _ account: Address, round: BigUInt = 0) -> ViewCall {
        ViewCall(bondingManager, "pendingStake(address,uint256)", [.address(account), .uint(round)])
    }
    /// RoundsManager `currentRound()`.
    package static func currentRound(_ roundsManager: Address) -> ViewCall {
        ViewCall(roundsManager, "currentRound()")
    }
    /// `transcoderTotalStake(address)`.
    package static func transcoderTotalStake(_ bondingManager: Address, _ account: Address) -> ViewCall {
        ViewCall(bondingManager, "transcoderTotalStake(address)", [.address(account)])
    }
    /// `isRegisteredTranscoder(address)`.
    package static func isRegisteredTranscoder(_ bondingManager: Address, _ account: Address) -> ViewCall {
        ViewCall(bondingManager, "isRegisteredTranscoder(address)", [.address(account)])
    }
    /// `getTotalBonded()`: the total active stake of the round.
    package static func getTotalBonded(_ bondingManager: Address) -> ViewCall {
        ViewCall(bondingManager, "getTotalBonded()")
    }
    /// `getFirstTranscoderInPool()`: the pool's first orchestrator (the zero address when empty).
    package static func getFirstTranscoderInPool(_ bondingManager: Address) -> ViewCall {
        ViewCall(bondingManager, "getFirstTranscoderInPool()")
    }
    /// `getNextTranscoderInPool(address)`: the orchestrator after `account` (zero at the end).
    package static func getNextTranscoderInPool(_ bondingManager: Address, _ account: Address) -> ViewCall {
        ViewCall(bondingManager, "getNextTranscoderInPool(address)", [.address(account)])
    }
}
