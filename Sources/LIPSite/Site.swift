import Foundation
import LIPCore
import LIPDocuments
import LIPLedger
import LIPRecords
import LIPReports

/// The workspace (and, when there is one, its ledger) as a static site (site.md): every file it
/// holds, by path relative to the site's folder. Relative links only, no script, nothing loaded
/// from another host; the same workspace and ledger give the same bytes wherever they lie and
/// whatever the clock says (every date comes from the LIPs and the chain).
///
/// What it writes today: `index.html` (the LIPs by status, open polls, the latest results),
/// `LIPs/LIP-N.html` per LIP (its front matter, its body, its poll's result), `lips.json`,
/// `feed.xml` and `last-call.xml` (Atom), `calendar.ics` (Last Call deadlines), `style.css`, the
/// workspace files LIP bodies link to, and with a ledger `turnout.svg`, `polls/0x….html`,
/// `proposals/ID.html` and `voters/0x….html`. The votes' deadlines in the calendar are not
/// written yet (issue 33).
public struct Site: Sendable {
    /// Each file's path (relative, `/`-separated) and bytes, by path.
    public var files: [(path: String, data: Data)]

    /// The site of `workspace`, its votes from `ledger` (nil: the LIPs alone), titled `title`.
    public static func build(workspace: Workspace, ledger: Ledger?, title: String) throws -> Site {
        let documents = try workspace.documents()
        let lips = documents.map { SiteLIP($0) }
        var pages: [String: String] = [:]
        for lip in lips { pages[lip.document.path] = lip.page }
        let workspaceFiles = Set(try Self.files(under: workspace.root))
        var out: [String: Data] = [:]
        var carried = Set<String>()
        let polls = try ledger.map { try PollList.build(ledger: $0, workspace: workspace) }
        for lip in lips {
            let policy = LinkPolicy(folder: (lip.document.path as NSString).deletingLastPathComponent, files: workspaceFiles, pages: pages)
            let body = MarkdownHTML.render(lip.body) { url, isImage in
                let (rewrite, file) = policy.rewrite(url, isImage: isImage)
                if let file { carried.insert(file) }
                return rewrite
            }
            let poll = polls?.rows.last { $0.lip == lip.number && lip.number != nil }
            out[lip.page] = Data(SitePage.lip(lip, bodyHTML: body, poll: poll, siteTitle: title).utf8)
        }
        out["index.html"] = Data(SitePage.index(lips: lips, readme: try workspace.readmeIndex(), polls: polls, siteTitle: title).utf8)
        out["style.css"] = Data(SitePage.style.utf8)
        out["lips.json"] = Data(SiteFeeds.lipsJSON(lips).utf8)
        out["feed.xml"] = Data(SiteFeeds.feed(lips, title: title, id: "feed", only: nil).utf8)
        out["last-call.xml"] = Data(SiteFeeds.feed(lips, title: title + ": Last Call", id: "last-call", only: .lastCall).utf8)
        out["calendar.ics"] = Data(SiteVotes.calendar(lips, title: title).utf8)
        if let ledger, let polls {
            out["turnout.svg"] = Data(try Turnout.build(ledger: ledger, workspace: workspace).svg.utf8)
            for (path, page) in try SiteVotes.pollPages(polls, ledger: ledger, workspace: workspace, lips: lips, siteTitle: title) { out[path] = Data(page.utf8) }
            for (path, page) in try SiteVotes.proposalPages(ledger: ledger, siteTitle: title) { out[path] = Data(page.utf8) }
            for (path, page) in try SiteVotes.voterPages(ledger: ledger, workspace: workspace, siteTitle: title) { out[path] = Data(page.utf8) }
        }
        for file in carried.sorted() where out[file] == nil {
            out[file] = try Data(contentsOf: workspace.root.appendingPathComponent(file))
        }
        return Site(files: out.keys.sorted().map { ($0, out[$0]!) })
    }

    /// The workspace's regular files, relative paths; hidden folders, `.build` and `Sources` left out.
    static func files(under root: URL) throws -> [String] {
        var out: [String] = []
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { return [] }
        let base = root.standardizedFileURL.path
        for case let url as URL in walker {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if ["Sources", "Tests", ".build"].contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
                walker.skipDescendants()
                continue
            }
            if (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true { out.append(path) }
        }
        return out.sorted()
    }
}

/// A LIP as the site shows it.
struct SiteLIP {
    let document: LIPDocument
    /// `LIPs/LIP-7.html`.
    var page: String { (document.path as NSString).deletingPathExtension + ".html" }
    var number: Int? { document.effectiveNumber }
    /// `LIP-7`, or the file's name for an unnumbered draft.
    var name: String { number.map { "LIP-\($0)" } ?? (document.fileName as NSString).deletingPathExtension }
    var title: String { document.title ?? "(no title)" }
    var status: String { document.preamble?.value("status") ?? "(no status)" }
    /// The text after the preamble.
    var body: String {
        guard let preamble = document.preamble else { return document.text }
        return document.lines.lines.dropFirst(preamble.closingLine + 1).map { $0.content + $0.terminator }.joined()
    }

    init(_ document: LIPDocument) { self.document = document }
}
