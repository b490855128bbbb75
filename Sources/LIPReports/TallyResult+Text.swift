import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPTally

/// The tally as text for people (`lip poll tally`).
extension TallyResult {
    /// The result as text for people.
    public func text(title: String? = nil, top: Int = 10) -> String {
        var out = ""
        let name = poll.address?.checksummed ?? "(not on chain)"
        out += "Poll \(name)" + (poll.lip.map { " for LIP-\($0)" + (title.map { ": \(VisibleText.oneLine($0))" } ?? "") } ?? "") + "\n"
        out += "Result: \(result.rawValue.uppercased())\(provisional ? " (provisional)" : "")\n"
        out += "  \(decidingRule)\n\n"
        out += "  participation  \(Amount.percent(totalVoteStake, of: totalStake))% of \(lpt(totalStake)) LPT (quorum \(ppm(poll.quorum)), \(quorumMet ? "met" : "not met"))\n"
        out += "  yes            \(lpt(yes)) LPT, \(Amount.percent(yes, of: totalVoteStake))% of the vote (quota \(ppm(poll.quota)))\n"
        out += "  no             \(lpt(no)) LPT, \(Amount.percent(no, of: totalVoteStake))% of the vote\n\n"
        out += "Stake: \(stakeMode.rawValue), quorum base \(quorumBase.rawValue), poll end block \(poll.endBlock) (L1)\n"
        for s in snapshots {
            out += "  \(s.chain.rawValue) snapshot at block \(s.block)" + (s.l1Block.map { " (L1 block \($0))" } ?? "") + "\n"
        }
        out += "\nVoters: \(voters.count)" + (voters.count > top ? " (top \(top) by weight)" : "") + "\n"
        let rows = voters.prefix(top).map { v in
            [v.address.checksummed, v.choice.rawValue, lpt(v.weight), Amount.percent(v.weight, of: totalVoteStake) + "%", v.roleLabel]
        }
        var widths = [42, 6, 0, 0, 0]
        for r in rows { for i in 2..<4 { widths[i] = max(widths[i], r[i].count) } }
        for r in rows {
            out += "  " + r[0] + "  " + r[1].padding(toLength: widths[1], withPad: " ", startingAt: 0) + "  "
            out += String(repeating: " ", count: widths[2] - r[2].count) + r[2] + " LPT  " + String(repeating: " ", count: widths[3] - r[3].count) + r[3] + "  " + r[4] + "\n"
        }
        if voters.count <= top, let note = roundingNote() { out += "  \(note)\n" }
        if !warnings.isEmpty {
            out += "\nWarnings:\n"
            for w in warnings { out += "  - \(w)\n" }
        }
        out += "\ninputs digest: sha256:\(inputsDigest)\n"
        return out
    }
}
