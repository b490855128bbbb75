import BigInt
import Foundation
import LIPGovernor
import LIPTally
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

extension PollReport {
    /// One row per voter: `address,name,choice,weight_wei,weight_lpt,share_of_vote,orchestrator,domains`
    /// (RFC 4180, CRLF line ends; share as a percentage with 6 decimals).
    public var csv: String {
        var out = "address,name,choice,weight_wei,weight_lpt,share_of_vote,orchestrator,domains\r\n"
        for v in orderedVoters {
            let domains = Array(Set(v.positions.map(\.position.domain.rawValue))).sorted().joined(separator: ";")
            let cells = [
                v.address.checksummed, names[v.address] ?? "", v.choice.rawValue, String(v.weight), Amount.formatLPT(v.weight, decimals: 18),
                Amount.percent(v.weight, of: result.totalVoteStake, decimals: 6), v.isOrchestrator ? "true" : "false", domains,
            ]
            out += cells.map(Escaping.csv).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
