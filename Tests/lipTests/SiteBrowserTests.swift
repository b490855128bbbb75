import Foundation
import LIPKit
import LIPSite
import LIPTestSupport
import XCTest

/// The site in a real browser (site.md): headless Chromium opens every page over file:// and over
/// a local HTTP server under a sub-path, and the test checks what a reader sees (the title and
/// first heading, the poll's figures as rendered text), that no link or image is broken, that
/// nothing logs an error, that nothing is asked of another host, and that a LIP body's script
/// stays text. A screenshot of the index is written to .build/site-index.png (the path is printed).
final class SiteBrowserTests: XCTestCase {
    /// Writes the site of SiteTests' workspace and ledger under `root/sub/path`; its folder.
    func writeSite(under root: URL) throws -> URL {
        let workspace = try SiteTests.workspace(in: root.appendingPathComponent("workspace"))
        let site = try Site.build(workspace: Workspace(root: workspace), ledger: try SiteTests.ledger(in: workspace), title: "Livepeer LIPs")
        let folder = root.appendingPathComponent("sub/path")
        for file in site.files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        return folder
    }

    /// Every page a reader can reach, relative paths.
    func pages(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        return (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .map { String($0.standardizedFileURL.path.dropFirst(base.count + 1)) }.filter { $0.hasSuffix(".html") }.sorted()
    }

    /// Checks one page as a reader sees it; `base` is the site's URL (ending in /).
    func check(_ view: Browser.View, page: String, base: String, folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
        let title = html.components(separatedBy: "<title>")[1].components(separatedBy: "</title>")[0]
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        XCTAssertEqual(view.title, title, page, file: file, line: line)
        XCTAssertFalse(view.firstHeading.isEmpty, "\(page) shows no heading", file: file, line: line)
        XCTAssertEqual(view.errors, [], page, file: file, line: line)
        XCTAssertFalse(view.dialog, "\(page) ran a script", file: file, line: line)
        for request in view.requests where !request.hasPrefix(base) && !request.hasPrefix("data:") {
            XCTFail("\(page) asked \(request), outside the site", file: file, line: line)
        }
        for (src, loaded) in view.images { XCTAssertTrue(loaded, "\(page): image \(src) is broken", file: file, line: line) }
        for link in view.links where link.hasPrefix(base) {
            let path = String(link.dropFirst(base.count).prefix { $0 != "#" && $0 != "?" })
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(page) links \(link), which does not exist", file: file, line: line)
        }
        for link in view.links where !link.hasPrefix(base) {
            XCTAssertTrue(link.hasPrefix("https://") || link.hasPrefix("http://") || link.hasPrefix("mailto:"), "\(page) links \(link)", file: file, line: line)
        }
    }

    func testEveryPageReadsRightOverFileAndUnderASubPathOverHTTP() throws {
        let root = try temporaryDirectory(self)
        let folder = try writeSite(under: root)
        let browser = try Browser(profile: root.appendingPathComponent("profile"))
        let all = pages(in: folder)
        XCTAssertGreaterThan(all.count, 6)
        let fileBase = folder.standardizedFileURL.absoluteString.hasSuffix("/") ? folder.standardizedFileURL.absoluteString : folder.standardizedFileURL.absoluteString + "/"
        for page in all { try check(try browser.open(fileBase + page), page: page, base: fileBase, folder: folder) }
        // What a reader sees: the poll's figures, a script shown as text and never run.
        let poll = try browser.open(fileBase + "polls/\(addr("90")).html")
        XCTAssertTrue(poll.text.contains("Passed (yes)") && poll.text.contains("120.00") && poll.text.contains("30.00"), poll.text)
        // The voters' rows (written without end tags) read cell by cell, figures aligned right.
        XCTAssertTrue(poll.text.contains("0x0101…0101 (orchestrator)\tYes\t120.00\t"), poll.text)
        XCTAssertTrue(["Stake (LPT)", "Share of the vote", "120.00", "30.00"].allSatisfy(poll.rightAligned.contains), "\(poll.rightAligned)")
        XCTAssertFalse(poll.rightAligned.contains("Yes") || poll.rightAligned.contains { $0.hasPrefix("0x") }, "\(poll.rightAligned)")
        let proposal = try browser.open(fileBase + "proposals/7.html")
        XCTAssertTrue(proposal.text.contains("\tAgainst\t30.00\t30.00\tSee <b>www.example.org</b> & \"LIP-7\""), proposal.text)
        XCTAssertTrue(["Counted (LPT)", "Cast (LPT)", "150.00"].allSatisfy(proposal.rightAligned.contains), "\(proposal.rightAligned)")
        let voter = try browser.open(fileBase + "voters/\(addr("d1")).html")
        XCTAssertTrue(voter.text.contains("proposal 7\tLIP-7\tdelegator\tagainst\t30.00\tfor\tSucceeded"), voter.text)
        XCTAssertEqual(voter.rightAligned, ["Weight (LPT)", "30.00", "30.00"])
        let voters = try browser.open(fileBase + "voters.html")
        XCTAssertTrue(["Voted", "Of the ended votes it could weigh in", "Participation"].allSatisfy(voters.rightAligned.contains), "\(voters.rightAligned)")
        XCTAssertFalse(voters.rightAligned.contains { $0.hasPrefix("0x") || $0 == "Account" }, "\(voters.rightAligned)")
        let lip7 = try browser.open(fileBase + "LIPs/LIP-7.html")
        XCTAssertTrue(lip7.text.contains("<script>alert(1)</script>"), lip7.text)
        XCTAssertFalse(lip7.dialog)
        _ = try browser.open(fileBase + "index.html")
        // Kept after the test, for a person to look at.
        let shot = packageRoot.appendingPathComponent(".build/site-index.png")
        try browser.screenshot().write(to: shot)
        print("screenshot of the index: \(shot.path)")
        XCTAssertGreaterThan(try Data(contentsOf: shot).count, 1_000)

        // The same pages from a static host, the site under /sub/path/.
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root.path]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line += byte
        }
        let said = String(decoding: line, as: UTF8.self)
        let port = try XCTUnwrap(said.components(separatedBy: " port ").last?.split(separator: " ").first.map(String.init), said)
        let httpBase = "http://127.0.0.1:\(port)/sub/path/"
        for page in all { try check(try browser.open(httpBase + page), page: page, base: httpBase, folder: folder) }
    }
}
