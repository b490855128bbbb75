import Foundation
import LIPCore
import LIPDocuments
import LIPGovernor
import LIPLedger
import LIPRecords
import LIPReports

/// The site's HTML pages: HTML5 with a language, a title and headings in order; text from
/// outside escaped; links relative to the page.
enum SitePage {
    /// Text in HTML.
    static func text(_ s: String) -> String { Escaping.xml(VisibleText.oneLine(s)) }

    /// A whole page; `root` leads from the page's folder to the site's (`` or `../`).
    static func page(title: String, root: String, body: String) -> String {
        let frame = frame(title: title, root: root)
        return frame.head + body + frame.foot
    }

    /// A whole page as `page` makes it, its body written by `body` into the page's own bytes
    /// (a vote's page of ten thousand rows is not copied into its frame); `capacity`: about how
    /// many bytes the body will take.
    static func page(title: String, root: String, capacity: Int, body: (inout [UInt8]) -> Void) -> [UInt8] {
        let frame = frame(title: title, root: root)
        var out: [UInt8] = []
        out.reserveCapacity(frame.head.utf8.count + capacity + frame.foot.utf8.count)
        out += frame.head.utf8
        body(&out)
        out += frame.foot.utf8
        return out
    }

    /// What a page holds before its body and after it.
    private static func frame(title: String, root: String) -> (head: String, foot: String) {
        let head = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(text(title))</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="\(root)style.css">
            <link rel="alternate" type="application/atom+xml" title="Every LIP" href="\(root)feed.xml">
            </head>
            <body>
            <header><a href="\(root)index.html">Index</a> · <a href="\(root)feed.xml">Feed</a> · <a href="\(root)last-call.xml">Last Call</a> · <a href="\(root)lips.json">lips.json</a></header>
            <main>

            """
        return (head, "</main>\n</body>\n</html>\n")
    }

    /// The index: the LIPs by status (in the README index's order, then by file), open polls and
    /// the latest results.
    static func index(lips: [SiteLIP], readme: ReadmeIndex?, polls: PollList?, openVotes: [Deadlines], siteTitle: String) -> String {
        var body = "<h1>\(text(siteTitle))</h1>\n<h2>LIPs</h2>\n"
        let rank = Dictionary((readme?.rows ?? []).enumerated().compactMap { i, row in row.number.map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        let order = LIPStatus.allCases.map(\.rawValue)
        let statuses = Set(lips.map(\.status)).sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
        for status in statuses {
            let group = lips.filter { $0.status == status }.sorted {
                (rank[$0.number ?? -1] ?? Int.max, $0.number ?? Int.max, $0.document.path) < (rank[$1.number ?? -1] ?? Int.max, $1.number ?? Int.max, $1.document.path)
            }
            body += "<h3>\(text(status))</h3>\n<table>\n<tr><th>LIP</th><th>Title</th><th>Type</th></tr>\n"
            for lip in group {
                body +=
                    "<tr><td><a href=\"\(lip.page)\">\(text(lip.name))</a></td><td>\(text(lip.title))</td><td>\(text(lip.document.preamble?.value("type") ?? ""))</td></tr>\n"
            }
            body += "</table>\n"
        }
        if let polls {
            body += "<h2>Open votes</h2>\n" + SiteDeadlines.html(openVotes)
            let ended = polls.rows.filter { !$0.open }.reversed()
            body += "<h2>Latest results</h2>\n"
            body +=
                ended.isEmpty
                ? "<p>None.</p>\n"
                : "<ul>\n"
                    + ended.prefix(10).map {
                        "<li>\(pollName($0, lips: lips)): \(text($0.result ?? "not tallied")), participation \(text($0.participation ?? "-")) (<a href=\"polls/\($0.address.lowercased).html\">figures and voters</a>)</li>\n"
                    }
                    .joined() + "</ul>\n"
            body +=
                "<h2>Voters</h2>\n<p><a href=\"voters.html\">Every account that voted</a>, each with its record: how it voted in each poll and on each proposal, with what weight, and whether its orchestrator voted the same.</p>\n"
        }
        return page(title: siteTitle, root: "", body: body)
    }

    /// A poll named by its LIP (linked) or its address.
    static func pollName(_ row: PollList.Row, lips: [SiteLIP]) -> String {
        if let lip = row.lip, let page = lips.first(where: { $0.number == lip }) { return "<a href=\"\(page.page)\">LIP-\(lip)</a>" }
        return "poll <code>\(row.address.checksummed)</code>"
    }

    /// A LIP's page: its front matter, its bundle, its poll (result, chart, evidence, a link to
    /// its page), its proposals and its body.
    static func lip(
        _ lip: SiteLIP, bodyHTML: String, bundle: SiteBundle, poll: PollList.Row?, pollReport: String?, proposals: [GovernorProposal], siteTitle: String
    ) -> String {
        let root = String(repeating: "../", count: lip.page.split(separator: "/").count - 1)
        var body = "<h1>\(text(lip.name)): \(text(lip.title))</h1>\n<table class=\"preamble\">\n"
        for field in lip.document.preamble?.fields ?? [] {
            body += "<tr><th>\(text(field.key))</th><td>\(text(field.value))</td></tr>\n"
        }
        body += "</table>\n"
        if !bundle.partOf.isEmpty || !bundle.partOfMissing.isEmpty || !bundle.parts.isEmpty {
            body += "<h2>Bundle</h2>\n<ul>\n"
            for whole in bundle.partOf { body += "<li>Part of <a href=\"\(root)\(whole.page)\">\(text(whole.name)): \(text(whole.title))</a></li>\n" }
            for missing in bundle.partOfMissing { body += "<li>Part of LIP-\(missing) (not in this workspace)</li>\n" }
            for part in bundle.parts { body += "<li>Its part <a href=\"\(root)\(part.page)\">\(text(part.name)): \(text(part.title))</a></li>\n" }
            body += "</ul>\n"
        }
        if let poll {
            body += "<h2>Poll</h2>\n<p>Poll <code>\(poll.address.checksummed)</code>, ending at block \(poll.endBlock): "
            body += poll.open ? "open" : "\(text(poll.result ?? "not tallied")), participation \(text(poll.participation ?? "-"))"
            body += ". <a href=\"\(root)polls/\(poll.address.lowercased).html\">Its page, with every voter</a>.</p>\n"
            if let pollReport { body += "<section class=\"poll\">\n\(pollReport)</section>\n" }
        }
        if !proposals.isEmpty {
            body += "<h2>Proposals</h2>\n<ul>\n"
            for proposal in proposals {
                body +=
                    "<li><a href=\"\(root)proposals/\(proposal.id).html\">\(text(ProposalDescription(proposal.description).title))</a> (proposal <code>\(proposal.id)</code>)</li>\n"
            }
            body += "</ul>\n"
        }
        body += "<article>\n\(bodyHTML)</article>\n"
        return page(title: "\(lip.name): \(lip.title) — \(siteTitle)", root: root, body: body)
    }

    /// A small stylesheet: the pages read without it.
    static let style = """
        body { font-family: Helvetica, Arial, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.5; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
        .right-1 :is(th, td):nth-child(1), .right-2 :is(th, td):nth-child(2), .right-3 :is(th, td):nth-child(3),
        .right-4 :is(th, td):nth-child(4), .right-5 :is(th, td):nth-child(5), .right-6 :is(th, td):nth-child(6),
        .right-7 :is(th, td):nth-child(7), .right-8 :is(th, td):nth-child(8), .right-9 :is(th, td):nth-child(9) { text-align: right; }
        pre { background: #f6f8fa; padding: 0.5rem; overflow-x: auto; }

        """
}
