import Foundation
import LIPKit
import LIPSite
import LIPTestSupport
import XCTest

/// The site of a workspace built here (site.md, as far as `Site` goes today): its pages as a
/// person reads them (goldens), raw HTML and script links inert, every link and image resolving
/// to a file of the site (or http(s), mailto), and the same bytes wherever the workspace lies.
final class SiteTests: XCTestCase {
    func workspace() throws -> URL {
        let root = try temporaryDirectory(self)
        try write(
            "# LIPs\n\n| LIP | Title | Status |\n| --- | --- | --- |\n| [25](LIPs/LIP-25.md) | Treasury | Last Call |\n| [7](LIPs/LIP-7.md) | Tables | Final |\n",
            "README.md", in: root)
        try write(
            lipText(
                7, title: "Tables & <b>tags</b>", type: "Standard Track", status: "Final",
                body:
                    "## Abstract\n\n| a | b |\n| --- | ---: |\n| 1 | 2 |\n\n<script>alert(1)</script>\n\nSee [LIP-25](LIP-25.md#motivation), [js](javascript:alert(2)), [gone](../nothing.md) and https://livepeer.org.\n"
            ), "LIPs/LIP-7.md", in: root)
        try write(
            lipText(
                25, title: "Treasury", type: "Meta", status: "Last Call", extra: "last-call-deadline: 2026-12-20\n",
                body: "## Abstract\n\n![governor](../assets/lip-25/governor.png) ![remote](https://example.org/x.png)\n"), "LIPs/LIP-25.md", in: root)
        try write(lipText(nil, title: "An idea", status: "Draft"), "LIPs/LIP-my-idea.md", in: root)
        try write("PNG", "assets/lip-25/governor.png", in: root)
        try write("secret", "assets/unlinked.txt", in: root)
        return root
    }

    func site(_ root: URL) throws -> [String: String] {
        let site = try Site.build(workspace: Workspace(root: root), ledger: nil, title: "Livepeer LIPs")
        return Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    func testThePagesAsAPersonReadsThem() throws {
        let files = try site(try workspace())
        XCTAssertEqual(
            files.keys.sorted(),
            ["LIPs/LIP-25.html", "LIPs/LIP-7.html", "LIPs/LIP-my-idea.html", "assets/lip-25/governor.png", "feed.xml", "index.html", "last-call.xml", "lips.json", "style.css"])
        assertGolden(files["index.html"]!, "site-index.html")
        assertGolden(files["LIPs/LIP-7.html"]!, "site-LIP-7.html")
        assertGolden(files["LIPs/LIP-25.html"]!, "site-LIP-25.html")
        assertGolden(files["feed.xml"]!, "site-feed.xml")
        assertGolden(files["last-call.xml"]!, "site-last-call.xml")
        assertGolden(files["lips.json"]!, "site-lips.json")
    }

    func testNothingRunsAndEveryLinkResolvesInsideTheSite() throws {
        let files = try site(try workspace())
        for (path, text) in files where path.hasSuffix(".html") {
            XCTAssertFalse(text.contains("<script"), path)
            XCTAssertFalse(text.lowercased().contains("javascript:"), path)
            XCTAssertFalse(text.contains("<img src=\"http"), "\(path) loads an image from another host")
            let folder = (path as NSString).deletingLastPathComponent
            let targets =
                text.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                + text.components(separatedBy: "src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            for target in targets where !target.hasPrefix("https://") && !target.hasPrefix("mailto:") && !target.hasPrefix("#") {
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
        XCTAssertEqual(first.stdout, "wrote 9 files to a\n")
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
    }

    func testTheSameWorkspaceGivesTheSameBytesWhereverItLies() throws {
        let a = try site(try workspace()), b = try site(try workspace())
        XCTAssertEqual(a, b)
    }
}
