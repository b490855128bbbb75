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
        let sections = forumSections
        return sections.head + voterTable.markdown + sections.tail
    }

    /// The voters, orchestrators first, each with its choice, stake and share of the vote.
    public var voterTable: VoterTable {
        var table = voterTableFrame
        table.rows = orderedVoters.map { v in
            let text = voterText(v)
            return [
                VoterTable.Cell(names[v.address] ?? v.address.short, of: v.address, linkedTo: explorerURL(v), then: text.role), VoterTable.Cell(text.choice),
                VoterTable.Cell(text.stake), VoterTable.Cell(text.share),
            ]
        }
        return table
    }

    /// The voters' table without its rows (its heading, columns and note), for a format that
    /// writes the rows itself from `orderedVoters` and `voterText`.
    package var voterTableFrame: VoterTable {
        VoterTable(
            count: result.voters.count, columns: [("Voter", false), ("Choice", false), ("Stake (LPT)", true), ("Share of the vote", true)], rows: [],
            note: result.roundingNote())
    }

    /// A voter's row as text, after its label: its role (`` for a delegator, ` (orchestrator)`),
    /// its choice, its stake and its share of the vote.
    package func voterText(_ v: VoterResult) -> (role: String, choice: String, stake: String, share: String) {
        (v.role == .delegator ? "" : " (\(v.roleLabel))", v.choice == .yes ? "Yes" : "No", lpt(v.weight), share(v.weight))
    }

    /// The post before its voters' table, and after it.
    public var forumSections: (head: String, tail: String) {
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
        var tail = ""
        if !r.warnings.isEmpty {
            tail += "**Warnings**\n\n"
            for w in r.warnings { tail += "- " + w + "\n" }
            tail += "\n"
        }
        tail += "---\n\n"
        // Without the commands (a page of the site), the digest alone: no empty block.
        guard !commands.isEmpty else { return (out, tail + "Inputs digest: `sha256:\(r.inputsDigest)`.\n") }
        tail += "Inputs digest: `sha256:\(r.inputsDigest)`. Anyone can reproduce this result with `lip`, from the same files:\n\n"
        tail += "```\n"
        for c in commands { tail += c.line + (c.sha256.map { "   # sha256 \($0.prefix(16))…" } ?? "") + "\n" }
        tail += "```\n"
        return (out, tail)
    }
}
