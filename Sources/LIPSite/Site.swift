import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPGovernor
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
/// `proposals/ID.html` and `voters/0x….html`.
public struct Site: Sendable {
    /// Each file's path (relative, `/`-separated) and bytes, by path.
    public var files: [(path: String, data: Data)]

    /// The site of `workspace`, its votes from `ledger` (nil: the LIPs alone), titled `title`;
    /// the feeds' and calendar's links absolute under `baseURL` (nil: relative). In memory: a
    /// large ledger's site is better written as it is made (`write`).
    public static func build(workspace: Workspace, ledger: Ledger?, title: String, baseURL: String? = nil) throws -> Site {
        let files = Locked<[(path: String, data: Data)]>([])
        try write(workspace: workspace, ledger: ledger, title: title, baseURL: baseURL) { path, bytes in files.withLock { $0.append((path, Data(bytes))) } }
        return Site(files: files.withLock { $0 }.sorted { $0.path < $1.path })
    }

    /// Makes the site and gives each file's bytes to `sink` as soon as it is made (each path
    /// once; the vote and voter pages from two threads at once, so `sink` is called from either);
    /// returns how many files it gave.
    @discardableResult
    public static func write(
        workspace: Workspace, ledger: Ledger?, title: String, baseURL: String? = nil, to sink: @escaping @Sendable (String, [UInt8]) throws -> Void
    ) throws -> Int {
        let base = try baseURL.map(SiteFeeds.baseURL) ?? ""
        let written = Locked(Set<String>())
        let giveBytes: @Sendable (String, [UInt8]) throws -> Void = { path, bytes in
            written.withLock { _ = $0.insert(path) }
            try sink(path, bytes)
        }
        // Pages made as text (most) or as bytes (the vote and voter pages).
        let give: @Sendable (String, String) throws -> Void = { try giveBytes($0, Array($1.utf8)) }
        let lips = try workspace.documents().map { SiteLIP($0) }
        var pages: [String: String] = [:]
        for lip in lips { pages[lip.document.path] = lip.page }
        let workspaceFiles = Set(try Self.files(under: workspace.root))
        var carried = Set<String>()
        // Every voter's record first, counting each vote once on every core; each vote's page is
        // made from that count as soon as it is made. The records keep each ended vote's summary,
        // which the poll list, turnout and the index then read.
        let reports = Locked<[Address: String]>([:])
        // Every account that voted has a page; a vote's page links its voters there.
        let voters = try ledger?.everyVoter() ?? []
        let voterPages = SiteVoterLinks(voters)
        let records = try ledger.map { ledger in
            try VoterRecords.build(ledger: ledger, workspace: workspace, network: try ledger.network()?.name ?? "mainnet", voters: voters) { vote in
                switch vote {
                case .poll(let poll, let lip, let tally):
                    let made = try SiteVotes.pollPage(poll, lip: lip, tally: tally, workspace: workspace, lips: lips, voterPages: voterPages, siteTitle: title)
                    if let report = made.lipReport { reports.withLock { $0[poll.address] = report } }
                    try giveBytes(made.path, made.page)
                case .proposal(let proposal, let count):
                    let made = SiteVotes.proposalPage(proposal, count: count, voterPages: voterPages, siteTitle: title)
                    try giveBytes(made.path, made.page)
                }
            }
        }
        let polls = try ledger.map { try PollList.build(ledger: $0, workspace: workspace) }
        let proposals = try ledger?.proposals() ?? []
        // The voters' pages, on every core.
        if let records {
            let half = records.accounts.count / 2
            let explorers = Explorers.of(network: records.network, workspace: workspace)
            let parts = [0..<half, half..<records.accounts.count]
            let rows = Locked<[Int: [String]]>([:])
            try forEachConcurrently(parts.count) { part in
                let made = try SiteVoterPages.write(records, parts[part], explorers: explorers, siteTitle: title, to: giveBytes)
                rows.withLock { $0[part] = made }
            }
            try give("voters.html", SiteVoterPages.list(rows.withLock { made in parts.indices.flatMap { made[$0]! } }, siteTitle: title))
        }
        for lip in lips {
            let policy = LinkPolicy(folder: (lip.document.path as NSString).deletingLastPathComponent, files: workspaceFiles, pages: pages)
            let body = MarkdownHTML.render(lip.body) { url, isImage in
                let (rewrite, file) = policy.rewrite(url, isImage: isImage)
                if let file { carried.insert(file) }
                return rewrite
            }
            let poll = polls?.rows.last { $0.lip == lip.number && lip.number != nil }
            let bundle = SiteBundle(lip, among: lips)
            let itsProposals = proposals.filter { lip.number != nil && ProposalDescription($0.description).lip == lip.number }
            try give(
                lip.page,
                SitePage.lip(
                    lip, bodyHTML: body, bundle: bundle, poll: poll, pollReport: poll.flatMap { p in reports.withLock { $0[p.address] } }, proposals: itsProposals, siteTitle: title
                ))
        }
        let openVotes = try ledger.map { try SiteDeadlines.openVotes(ledger: $0, workspace: workspace) } ?? []
        try give("index.html", SitePage.index(lips: lips, readme: try workspace.readmeIndex(), polls: polls, openVotes: openVotes, siteTitle: title))
        try give("style.css", SitePage.style)
        try give("lips.json", SiteFeeds.lipsJSON(lips))
        try give("feed.xml", SiteFeeds.feed(SiteFeeds.entries(lips, only: nil), title: title, id: "feed", baseURL: base))
        try give("last-call.xml", SiteFeeds.feed(SiteFeeds.entries(lips, only: .lastCall), title: title + ": Last Call", id: "last-call", baseURL: base))
        try give("calendar.ics", SiteVotes.calendar(lips, votes: openVotes, title: title, baseURL: base))
        if let ledger, polls != nil, records != nil {
            try give("turnout.svg", try Turnout.build(ledger: ledger, workspace: workspace).svg)
        }
        for file in carried.sorted() where written.withLock({ $0.insert(file).inserted }) {
            try sink(file, Array(try Data(contentsOf: workspace.root.appendingPathComponent(file))))
        }
        return written.withLock { $0.count }
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

/// The LIPs a LIP is bundled with (`part-of`, as `LIPDocument.partOf` reads it): those it is
/// part of, and its parts.
struct SiteBundle {
    var partOf: [SiteLIP]
    /// Named by `part-of` but not in the workspace.
    var partOfMissing: [Int]
    var parts: [SiteLIP]

    init(_ lip: SiteLIP, among lips: [SiteLIP]) {
        let wholes = lip.document.partOf
        partOf = wholes.compactMap { n in lips.first { $0.number == n } }
        partOfMissing = wholes.filter { n in !lips.contains { $0.number == n } }
        parts = lip.number.map { n in lips.filter { $0.document.partOf.contains(n) } } ?? []
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
