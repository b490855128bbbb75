import BigInt
import Foundation
import LIPGovernor
import LIPTally
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

extension PollReport {
    /// The result as a Discourse post (markdown with Discourse's `[details]`).
    public var forumPost: String {
        let r = result
        var out = ""
        let title = lipTitle.map { "\(pollName): " + Escaping.markdown($0) } ?? pollName
        if let file = lipFile {
            out += "## [\(title)](\(Escaping.markdownURL(linkBase + file))) — poll result\n\n"
        } else {
            out += "## \(title) — poll result\n\n"
        }
        out += "**\(resultWord)**\(r.provisional ? " — *provisional*" : "")\n\n"
        out += "| | Stake (LPT) | Share |\n"
        out += "| --- | ---: | ---: |\n"
        out += "| Yes | \(lpt(r.yes)) | \(share(r.yes)) of the vote |\n"
        out += "| No | \(lpt(r.no)) | \(share(r.no)) of the vote |\n"
        out +=
            "| Participation | \(lpt(r.totalVoteStake)) of \(lpt(r.totalStake)) | \(Amount.percent(r.totalVoteStake, of: r.totalStake))% (quorum \(ppm(r.poll.quorum)): \(r.quorumMet ? "met" : "not met")) |\n"
        out += "| Yes share | | \(share(r.yes)) (quota: more than \(ppm(r.poll.quota))) |\n\n"
        out += "```text\n" + TextChart.lines(r) + "```\n\n"
        out += "Decided by LIP-16: " + r.decidingRule + ".\n\n"
        let mode = r.stakeMode == .l1l2 ? "L1 and L2 (migration window)" : r.stakeMode.rawValue.uppercased()
        out += "Stake counted: \(mode); quorum base: \(r.quorumBase == .bonded ? "all bonded stake" : "active stake"). "
        out +=
            "Snapshots: "
            + r.snapshots.map { s in
                "\(s.chain.rawValue.uppercased()) block \(s.block)" + (s.l1Block.map { " (L1 block \($0))" } ?? "")
            }.joined(separator: ", ") + ". "
        if let a = r.poll.address {
            out += "Poll \(explorers.link(a.short, a, on: r.poll.chain)), ending at L1 block \(r.poll.endBlock).\n\n"
        } else {
            out += "The poll ends at L1 block \(r.poll.endBlock).\n\n"
        }
        var table = "| Voter | Choice | Stake (LPT) | Share of the vote |\n| --- | --- | ---: | ---: |\n"
        for v in orderedVoters {
            let label = names[v.address].map(Escaping.markdown) ?? v.address.short
            let role = v.role == .delegator ? "" : " (\(v.roleLabel))"
            table += "| \(explorerLink(label, v))\(role) | \(v.choice == .yes ? "Yes" : "No") | \(lpt(v.weight)) | \(share(v.weight)) |\n"
        }
        if let note = r.roundingNote() { table += "\n" + note + "\n" }
        if r.voters.count > 10 {
            out += "[details=\"All \(r.voters.count) voters\"]\n\n" + table + "\n[/details]\n\n"
        } else {
            out += "**Voters (\(r.voters.count))**\n\n" + table + "\n"
        }
        if !r.warnings.isEmpty {
            out += "**Warnings**\n\n"
            for w in r.warnings { out += "- " + w + "\n" }
            out += "\n"
        }
        out += "---\n\n"
        // Without the commands (a page of the site), the digest alone: no empty block.
        guard !commands.isEmpty else { return out + "Inputs digest: `sha256:\(r.inputsDigest)`.\n" }
        out += "Inputs digest: `sha256:\(r.inputsDigest)`. Anyone can reproduce this result with `lip`, from the same files:\n\n"
        out += "```\n"
        for c in commands { out += c.line + (c.sha256.map { "   # sha256 \($0.prefix(16))…" } ?? "") + "\n" }
        out += "```\n"
        return out
    }
}
