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
    static func html(_ table: VoterTable, voterPages: SiteVoterLinks) -> [UInt8] {
        var out: [UInt8] = []
        tableHTML(table, rowCount: table.rows.count, to: &out) { out in
            for row in table.rows {
                out += "<tr>".utf8
                for cell in row {
                    out += "<td>".utf8
                    if let label = cell.label {
                        if let account = cell.account, voterPages.contains(account) {
                            SiteVoterLinks.appendLink(to: account, label: label, to: &out)
                        } else if let url = cell.url, LinkPolicy.isWeb(url) {
                            out += "<a href=\"".utf8
                            out += Escaping.xml(url).utf8
                            out += "\">".utf8
                            appendText(label, to: &out)
                            out += "</a>".utf8
                        } else {
                            appendText(label, to: &out)
                        }
                    }
                    appendText(cell.text, to: &out)
                }
                out += "\n".utf8
            }
        }
        return out
    }

    /// Appends a forum post as a page shows it: the text before and after its voters rendered as
    /// the LIP bodies are, the voters' table that `voters` appends between them.
    static func appendForumPost(_ sections: (head: String, tail: String), to out: inout [UInt8], voters: (inout [UInt8]) -> Void) {
        out += forumHTML(sections.head).utf8
        voters(&out)
        out += forumHTML(sections.tail).utf8
    }

    /// Appends `table`'s heading, columns and note around the `rowCount` rows `rows` writes.
    /// A row is `<tr><td>…<td>…` and a newline: HTML lets a table omit its cells' and rows' end
    /// tags, and a column's alignment is the table's class (`right-3`, by the stylesheet), not
    /// an attribute on each of its cells; ten thousand voters a page, two hundred pages, made a
    /// third of the site's bytes those tags and attributes.
    static func tableHTML(_ table: VoterTable, rowCount: Int, to out: inout [UInt8], rows: (inout [UInt8]) -> Void) {
        out.reserveCapacity(out.count + 200 + rowCount * (20 + 50 * table.columns.count))
        let right = table.columns.indices.filter { table.columns[$0].alignsRight }.map { "right-\($0 + 1)" }
        out += "<p><strong>\(SitePage.text(table.heading))</strong></p>\n<table\(right.isEmpty ? "" : " class=\"\(right.joined(separator: " "))\"")>\n<thead>\n<tr>".utf8
        for column in table.columns { out += ("<th>" + SitePage.text(column.name) + "</th>").utf8 }
        out += "</tr>\n</thead>\n".utf8
        if rowCount > 0 {
            out += "<tbody>\n".utf8
            rows(&out)
            out += "</tbody>\n".utf8
        }
        out += "</table>\n".utf8
        if let note = table.note { out += ("<p>" + SitePage.text(note) + "</p>\n").utf8 }
    }

    /// `text` as a cell holds it (`SitePage.text`), its bytes appended to `out`.
    static func appendText(_ text: String, to out: inout [UInt8]) {
        var shown = SitePage.text(text)
        shown.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Where a vote page's voters' table links them when every voter has a page in the site
    /// (which it links instead): nowhere, so that ten thousand explorer addresses a page are not
    /// made to be dropped.
    static let noExplorers = Explorers(addressPages: [:])

    /// A poll's voters' table made as a `VoterTable` (`SiteVoterLinks.appendPollTable` writes it
    /// without one when every voter has a page and none is named).
    static func voterTableHTML(_ report: PollReport, voterPages: SiteVoterLinks) -> [UInt8] {
        var report = report
        if report.result.voters.allSatisfy({ voterPages.contains($0.address) }) { report.explorers = noExplorers }
        return html(report.voterTable, voterPages: voterPages)
    }

    /// A proposal's voters' table made as a `VoterTable`, as a poll's.
    static func voterTableHTML(_ report: ProposalReport, voterPages: SiteVoterLinks) -> [UInt8] {
        var report = report
        if report.result.votes.allSatisfy({ voterPages.contains($0.vote.voter) }) { report.explorers = noExplorers }
        return html(report.voterTable, voterPages: voterPages)
    }

    /// `polls/0x….html`: the forum export of `poll`'s tally (figures, chart, voters, evidence)
    /// as HTML, or why it was not tallied; and the report, when the poll is of a LIP of `lips`
    /// (whose page shows it too). Its voters of `voterPages` link to their pages.
    static func pollPage(
        _ poll: PollInfo, lip: Int?, tally: CountedVote.Counted<PollTally>, workspace: Workspace, lips: [SiteLIP], voterPages: SiteVoterLinks, siteTitle: String
    ) throws -> (path: String, page: [UInt8], lipReport: String?) {
        let report: PollReport?, notTallied: String?
        switch tally {
        case .counted(let tally): (report, notTallied) = (try tally.report(names: [:], linkBase: PollReport.lipsOnGitHub, ledgerPath: nil, workspace: workspace), nil)
        case .notCounted(let message): (report, notTallied) = (nil, message)
        }
        let name = lip.map { "LIP-\($0) poll" } ?? "Poll \(poll.address.checksummed)"
        let lipPage = lip.flatMap { lip in lips.first { $0.number == lip } }
        var lipReport: String?
        let page = SitePage.page(title: "\(name) — \(siteTitle)", root: "../", capacity: 4096 + (report?.result.voters.count ?? 0) * 200) { out in
            out += "<h1>\(SitePage.text(name))</h1>\n".utf8
            if let lipPage {
                out +=
                    "<p>For <a href=\"../\(lipPage.page)\">\(SitePage.text(lipPage.name)): \(SitePage.text(lipPage.title))</a>; poll <code>\(poll.address.checksummed)</code>, ending at block \(poll.endBlock).</p>\n"
                    .utf8
            }
            let start = out.count
            if let made = report {
                appendForumPost(made.forumSections, to: &out) { out in
                    if !voterPages.appendPollTable(made, to: &out) { out += voterTableHTML(made, voterPages: voterPages) }
                }
            } else if let notTallied {
                out += "<p>Not tallied: \(SitePage.text(notTallied))</p>\n".utf8
            }
            if lipPage != nil { lipReport = String(decoding: out[start...], as: UTF8.self) }
        }
        return ("polls/\(poll.address.lowercased).html", page, lipReport)
    }

    /// `proposals/ID.html`: `proposal` counted with overrides, or why it was not. Its voters of
    /// `voterPages` link to their pages.
    static func proposalPage(
        _ proposal: GovernorProposal, count: CountedVote.Counted<ProposalResult>, voterPages: SiteVoterLinks, siteTitle: String
    ) -> (path: String, page: [UInt8]) {
        let title = ProposalDescription(proposal.description).title
        let voters: Int
        if case .counted(let result) = count { voters = result.votes.count } else { voters = 0 }
        let page = SitePage.page(title: "Proposal \(title) — \(siteTitle)", root: "../", capacity: 4096 + voters * 250) { out in
            out +=
                "<h1>Proposal: \(SitePage.text(title))</h1>\n<p>Proposal <code>\(proposal.id)</code> of governor <code>\(proposal.governor.checksummed)</code>.</p>\n"
                .utf8
            switch count {
            case .counted(let result):
                let made = ProposalReport(result: result)
                appendForumPost(made.forumSections, to: &out) { out in
                    if !voterPages.appendProposalTable(made, to: &out) { out += voterTableHTML(made, voterPages: voterPages) }
                }
            case .notCounted(let message): out += "<p>Not counted: \(SitePage.text(message))</p>\n".utf8
            }
        }
        return ("proposals/\(proposal.id).html", page)
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
