import BigInt
import Foundation
import LIPGovernor
import LIPDocuments
import LIPCore
import LIPEthereum
import LIPLedger
import LIPTally

/// Everything an export shows about a tallied proposal, one model for every format (as
/// `PollReport` is for polls): the result, display names, the LIP it carries out and the commands
/// that rebuild it.
public struct ProposalReport: Sendable {
    /// The tally.
    public var result: ProposalResult
    /// Names by address (from `--names`).
    public var names: [Address: String]
    /// The commands that rebuild the ledger and the tally.
    public var commands: [ReproduceCommand]
    /// The LIP file the description names, relative to the workspace, when the workspace has it.
    public var lipFile: String?
    /// Where LIP files are linked to.
    public var linkBase: String
    /// Where addresses are linked: the network the proposals were read from.
    public var explorers: Explorers = .mainnet

    /// Creates a report.
    public init(
        result: ProposalResult, names: [Address: String] = [:], commands: [ReproduceCommand] = [], lipFile: String? = nil,
        linkBase: String = "https://github.com/livepeer/LIPs/blob/master/"
    ) {
        self.result = result
        self.names = names
        self.commands = commands
        self.lipFile = lipFile
        self.linkBase = linkBase
    }

    func lpt(_ wei: BigUInt) -> String { result.lpt(wei) }
    func share(_ wei: BigUInt) -> String { Amount.percent(wei, of: result.totals.sum) + "%" }

    /// The result as a Discourse post.
    public var forumPost: String {
        let sections = forumSections
        return sections.head + voterTable.markdown + sections.tail
    }

    /// Each support's name as the voters' table shows it (`For`), by raw value: made once, not
    /// once per voter.
    static let supportLabels = VoteSupport.allCases.sorted { $0.rawValue < $1.rawValue }.map { $0.name.capitalized }

    /// The voters, heaviest first, each with its support, counted and cast weight and reason.
    public var voterTable: VoterTable {
        var table = voterTableFrame
        table.rows = result.votes.map { v in
            let text = voterText(v)
            return [
                VoterTable.Cell(names[v.vote.voter] ?? v.vote.voter.short, of: v.vote.voter, linkedTo: explorers.url(v.vote.voter, on: .l2), then: text.role),
                VoterTable.Cell(text.support), VoterTable.Cell(text.counted), VoterTable.Cell(text.cast), VoterTable.Cell(text.reason),
            ]
        }
        return table
    }

    /// The voters' table without its rows (its heading and columns), for a format that writes
    /// the rows itself from `result.votes` and `voterText`.
    package var voterTableFrame: VoterTable {
        VoterTable(
            count: result.votes.count, columns: [("Voter", false), ("Support", false), ("Counted (LPT)", true), ("Cast (LPT)", true), ("Reason", false)], rows: [],
            note: nil)
    }

    /// A voter's row as text, after its label: its role (` (orchestrator)`, ` (delegator of …)`,
    /// or `` when it has none), its support, its counted and cast weight, its reason.
    func voterText(_ v: ProposalCount.CountedVote) -> (role: String, support: String, counted: String, cast: String, reason: String) {
        let rest = restText(v)
        return (roleText(v.role, delegate: v.delegate), rest.support, rest.counted, rest.cast, rest.reason)
    }

    /// What `voterText` gives after the role.
    package func restText(_ v: ProposalCount.CountedVote) -> (support: String, counted: String, cast: String, reason: String) {
        (Self.supportLabels[v.vote.support.rawValue], lpt(v.countedWeight), lpt(v.vote.weight), v.vote.reason)
    }

    /// A voter's role as its row shows it after its label: what `voterText` gives as `role`,
    /// which depends on these two alone (a format may make it once per delegate).
    package func roleText(_ role: ProposalCount.Role, delegate: Address) -> String {
        role == .orchestrator ? " (orchestrator)" : (role == .delegator ? " (delegator of \(names[delegate] ?? delegate.short))" : "")
    }

    /// The post before its voters' table, and after it.
    public var forumSections: (head: String, tail: String) {
        let r = result, t = r.totals
        let d = r.description
        var out = "## Proposal: \(Escaping.markdown(d.title)) — result\n\n"
        if let lip = d.lip {
            out += "Carries out " + (lipFile.map { "[LIP-\(lip)](\(Escaping.markdownURL(linkBase + $0)))" } ?? "LIP-\(lip)") + ".\n\n"
        }
        out += "**\(r.resultWords)**\(r.provisional ? " — *provisional*" : "")\n\n"
        out += "| | Stake (LPT) | Share |\n| --- | ---: | ---: |\n"
        out += "| For | \(lpt(t.for)) | \(share(t.for)) of the vote |\n"
        out += "| Against | \(lpt(t.against)) | \(share(t.against)) of the vote |\n"
        out += "| Abstain | \(lpt(t.abstain)) | \(share(t.abstain)) of the vote |\n"
        out +=
            "| Participation | \(lpt(t.sum)) of \(lpt(r.views.totalSupply)) | \(Amount.percent(t.sum, of: r.views.totalSupply))% (quorum \(r.ppm(r.views.quorumNumerator)), \(lpt(r.quorum)) LPT: \(r.quorumMet ? "met" : "not met")) |\n"
        out += "| For share of For + Against | | \(Amount.percent(t.for, of: t.for + t.against))% (quota: at least \(r.ppm(r.views.quota))) |\n\n"
        out += "```text\n"
        out +=
            "Participation \(TextChart.bar(t.sum, of: r.views.totalSupply, thresholdPPM: r.views.quorumNumerator)) \(Amount.percent(t.sum, of: r.views.totalSupply))% of the stake; quorum \(r.ppm(r.views.quorumNumerator))\n"
        out +=
            "For           \(TextChart.bar(t.for, of: t.for + t.against, thresholdPPM: r.views.quota)) \(Amount.percent(t.for, of: t.for + t.against))% of For + Against; quota: at least \(r.ppm(r.views.quota))\n"
        out += "```\n\n"
        switch r.matchesChain {
        case true?: out += "On-chain check: the governor's `proposalVotes` equals these totals.\n\n"
        case false?: out += "On-chain check: **the governor's `proposalVotes` differs**: " + r.differences.joined(separator: "; ") + ".\n\n"
        case nil: out += "On-chain check: `proposalVotes` was not read.\n\n"
        }
        out +=
            "Counted as LivepeerGovernor counts (GovernorCountingOverridable): a delegator who votes takes its stake off its orchestrator's vote. Each voter's cast weight is what its VoteCast says; the counted weight is what it adds after overrides. "
        out +=
            "Snapshot round \(r.proposal.voteStart), deadline round \(r.proposal.voteEnd); governor \(explorers.link(r.proposal.governor.short, r.proposal.governor, on: .l2)).\n\n"
        var tail = ""
        if !r.warnings.isEmpty {
            tail += "**Warnings**\n\n" + r.warnings.map { "- " + $0 + "\n" }.joined() + "\n"
        }
        guard !commands.isEmpty else { return (out, tail + "---\n\nInputs digest: `sha256:\(r.inputsDigest)`.\n") }
        tail += "---\n\nInputs digest: `sha256:\(r.inputsDigest)`. Anyone can reproduce this result with `lip`:\n\n```\n"
        for c in commands { tail += c.line + (c.sha256.map { "   # sha256 \($0.prefix(16))…" } ?? "") + "\n" }
        tail += "```\n"
        return (out, tail)
    }

    /// One row per voter: `address,name,support,cast_weight_wei,counted_weight_wei,counted_weight_lpt,role,delegate,reason` (RFC 4180, CRLF).
    public var csv: String {
        var out = "address,name,support,cast_weight_wei,counted_weight_wei,counted_weight_lpt,role,delegate,reason\r\n"
        for v in result.votes {
            let cells = [
                v.vote.voter.checksummed, names[v.vote.voter] ?? "", v.vote.support.name, String(v.vote.weight), String(v.countedWeight),
                Amount.formatLPT(v.countedWeight, decimals: 18), v.role.rawValue, v.delegate.checksummed, v.vote.reason,
            ]
            out += cells.map(Escaping.csv).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A standalone SVG: participation against quorum, then For against Against with the quota line.
    public var svg: String {
        let r = result, t = r.totals
        let width = 720, barX = 20, barWidth = 680, barHeight = 36
        func x(_ part: BigUInt, of whole: BigUInt) -> Int { whole == 0 ? 0 : Int(min(part, whole) * BigUInt(barWidth) / whole) }
        let full = "Proposal: \(r.description.title) — \(r.resultWords)"
        let heading = full.count > 72 ? String(full.prefix(71)) + "…" : full
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"250\" viewBox=\"0 0 \(width) 250\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n"
        out += "  <title>\(Escaping.xml(full))</title>\n  <rect width=\"\(width)\" height=\"250\" fill=\"#ffffff\"/>\n"
        out += "  <text x=\"\(barX)\" y=\"24\" font-size=\"16\" font-weight=\"bold\">\(Escaping.xml(heading))</text>\n"
        out +=
            "  <text x=\"\(barX)\" y=\"54\">Supply: \(Escaping.xml(lpt(r.views.totalSupply))) LPT — participation \(Amount.percent(t.sum, of: r.views.totalSupply))% (quorum \(r.ppm(r.views.quorumNumerator)))</text>\n"
        var left = barX
        for (label, part, color) in [("For", t.for, "#2e7d32"), ("Against", t.against, "#c62828"), ("Abstain", t.abstain, "#757575")] {
            let w = x(part, of: r.views.totalSupply)
            out += "  <rect x=\"\(left)\" y=\"62\" width=\"\(w)\" height=\"\(barHeight)\" fill=\"\(color)\"><title>\(label): \(Escaping.xml(lpt(part))) LPT</title></rect>\n"
            left += w
        }
        out += "  <rect x=\"\(left)\" y=\"62\" width=\"\(barX + barWidth - left)\" height=\"\(barHeight)\" fill=\"#bdbdbd\"><title>Not voting</title></rect>\n"
        let qx = barX + x(r.quorum, of: r.views.totalSupply)
        out += "  <line x1=\"\(qx)\" y1=\"56\" x2=\"\(qx)\" y2=\"\(62 + barHeight + 6)\" stroke=\"#000000\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>\n"
        out += "  <text x=\"\(qx + 4)\" y=\"\(62 + barHeight + 16)\" font-size=\"11\">quorum \(r.ppm(r.views.quorumNumerator))</text>\n"
        let decided = t.for + t.against
        let forW = x(t.for, of: decided)
        out += "  <text x=\"\(barX)\" y=\"146\">For \(Amount.percent(t.for, of: decided))% of For + Against (quota: at least \(r.ppm(r.views.quota)))</text>\n"
        if decided == 0 {
            out += "  <rect x=\"\(barX)\" y=\"154\" width=\"\(barWidth)\" height=\"\(barHeight)\" fill=\"#eeeeee\"><title>No For or Against votes</title></rect>\n"
        } else {
            out += "  <rect x=\"\(barX)\" y=\"154\" width=\"\(forW)\" height=\"\(barHeight)\" fill=\"#2e7d32\"><title>For: \(Escaping.xml(lpt(t.for))) LPT</title></rect>\n"
            out +=
                "  <rect x=\"\(barX + forW)\" y=\"154\" width=\"\(barWidth - forW)\" height=\"\(barHeight)\" fill=\"#c62828\"><title>Against: \(Escaping.xml(lpt(t.against))) LPT</title></rect>\n"
        }
        let tx = barX + x(r.quotaThreshold, of: decided)
        out += "  <line x1=\"\(tx)\" y1=\"148\" x2=\"\(tx)\" y2=\"\(154 + barHeight + 6)\" stroke=\"#000000\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>\n"
        out += "  <text x=\"\(tx + 4)\" y=\"\(154 + barHeight + 16)\" font-size=\"11\">quota \(r.ppm(r.views.quota))</text>\n"
        var lx = barX
        for (label, color) in [("For \(lpt(t.for)) LPT", "#2e7d32"), ("Against \(lpt(t.against)) LPT", "#c62828"), ("Abstain \(lpt(t.abstain)) LPT", "#757575")] {
            out += "  <rect x=\"\(lx)\" y=\"226\" width=\"12\" height=\"12\" fill=\"\(color)\"/>\n  <text x=\"\(lx + 16)\" y=\"237\">\(Escaping.xml(label))</text>\n"
            lx += 230
        }
        return out + "</svg>\n"
    }
}
