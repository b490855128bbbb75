import BigInt
import Foundation
import LIPKit
import LIPSite
import LIPTestSupport
import XCTest

@testable import LIPLedger

/// The site of a workspace built here (site.md, as far as `Site` goes today): its pages as a
/// person reads them (goldens), raw HTML and script links inert, every link and image resolving
/// to a file of the site (or http(s), mailto), and the same bytes wherever the workspace lies.
final class SiteTests: XCTestCase {
    func workspace() throws -> URL { try Self.workspace(in: try temporaryDirectory(self)) }

    func ledger(in root: URL) throws -> Ledger { try Self.ledger(in: root) }

    /// The fixture workspace, written into `root`.
    static func workspace(in root: URL) throws -> URL {
        try write(
            "# LIPs\n\n| LIP | Title | Status |\n| --- | --- | --- |\n| [25](LIPs/LIP-25.md) | Treasury | Last Call |\n| [7](LIPs/LIP-7.md) | Tables | Final |\n",
            "README.md", in: root)
        try write(
            lipText(
                7, title: "Tables & <b>tags</b>", type: "Standard Track", status: "Final", extra: "updated: 2024-06-01\n",
                body:
                    "## Abstract\n\n| a | b |\n| --- | ---: |\n| 1 | 2 |\n\n<script>alert(1)</script>\n\nSee [LIP-25](LIP-25.md#motivation), [js](javascript:alert(2)), [gone](../nothing.md) and https://livepeer.org.\n"
            ), "LIPs/LIP-7.md", in: root)
        try write(
            lipText(
                25, title: "Treasury", type: "Meta", status: "Last Call", extra: "last-call-deadline: 2026-12-20\n",
                body: "## Abstract\n\n![governor](../assets/lip-25/governor.png) ![remote](https://example.org/x.png)\n"), "LIPs/LIP-25.md", in: root)
        try write(lipText(nil, title: "An idea", status: "Draft", extra: "part-of: 25\n"), "LIPs/LIP-my-idea.md", in: root)
        // A real 1x1 PNG, so that a browser can show it.
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")!
        try FileManager.default.createDirectory(at: root.appendingPathComponent("assets/lip-25"), withIntermediateDirectories: true)
        try png.write(to: root.appendingPathComponent("assets/lip-25/governor.png"))
        try write("secret", "assets/unlinked.txt", in: root)
        return root
    }

    /// A ledger for LIP-7's poll (O1 yes with 150 less D1's 30, D1 no with 30: yes 120, no 30)
    /// and proposal 7 (O1 for, D1 against).
    static func ledger(in root: URL) throws -> Ledger {
        let ledger = try Ledger(path: root.appendingPathComponent(".lip/ledger.sqlite").path, create: true)
        let (o1, d1, poll) = (addr("01"), addr("d1"), addr("90"))
        try write("account,delegate,stake,status,active\n\(o1),\(o1),\(lpt(120)),registered,true\n\(d1),\(o1),\(lpt(30)),,\n", "s.csv", in: root)
        _ = try ledger.importSnapshot(root.appendingPathComponent("s.csv"), path: "s.csv", options: SnapshotOptions(chain: .l2, block: 1000, l1Block: 1000))
        var maker = LogMaker()
        maker.block = 50
        var logs = [maker.pollCreated(poll: poll, proposal: "QmSite", endBlock: 1000, quorum: 100_000)]
        maker.block = 60
        logs += [maker.vote(poll: poll, voter: o1, choice: 0), maker.vote(poll: poll, voter: d1, choice: 1)]
        try writeJSON(logs, to: root.appendingPathComponent("logs.json"))
        _ = try ledger.importLogs(root.appendingPathComponent("logs.json"), path: "logs.json", chain: .l2)
        try write("lip: 7\ncid: QmSite\nchain: l2\nstake: l2\naddress: \"\(poll)\"\n", "Polls/LIP-7/poll.yaml", in: root)
        var scenario = GovernorScenario()
        scenario.proposalID = 7
        scenario.description = "---\nlip: 7\n---\n# Fund the tables\n\nA proposal for tests.\n"
        scenario.totalSupply = BigUInt(150) * BigUInt(10).power(18)
        scenario.votes = [
            GovernorScenario.Vote(Address(o1)!, 1, BigUInt(150) * BigUInt(10).power(18)),
            GovernorScenario.Vote(Address(d1)!, 0, BigUInt(30) * BigUInt(10).power(18), reason: "See <b>www.example.org</b> & \"LIP-7\""),
        ]
        scenario.delegations = [Address(o1)!: Address(o1)!, Address(d1)!: Address(o1)!]
        try write(scenario.logsJSON(), "gov.json", in: root)
        try write(scenario.stateJSON(), "state.json", in: root)
        _ = try ledger.importLogs(root.appendingPathComponent("gov.json"), path: "gov.json", chain: .l2)
        _ = try ledger.importGovernorState(root.appendingPathComponent("state.json"), path: "state.json")
        return ledger
    }

    func testTheVotesPagesShowTheFiguresAndEveryVoter() throws {
        let root = try workspace()
        let site = try Site.build(workspace: Workspace(root: root), ledger: try ledger(in: root), title: "Livepeer LIPs")
        let files = Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        let poll = try XCTUnwrap(files["polls/\(addr("90")).html"])
        XCTAssertTrue(poll.contains("<td>Yes<td>") && poll.contains("120.00") && poll.contains("30.00"), poll)
        XCTAssertTrue(try XCTUnwrap(files["LIPs/LIP-7.html"]).contains("href=\"../polls/\(addr("90")).html\""))
        XCTAssertNotNil(files["proposals/7.html"])
        XCTAssertTrue(files["proposals/7.html"]!.contains("Against") && files["proposals/7.html"]!.contains("120.00"), files["proposals/7.html"]!)
        // A reason is text from outside: shown as text, its markup and its URL never made live.
        XCTAssertTrue(files["proposals/7.html"]!.contains("<td>See &lt;b&gt;www.example.org&lt;/b&gt; &amp; &quot;LIP-7&quot;\n"), files["proposals/7.html"]!)
        assertGolden(files["proposals/7.html"]!, "site-proposal.html")
        XCTAssertNotNil(files["turnout.svg"])
        let voter = try XCTUnwrap(files["voters/\(addr("d1")).html"])
        XCTAssertTrue(voter.contains("<td>no<td>") && voter.contains("href=\"../polls/\(addr("90")).html\""), voter)
        XCTAssertNotNil(files["voters/\(addr("01")).html"])
        assertGolden(voter, "site-voter.html")
        assertGolden(poll, "site-poll.html")
        // Every voter's page is reached: a vote's page links each of its voters to its own page.
        let toVoters = try NSRegularExpression(pattern: "href=\"\\.\\./(voters/0x[0-9a-f]{40}\\.html)\"")
        let linked = Set(
            files.values.flatMap { page in
                toVoters.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { String(page[Range($0.range(at: 1), in: page)!]) }
            })
        XCTAssertEqual(linked, Set(files.keys.filter { $0.hasPrefix("voters/") }))
        // And `voters.html`, linked from the index, lists every one of them by its full address.
        let list = try XCTUnwrap(files["voters.html"])
        for page in linked { XCTAssertTrue(list.contains("<a href=\"\(page)\">"), page) }
        XCTAssertTrue(try XCTUnwrap(files["index.html"]).contains("<a href=\"voters.html\">"))
        assertGolden(list, "site-voters.html")
        XCTAssertTrue(poll.contains("<a href=\"../voters/\(addr("d1")).html\">"), poll)
        // The LIP's page carries its poll's chart and evidence, and links its proposal.
        let lip7 = try XCTUnwrap(files["LIPs/LIP-7.html"])
        XCTAssertTrue(lip7.contains("120.00") && lip7.contains("lip poll tally"), lip7)
        XCTAssertTrue(lip7.contains("<a href=\"../proposals/7.html\">Fund the tables</a>"), lip7)
        assertGolden(lip7, "site-LIP-7-with-votes.html")
        try checkLinks(files)
        // `lip site` writes the vote and voter pages from two threads: the same files, byte for byte.
        let here = try temporaryDirectory(self)
        let written = try lip(["site", "out", "--workspace", root.path, "--title", "Livepeer LIPs"], in: here)
        XCTAssertEqual(written.code, 0, written.stderr)
        XCTAssertEqual(try contents(of: here.appendingPathComponent("out")), Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, $0.data) }))
        // Built again into the same folder (each page replacing its file): the same bytes, a
        // file of the folder that the site does not write left as it is, no temporary file left.
        try Data("lips.example.org\n".utf8).write(to: here.appendingPathComponent("out/CNAME"))
        try Data("old".utf8).write(to: here.appendingPathComponent("out/index.html"))
        let again = try lip(["site", "out", "--workspace", root.path, "--title", "Livepeer LIPs"], in: here)
        XCTAssertEqual(again.code, 0, again.stderr)
        var expected = Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, $0.data) })
        expected["CNAME"] = Data("lips.example.org\n".utf8)
        XCTAssertEqual(try contents(of: here.appendingPathComponent("out")), expected)
    }

    /// An open poll and an open proposal on the index and in the calendar, dated from the clock
    /// the ledger's last sync kept (never the machine's); without one, a deadline block and no date.
    func testOpenVotesAreDatedFromTheChainsKeptClock() throws {
        let root = try workspace()
        let ledger = try ledger(in: root)
        // A second poll, still open: the ledger's stake is at block 1000, it ends at 5000.
        var maker = LogMaker()
        maker.block = 70
        try writeJSON([maker.pollCreated(poll: addr("91"), proposal: "QmOpen", endBlock: 5000, quorum: 100_000)], to: root.appendingPathComponent("open.json"))
        _ = try ledger.importLogs(root.appendingPathComponent("open.json"), path: "open.json", chain: .l2)
        var scenario = GovernorScenario()
        scenario.proposalID = 8
        scenario.createdBlock = 200
        scenario.state = 1  // Active
        scenario.voteEnd = 3500
        scenario.votes = []
        try write(scenario.logsJSON(), "gov8.json", in: root)
        try write(scenario.stateJSON(), "state8.json", in: root)
        _ = try ledger.importLogs(root.appendingPathComponent("gov8.json"), path: "gov8.json", chain: .l2)
        _ = try ledger.importGovernorState(root.appendingPathComponent("state8.json"), path: "state8.json")

        func files() throws -> [String: String] {
            let site = try Site.build(workspace: Workspace(root: root), ledger: ledger, title: "Livepeer LIPs")
            return Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        }
        let undated = try files()
        XCTAssertTrue(undated["index.html"]!.contains("block 5000") && undated["index.html"]!.contains("unknown (no sync has read"), undated["index.html"]!)
        XCTAssertFalse(undated["calendar.ics"]!.contains("Vote closes"), "no date without a kept clock")
        // A sync kept the clock: block 2000 at 1,800,000,000, 100 blocks in 1,200 s, round 3405 from block 1990, 100 blocks long (the proposal votes until round 3500).
        try ledger.keepClock(
            ChainClock(headBlock: 2000, position: 2000, timestamp: 1_800_000_000, sampleSeconds: 1200, sampleBlocks: 100, round: (3405, 1990, 100)), chain: .l2)
        let dated = try files()
        // The poll: 3,000 blocks at 12 s = 36,000 s later; the proposal: the last block of round 3500.
        XCTAssertTrue(dated["index.html"]!.contains(UTCTimestamp.iso(1_800_036_000)), dated["index.html"]!)
        XCTAssertTrue(dated["calendar.ics"]!.contains("DTSTART:\(UTCTimestamp.basic(1_800_036_000))"), dated["calendar.ics"]!)
        XCTAssertTrue(dated["calendar.ics"]!.contains("UID:proposal-8@"), dated["calendar.ics"]!)
        XCTAssertTrue(dated["index.html"]!.contains("href=\"proposals/8.html\""), dated["index.html"]!)
        assertGolden(dated["index.html"]!, "site-index-open-votes.html")
        assertGolden(dated["calendar.ics"]!, "site-calendar-open-votes.ics")
        try checkLinks(dated)
        // A clock of an earlier block does not replace a later one.
        try ledger.keepClock(ChainClock(headBlock: 1500, position: 1500, timestamp: 1, sampleSeconds: 1, sampleBlocks: 1, round: nil), chain: .l2)
        XCTAssertEqual(try ledger.clock(chain: .l2)?.headBlock, 2000)
    }

    /// With --base-url the feeds' and calendar's links are absolute; pages stay relative; a URL
    /// that is not http(s) is refused.
    func testABaseURLMakesTheFeedsLinksAbsolute() throws {
        let root = try workspace()
        let site = try Site.build(workspace: Workspace(root: root), ledger: nil, title: "Livepeer LIPs", baseURL: "https://example.org/lips")
        let files = Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        XCTAssertTrue(files["feed.xml"]!.contains("<link href=\"https://example.org/lips/LIPs/LIP-7.html\"/>"), files["feed.xml"]!)
        XCTAssertTrue(files["last-call.xml"]!.contains("<link rel=\"self\" href=\"https://example.org/lips/last-call.xml\"/>"))
        XCTAssertTrue(files["calendar.ics"]!.contains("URL:https://example.org/lips/LIPs/LIP-25.html"), files["calendar.ics"]!)
        XCTAssertFalse(files["index.html"]!.contains("example.org"))
        for bad in ["javascript:alert(1)", "example.org/lips", "https://example.org/?q=1", "ftp://example.org/"] {
            XCTAssertThrowsError(try Site.build(workspace: Workspace(root: root), ledger: nil, title: "T", baseURL: bad), bad)
        }
    }

    /// A column is aligned right by its table's class (`right-3`), and the stylesheet holds a
    /// rule for each such class a page uses; a table with more columns than the rules cover
    /// would show its figures aligned left, which no page's bytes would tell.
    func testEveryColumnClassAPageUsesHasItsRuleInTheStylesheet() throws {
        let root = try workspace()
        let site = try Site.build(workspace: Workspace(root: root), ledger: try ledger(in: root), title: "Livepeer LIPs")
        let files = Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        let style = try XCTUnwrap(files["style.css"])
        let classAttribute = try NSRegularExpression(pattern: #"<table class="([^"]*)">"#)
        var used: Set<String> = []
        for (path, text) in files where path.hasSuffix(".html") {
            for match in classAttribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.formUnion(text[Range(match.range(at: 1), in: text)!].split(separator: " ").map(String.init))
            }
        }
        XCTAssertTrue(used.isSuperset(of: ["right-2", "right-3", "right-4", "right-5"]), "\(used.sorted())")
        for name in used where name.hasPrefix("right-") {
            let n = try XCTUnwrap(Int(name.dropFirst("right-".count)), name)
            XCTAssertTrue(style.contains(".\(name) :is(th, td):nth-child(\(n))"), "style.css has no rule for \(name)")
        }
    }

    func site(_ root: URL) throws -> [String: String] {
        let site = try Site.build(workspace: Workspace(root: root), ledger: nil, title: "Livepeer LIPs")
        return Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    func testThePagesAsAPersonReadsThem() throws {
        let files = try site(try workspace())
        XCTAssertEqual(
            files.keys.sorted(),
            [
                "LIPs/LIP-25.html", "LIPs/LIP-7.html", "LIPs/LIP-my-idea.html", "assets/lip-25/governor.png", "calendar.ics", "feed.xml", "index.html", "last-call.xml",
                "lips.json", "style.css",
            ])
        assertGolden(files["index.html"]!, "site-index.html")
        assertGolden(files["LIPs/LIP-7.html"]!, "site-LIP-7.html")
        assertGolden(files["LIPs/LIP-25.html"]!, "site-LIP-25.html")
        assertGolden(files["feed.xml"]!, "site-feed.xml")
        assertGolden(files["last-call.xml"]!, "site-last-call.xml")
        assertGolden(files["lips.json"]!, "site-lips.json")
        assertGolden(files["calendar.ics"]!, "site-calendar.ics")
        assertGolden(files["LIPs/LIP-my-idea.html"]!, "site-LIP-my-idea.html")
        // LIP-7's creation and its move to Final (dated by `updated`), LIP-25's creation and Last Call, the draft's creation.
        XCTAssertEqual(files["feed.xml"]!.components(separatedBy: "<entry>").count - 1, 5)
        XCTAssertTrue(files["LIPs/LIP-25.html"]!.contains("Its part <a href=\"../LIPs/LIP-my-idea.html\">"), files["LIPs/LIP-25.html"]!)
    }

    func testNothingRunsAndEveryLinkResolvesInsideTheSite() throws {
        try checkLinks(try site(try workspace()))
    }

    /// No script, nothing from another host, every relative link and image a file of the site.
    func checkLinks(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) throws {
        for (path, text) in files where path.hasSuffix(".html") {
            XCTAssertFalse(text.contains("<script"), path)
            XCTAssertFalse(text.lowercased().contains("javascript:"), path)
            XCTAssertFalse(text.contains("<img src=\"http"), "\(path) loads an image from another host")
            let folder = (path as NSString).deletingLastPathComponent
            let targets =
                text.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                + text.components(separatedBy: "src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            for target in targets where !target.hasPrefix("https://") && !target.hasPrefix("mailto:") && !target.hasPrefix("#") && target != "data:," {
                let file = String(target.prefix { $0 != "#" })
                var parts = folder.split(separator: "/").map(String.init)
                for part in file.split(separator: "/") { if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) } }
                let resolved = parts.joined(separator: "/")
                XCTAssertNotNil(files[resolved], "\(path) links \(target), which the site does not hold")
            }
        }
    }

    /// Every file under `folder`, by relative path.
    func contents(of folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! where !url.hasDirectoryPath {
            out[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }

    func testLipSiteWritesTheSameBytesWhateverTheClockAndZoneSay() throws {
        let root = try workspace()
        let here = try temporaryDirectory(self)
        let first = try lip(["site", "a", "--workspace", root.path, "--title", "Livepeer LIPs"], in: here, environment: ["TZ": "UTC", "LIP_TODAY": "2026-12-06"])
        XCTAssertEqual(first.code, 0, first.stderr)
        XCTAssertEqual(first.stdout, "wrote 10 files to a\n")
        let second = try lip(["site", "b", "--workspace", root.path, "--title", "Livepeer LIPs"], in: here, environment: ["TZ": "Pacific/Kiritimati", "LIP_TODAY": "2030-01-01"])
        XCTAssertEqual(second.code, 0, second.stderr)
        let a = try contents(of: here.appendingPathComponent("a")), b = try contents(of: here.appendingPathComponent("b"))
        XCTAssertEqual(a, b)
        XCTAssertEqual(a["index.html"].map { String(decoding: $0, as: UTF8.self) }, try site(root)["index.html"])
        // A folder that cannot be made: exit 2, nothing half written.
        try write("a file", "taken", in: here)
        let refused = try lip(["site", "taken/site", "--workspace", root.path], in: here)
        XCTAssertEqual(refused.code, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("taken"), refused.stderr)
        // A page that cannot replace what is at its path (a folder): exit 2 naming it, no
        // temporary file left beside it.
        try FileManager.default.createDirectory(at: here.appendingPathComponent("d/index.html/x"), withIntermediateDirectories: true)
        let blocked = try lip(["site", "d", "--workspace", root.path], in: here)
        XCTAssertEqual(blocked.code, 2, blocked.stderr)
        XCTAssertTrue(blocked.stderr.contains("d/index.html"), blocked.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: here.appendingPathComponent("d/.index.html.lip-tmp").path))
        // A base URL that is no web address: exit 2, naming it, nothing written.
        let badBase = try lip(["site", "c", "--workspace", root.path, "--base-url", "javascript:alert(1)"], in: here)
        XCTAssertEqual(badBase.code, 2, badBase.stderr)
        XCTAssertTrue(badBase.stderr.contains("--base-url `javascript:alert(1)`"), badBase.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: here.appendingPathComponent("c").path))
    }

    func testTheSameWorkspaceGivesTheSameBytesWhereverItLies() throws {
        let a = try site(try workspace()), b = try site(try workspace())
        XCTAssertEqual(a, b)
    }
}
