import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPRecords
import LIPReports
import LIPTally

/// The pages of the ledger's votes: a page per poll and per proposal with the figures, chart and
/// voters of the forum export (its markdown rendered as the LIP bodies are), and the calendar.
enum SiteVotes {
    /// The forum export's markdown as a page body: Discourse's `[details]` folds become headings,
    /// links kept to http(s) (the explorer's, the LIP's on GitHub).
    static func forumHTML(_ markdown: String) -> String {
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("[details=\""), line.hasSuffix("\"]") {
                lines.append("**" + line.dropFirst("[details=\"".count).dropLast(2) + "**")
            } else if line == "[/details]" {
                continue
            } else {
                lines.append(String(line))
            }
        }
        return MarkdownHTML.render(lines.joined(separator: "\n")) { url, isImage in
            let lower = url.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return .text }
            return isImage ? .link(url) : .target(url)
        }
    }

    /// `polls/0x….html` for each poll of `polls`, tallied by its poll.yaml's rules (a poll that
    /// cannot be tallied says why).
    static func pollPages(_ polls: PollList, ledger: Ledger, workspace: Workspace, lips: [SiteLIP], siteTitle: String) throws -> [String: String] {
        let infos = try ledger.polls(countingVotes: false)
        let files = try PollFile.all(in: workspace)
        var out: [String: String] = [:]
        for row in polls.rows {
            let name = row.lip.map { "LIP-\($0) poll" } ?? "Poll \(row.address.checksummed)"
            var body = "<h1>\(SitePage.text(name))</h1>\n"
            if let lip = row.lip, let page = lips.first(where: { $0.number == lip }) {
                body +=
                    "<p>For <a href=\"../\(page.page)\">\(SitePage.text(page.name)): \(SitePage.text(page.title))</a>; poll <code>\(row.address.checksummed)</code>, ending at block \(row.endBlock).</p>\n"
            }
            do {
                let resolved = try PollResolver.resolve(row.address.checksummed, polls: infos, files: files)
                let rules = try PollRules.resolve(file: resolved.file, stake: nil, quorumBase: nil, chain: resolved.parameters.chain)
                let inputs = try TallyInputs.load(from: ledger, poll: resolved.parameters, stakeMode: rules.stake, quorumBase: rules.quorumBase)
                let page = row.lip.flatMap { lip in lips.first { $0.number == lip } }
                let report = PollReport(result: TallyEngine.tally(inputs), lipTitle: page?.document.title, lipStatus: page?.document.preamble?.value("status"))
                body += forumHTML(report.forumPost)
            } catch let error as LIPError {
                guard case .usage(let message) = error else { throw error }
                body += "<p>Not tallied: \(SitePage.text(message))</p>\n"
            }
            out["polls/\(row.address.lowercased).html"] = SitePage.page(title: "\(name) — \(siteTitle)", root: "../", body: body)
        }
        return out
    }

    /// `proposals/ID.html` for each proposal with views, counted with overrides.
    static func proposalPages(ledger: Ledger, siteTitle: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for proposal in try ledger.proposals() {
            let title = ProposalDescription(proposal.description).title
            var body = "<h1>Proposal: \(SitePage.text(title))</h1>\n<p>Proposal <code>\(proposal.id)</code> of governor <code>\(proposal.governor.checksummed)</code>.</p>\n"
            if let views = try ledger.proposalViews(governor: proposal.governor, id: proposal.id) {
                do {
                    let result = try ProposalTally.tally(proposal: proposal, views: views, votes: try ledger.proposalVotes(governor: proposal.governor, id: proposal.id))
                    body += forumHTML(ProposalReport(result: result).forumPost)
                } catch let error as LIPError {
                    guard case .usage(let message) = error else { throw error }
                    body += "<p>Not counted: \(SitePage.text(message))</p>\n"
                }
            } else {
                body += "<p>Not counted: the ledger has no views of it yet (pending, or not synced).</p>\n"
            }
            out["proposals/\(proposal.id).html"] = SitePage.page(title: "Proposal \(title) — \(siteTitle)", root: "../", body: body)
        }
        return out
    }

    /// RFC 5545: a VEVENT on the day each LIP's Last Call ends (dates from the LIPs, never the clock).
    static func calendar(_ lips: [SiteLIP], title: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//lip//site//EN", "X-WR-CALNAME:\(Deadlines.icsText(title))"]
        let lastCall = lips.compactMap { lip -> (SiteLIP, CalendarDate)? in
            guard lip.document.status == .lastCall, let date = lip.document.preamble?.value("last-call-deadline").flatMap(CalendarDate.init) else { return nil }
            return (lip, date)
        }.sorted { ($0.1, $0.0.document.path) < ($1.1, $1.0.document.path) }
        for (lip, date) in lastCall {
            let day = date.description.replacingOccurrences(of: "-", with: "")
            lines += [
                "BEGIN:VEVENT", "UID:last-call-\(Deadlines.icsText(lip.name))@lip-site", "DTSTAMP:\(day)T000000Z", "DTSTART;VALUE=DATE:\(day)",
                "SUMMARY:\(Deadlines.icsText("Last Call ends: \(lip.name) \(VisibleText.oneLine(lip.title))"))", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Deadlines.fold).joined(separator: "\r\n") + "\r\n"
    }
}

extension SiteVotes {
    /// `voters/0x….html` for every account that voted in a poll or on a proposal: its record
    /// (records.md), each vote linking its page.
    static func voterPages(ledger: Ledger, workspace: Workspace, siteTitle: String) throws -> [String: String] {
        var accounts = Set<Address>()
        for poll in try ledger.polls(countingVotes: false) { for vote in try ledger.votes(poll: poll.address) { accounts.insert(vote.voter) } }
        for proposal in try ledger.proposals() {
            for vote in try ledger.proposalVotes(governor: proposal.governor, id: proposal.id) { accounts.insert(vote.voter) }
        }
        let network = try ledger.network()?.name ?? "mainnet"
        var out: [String: String] = [:]
        for account in accounts.sorted() {
            let record = try VoterRecord.build(
                account: account, ledger: ledger, workspace: workspace, network: network, readers: .init(pollRow: nil, bondingVotes: nil))
            var body = "<h1>Voter \(account.checksummed)</h1>\n"
            body +=
                "<p>Voted in \(record.voted) of the \(record.eligible) ended votes it could weigh in (participation \(SitePage.text(record.participation ?? "-"))); with the outcome in \(record.withOutcome).</p>\n"
            body += "<table>\n<tr><th>Vote</th><th>LIP</th><th>Role</th><th>Voted</th><th>Weight (LPT)</th><th>Its orchestrator</th><th>Outcome</th></tr>\n"
            for e in record.entries {
                let page = e.kind == .poll ? "../polls/\(e.id).html" : "../proposals/\(e.id).html"
                let name = e.kind == .poll ? "poll \(e.id.prefix(10))…" : "proposal \(e.id.count > 12 ? String(e.id.prefix(6)) + "…" + String(e.id.suffix(4)) : e.id)"
                let weight = e.weight.map(LPTFigure.text) ?? "unknown"
                let cells = [
                    e.lip.map { "LIP-\($0)" } ?? "-", e.role ?? "-", e.voted ?? (e.open ? "(open)" : "did not vote"), weight, e.delegateVoted ?? "-",
                    e.outcome ?? (e.open ? "open" : "-"),
                ]
                body += "<tr><td><a href=\"\(page)\">\(SitePage.text(name))</a></td>" + cells.map { "<td>\(SitePage.text($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</table>\n"
            for warning in record.warnings { body += "<p>Note: \(SitePage.text(warning))</p>\n" }
            out["voters/\(account.lowercased).html"] = SitePage.page(title: "Voter \(account.checksummed) — \(siteTitle)", root: "../", body: body)
        }
        return out
    }
}
