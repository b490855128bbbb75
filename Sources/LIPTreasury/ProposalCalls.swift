import BigInt
import Foundation
import LIPEthereum
import LIPLedger

/// The LPT movements a proposal's calldata asks of the token: its `transfer(address,uint256)` and
/// `transferFrom(address,address,uint256)` actions (what the Treasury timelock executes).
enum ProposalCalls {
    /// One decoded token action.
    struct TokenTransfer: Equatable {
        /// nil for `transfer` (the Treasury's own LPT).
        var from: Address?
        var to: Address
        var amount: BigUInt

        /// Whether `transfer` is this action run by the treasury.
        func agrees(with transfer: TreasuryTransfer, treasury: Address) -> Bool {
            (from ?? treasury) == transfer.from && to == transfer.to && amount == transfer.amount
        }
    }

    static let transferSelector = ABI.selector("transfer(address,uint256)")
    static let transferFromSelector = ABI.selector("transferFrom(address,address,uint256)")

    /// The token actions of `proposal` whose target is `token`; an action that does not decode is none.
    static func transfers(_ proposal: GovernorProposal, token: Address) -> [TokenTransfer] {
        zip(proposal.targets, proposal.calldatas).compactMap { target, data in
            guard target == token, data.count >= 4 else { return nil }
            let selector = Array(data.prefix(4)), args = Array(data.dropFirst(4))
            if selector == transferSelector, args.count == 64, let to = try? ABI.address(args, 0), let amount = try? ABI.uint(args, 1) {
                return TokenTransfer(from: nil, to: to, amount: amount)
            }
            if selector == transferFromSelector, args.count == 96, let from = try? ABI.address(args, 0), let to = try? ABI.address(args, 1),
                let amount = try? ABI.uint(args, 2)
            {
                return TokenTransfer(from: from, to: to, amount: amount)
            }
            return nil
        }
    }
}
