import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// When a vote on a governor proposal can be printed: the proposal is in the ledger for the
/// network's LivepeerGovernor (on the ledger's network), the ledger shows it Active, and the
/// transaction carries the network's L2 chain id. Anything else is refused, naming both sides.
public enum ProposalVoting {
    /// Where a vote on `reference` goes: the governor, the proposal id and the chain id; refused
    /// unless the governor is `networkGovernor` (network's `livepeer-governor`) and the proposal is Active.
    public static func target(
        _ reference: String, ledger: Ledger, network: LedgerNetwork, networkGovernor: Address?
    ) throws -> (governor: Address, id: BigUInt, chainID: Int) {
        let (governor, proposal) = try ProposalTally.resolve(reference, ledger: ledger)
        guard let chainID = network.chainID(of: .l2) else {
            throw LIPError.refused("network \(network.name) names no l2 chain, where LivepeerGovernor is: a vote would go to no known chain")
        }
        guard let networkGovernor else {
            throw LIPError.refused("network \(network.name) names no l2 livepeer-governor: lip cannot tell that \(governor.checksummed) is its governor")
        }
        guard governor == networkGovernor else {
            throw LIPError.refused(
                "proposal \(proposal) is in the ledger for governor \(governor.checksummed), but network \(network.name)'s livepeer-governor is \(networkGovernor.checksummed): "
                    + "a vote would call a contract that is not the network's; give the network the ledger was filled from (--network)")
        }
        let state = try ledger.proposalViews(governor: governor, id: proposal, delegations: false)?.state
        guard state == .active else {
            throw LIPError.refused("proposal \(proposal) is \(state?.name ?? "not yet voting (no views synced)") in the ledger, not active: a vote now would not count")
        }
        return (governor, proposal, chainID)
    }
}
