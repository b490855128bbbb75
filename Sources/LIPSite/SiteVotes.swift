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
        // Split on the newline byte: a report holds a line per voter, and splitting by Character
        // (grapheme clusters) was a tenth of a large site.
        for bytes in markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = Substring(bytes)
            if line.hasPrefix("[details=\""), line.hasSuffix("\"]") {
                lines.append("**" + line.dropFirst("[details=\"".count).dropLast(2) + "**")
            } else if line == "[/details]" {
                continue
            } else {
                lines.append(String(line))
            }
        }
        return MarkdownHTML.render(lines.joined(separator: "\n")) { url, isImage in
            guard LinkPolicy.isWeb(url) else { return .text }
            return isImage ? .link(url) : .target(url)
        }
    }

    /// A report's voters as HTML, written directly (ten thousand rows through a markdown
    /// renderer were most of a vote's page): as cmark-gfm renders the forum post's table, each
    /// cell's text escaped as text (a reason's URL stays text), links kept to http(s); except
    /// that a voter of `voterPages` links to its own page in the site (`../voters/0x….html`,
    /// from a page one folder deep), where its every vote is, instead of to an explorer.
    static func html(_ table: VoterTable, voterPages: Set<Address>) -> String {
        var out = "<p><strong>\(SitePage.text(table.heading))</strong></p>\n<table>\n<thead>\n<tr>\n"
        let opens = table.columns.map { $0.alignsRight ? "<td align=\"right\">" : "<td>" }
        for column in table.columns { out += (column.alignsRight ? "<th align=\"right\">" : "<th>") + SitePage.text(column.name) + "</th>\n" }
        out += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            out.reserveCapacity(out.utf8.count + table.rows.count * (40 + 60 * table.columns.count))
            out += "<tbody>\n"
            for row in table.rows {
                out += "<tr>\n"
                for (cell, open) in zip(row, opens) {
                    out += open
                    if let label = cell.label {
                        if let account = cell.account, voterPages.contains(account) {
                            out += "<a href=\"../voters/" + account.lowercased + ".html\">" + SitePage.text(label) + "</a>"
                        } else if let url = cell.url, LinkPolicy.isWeb(url) {
                            out += "<a href=\"" + Escaping.xml(url) + "\">" + SitePage.text(label) + "</a>"
                        } else {
                            out += SitePage.text(label)
                        }
                    }
                    out += SitePage.text(cell.text) + "</td>\n"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n"
        if let note = table.note { out += "<p>" + SitePage.text(note) + "</p>\n" }
        return out
    }

    /// A forum post as a page shows it: the text before and after its voters rendered as the
    /// LIP bodies are, the voters written directly.
    static func html(_ sections: (head: String, tail: String), voters: VoterTable, voterPages: Set<Address>) -> String {
        forumHTML(sections.head) + html(voters, voterPages: voterPages) + forumHTML(sections.tail)
    }

    /// `polls/0x….html`: the forum export of `poll`'s tally (figures, chart, voters, evidence)
    /// as HTML, or why it was not tallied; and the report, when the poll is of a LIP of `lips`
    /// (whose page shows it too). Its voters of `voterPages` link to their pages.
    static func pollPage(
        _ poll: PollInfo, lip: Int?, tally: CountedVote.Counted<PollTally>, workspace: Workspace, lips: [SiteLIP], voterPages: Set<Address>, siteTitle: String
    ) throws -> (path: String, page: String, lipReport: String?) {
        let report: String
        switch tally {
        case .counted(let tally):
            let made = try tally.report(names: [:], linkBase: PollReport.lipsOnGitHub, ledgerPath: nil, workspace: workspace)
            report = html(made.forumSections, voters: made.voterTable, voterPages: voterPages)
        case .notCounted(let message):
            report = "<p>Not tallied: \(SitePage.text(message))</p>\n"
        }
        let name = lip.map { "LIP-\($0) poll" } ?? "Poll \(poll.address.checksummed)"
        var body = "<h1>\(SitePage.text(name))</h1>\n"
        var lipReport: String?
        if let lip, let page = lips.first(where: { $0.number == lip }) {
            body +=
                "<p>For <a href=\"../\(page.page)\">\(SitePage.text(page.name)): \(SitePage.text(page.title))</a>; poll <code>\(poll.address.checksummed)</code>, ending at block \(poll.endBlock).</p>\n"
            lipReport = report
        }
        return ("polls/\(poll.address.lowercased).html", SitePage.page(title: "\(name) — \(siteTitle)", root: "../", body: body + report), lipReport)
    }

    /// `proposals/ID.html`: `proposal` counted with overrides, or why it was not. Its voters of
    /// `voterPages` link to their pages.
    static func proposalPage(
        _ proposal: GovernorProposal, count: CountedVote.Counted<ProposalResult>, voterPages: Set<Address>, siteTitle: String
    ) -> (path: String, page: String) {
        let title = ProposalDescription(proposal.description).title
        var body = "<h1>Proposal: \(SitePage.text(title))</h1>\n<p>Proposal <code>\(proposal.id)</code> of governor <code>\(proposal.governor.checksummed)</code>.</p>\n"
        switch count {
        case .counted(let result):
            let made = ProposalReport(result: result)
            body += html(made.forumSections, voters: made.voterTable, voterPages: voterPages)
        case .notCounted(let message): body += "<p>Not counted: \(SitePage.text(message))</p>\n"
        }
        return ("proposals/\(proposal.id).html", SitePage.page(title: "Proposal \(title) — \(siteTitle)", root: "../", body: body))
    }

    /// RFC 5545: a VEVENT on the day each LIP's Last Call ends (dates from the LIPs), and at each
    /// open vote's estimated deadline (from the block times the ledger's last sync kept; never the clock).
    /// With a base URL each Last Call event links its LIP's page.
    static func calendar(_ lips: [SiteLIP], votes: [Deadlines], title: String, baseURL: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//lip//site//EN", "X-WR-CALNAME:\(Deadlines.icsText(title))"]
        let lastCall = lips.compactMap { lip -> (SiteLIP, CalendarDate)? in
            guard lip.document.status == .lastCall, let date = lip.document.preamble?.value("last-call-deadline").flatMap(CalendarDate.init) else { return nil }
            return (lip, date)
        }.sorted { ($0.1, $0.0.document.path) < ($1.1, $1.0.document.path) }
        for (lip, date) in lastCall {
            let day = date.description.replacingOccurrences(of: "-", with: "")
            lines += [
                "BEGIN:VEVENT", "UID:last-call-\(Deadlines.icsText(lip.name))@lip-site", "DTSTAMP:\(day)T000000Z", "DTSTART;VALUE=DATE:\(day)",
                "SUMMARY:\(Deadlines.icsText("Last Call ends: \(lip.name) \(VisibleText.oneLine(lip.title))"))",
            ]
            if !baseURL.isEmpty { lines.append("URL:" + baseURL + lip.page) }
            lines.append("END:VEVENT")
        }
        lines += votes.flatMap(\.icsEvents)
        lines.append("END:VCALENDAR")
        return lines.map(Deadlines.fold).joined(separator: "\r\n") + "\r\n"
    }
}

extension SiteVotes {
    /// `voters/0x….html` for the accounts at `indices` of those that voted in a poll or on a
    /// proposal: its record (records.md), each vote linking its page, and the account's pages on
    /// `explorers` (the vote pages link a voter here rather than there); given to `give` one by one.
    /// Returns each account's row of `voters.html`, in the order of `indices`.
    static func voterPages(
        _ records: VoterRecords, _ indices: Range<Int>, explorers: Explorers, siteTitle: String, to give: (String, String) throws -> Void
    ) throws -> [String] {
        var rows: [String] = []
        rows.reserveCapacity(indices.count)
        // Ten thousand pages of two hundred rows: a cell's HTML is made once per distinct text
        // (roles, choices, outcomes, LIPs, a vote's link), a weight's once per page.
        var cells: [String: String] = [:]
        func cell(_ text: String) -> String {
            if let known = cells[text] { return known }
            let made = "<td>\(SitePage.text(text))</td>"
            cells[text] = made
            return made
        }
        // A vote's link and LIP cell, by its place in a record: every record lists the same votes
        // in the same order.
        var links: [Int: String] = [:]
        for index in indices {
            let account = records.accounts[index]
            let record = records.record(index)
            var weights: [BigUInt: String] = [:]
            var body = "<h1>Voter \(account.checksummed)</h1>\n"
            body.reserveCapacity(300 * record.entries.count + 1000)
            let onExplorers = [(Chain.l2, "Arbitrum (L2)"), (Chain.l1, "Ethereum (L1)")].compactMap { chain, name in
                explorers.url(account, on: chain).map { "<a href=\"\(Escaping.xml($0))\">\(name)</a>" }
            }
            if !onExplorers.isEmpty { body += "<p>On the explorer: \(onExplorers.joined(separator: " · ")).</p>\n" }
            body +=
                "<p>Voted in \(record.voted) of the \(record.eligible) ended votes it could weigh in (participation \(SitePage.text(record.participation ?? "-"))); with the outcome in \(record.withOutcome).</p>\n"
            body += "<table>\n<tr><th>Vote</th><th>LIP</th><th>Role</th><th>Voted</th><th>Weight (LPT)</th><th>Its orchestrator</th><th>Outcome</th></tr>\n"
            for (place, e) in record.entries.enumerated() {
                if let link = links[place] {
                    body += link
                } else {
                    let page = e.kind == .poll ? "../polls/\(e.id).html" : "../proposals/\(e.id).html"
                    let name = e.kind == .poll ? "poll \(e.id.prefix(10))…" : "proposal \(e.id.count > 12 ? String(e.id.prefix(6)) + "…" + String(e.id.suffix(4)) : e.id)"
                    let link = "<tr><td><a href=\"\(page)\">\(SitePage.text(name))</a></td>" + cell(e.lip.map { "LIP-\($0)" } ?? "-")
                    links[place] = link
                    body += link
                }
                body += cell(e.role ?? "-")
                body += cell(e.voted ?? (e.open ? "(open)" : "did not vote"))
                if let weight = e.weight {
                    if let known = weights[weight] {
                        body += known
                    } else {
                        let made = "<td>\(SitePage.text(LPTFigure.text(weight)))</td>"
                        weights[weight] = made
                        body += made
                    }
                } else {
                    body += cell("unknown")
                }
                body += cell(e.delegateVoted ?? "-")
                body += cell(e.outcome ?? (e.open ? "open" : "-"))
                body += "</tr>\n"
            }
            body += "</table>\n"
            for warning in record.warnings { body += "<p>Note: \(SitePage.text(warning))</p>\n" }
            try give("voters/\(account.lowercased).html", SitePage.page(title: "Voter \(account.checksummed) — \(siteTitle)", root: "../", body: body))
            rows.append(
                "<tr><td><a href=\"voters/\(account.lowercased).html\"><code>\(account.checksummed)</code></a></td><td>\(record.voted)</td><td>\(record.eligible)</td><td>\(SitePage.text(record.participation ?? "-"))</td></tr>\n"
            )
        }
        return rows
    }

    /// `voters.html`: every account that voted, by address (a reader finds its own with the
    /// browser's search), each linking its page, with how many ended votes it cast of those it
    /// could weigh in.
    static func voterList(_ rows: [String], siteTitle: String) -> String {
        let accounts = rows.count == 1 ? "1 account" : "\(rows.count) accounts"
        var body = "<h1>Voters</h1>\n<p>\(accounts) voted in a poll or on a proposal of the ledger; each links its record.</p>\n"
        body.reserveCapacity(rows.count * 180 + 400)
        body += "<table>\n<tr><th>Account</th><th>Voted</th><th>Of the ended votes it could weigh in</th><th>Participation</th></tr>\n"
        for row in rows { body += row }
        body += "</table>\n"
        return SitePage.page(title: "Voters — \(siteTitle)", root: "", body: body)
    }
}
