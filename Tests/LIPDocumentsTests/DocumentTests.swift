import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPDocuments

final class DocumentTests: XCTestCase {
    var documentFixtures: [URL] {
        let folder = fixturesRoot.appendingPathComponent("documents")
        return try! FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
    }

    func testEveryFixtureRoundTripsByteForByte() throws {
        var all = documentFixtures
        for rule in try FileManager.default.contentsOfDirectory(atPath: fixturesRoot.appendingPathComponent("lint").path) {
            for kind in ["fires", "passes"] {
                let lips = fixturesRoot.appendingPathComponent("lint/\(rule)/\(kind)/LIPs")
                all += try FileManager.default.contentsOfDirectory(atPath: lips.path).map { lips.appendingPathComponent($0) }
            }
        }
        XCTAssertGreaterThan(all.count, 50)
        for url in all {
            // file-unreadable's fixture holds a folder where a LIP file belongs.
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true { continue }
            let data = try Data(contentsOf: url)
            let doc = LIPDocument(path: url.lastPathComponent, data: data)
            if doc.preamble != nil || String(data: data, encoding: .utf8) != nil && !data.contains(0) && !data.isEmpty {
                XCTAssertEqual(Data(doc.text.utf8), data, url.path)
            }
        }
    }

    func testQuirksParse() throws {
        let folder = fixturesRoot.appendingPathComponent("documents")
        let misspelled = try LIPDocument.load(folder.appendingPathComponent("misspelled-key.md"), path: "x.md")
        XCTAssertEqual(misspelled.preamble?.value("discussion-to"), "https://github.com/livepeer/LIPs/issues/16")
        XCTAssertEqual(misspelled.partOf, [19])
        let selfRequiring = try LIPDocument.load(folder.appendingPathComponent("self-requiring.md"), path: "x.md")
        XCTAssertEqual(selfRequiring.preamble?.value("author"), "Someone, @someone, <someone@example.org>")
        XCTAssertEqual(selfRequiring.references("requires"), [34])
        XCTAssertEqual(selfRequiring.preamble?.value("discussions-to"), "<https://github.com/livepeer/LIPs/issues/34>")
        let bundle = try LIPDocument.load(folder.appendingPathComponent("no-final-newline.md"), path: "x.md")
        XCTAssertEqual(bundle.references("requires"), [89, 90])
        XCTAssertEqual(bundle.lines.lines.last?.terminator, "")
        let crlf = try LIPDocument.load(folder.appendingPathComponent("crlf.md"), path: "x.md")
        XCTAssertEqual(crlf.title, "Windows Line Endings")
        XCTAssertEqual(crlf.status, .draft)
        XCTAssertEqual(crlf.preamble?.closingLine, 9, "blank line before the closing marker is allowed")
        let old = try LIPDocument.load(folder.appendingPathComponent("old-no-discussion.md"), path: "x.md")
        XCTAssertNil(old.preamble?.value("discussions-to"))
        XCTAssertEqual(old.headings.map(\.text), ["Abstract", "Motivation", "Specification"])
    }

    func testFieldChangeIsAOneLineDiff() throws {
        for url in documentFixtures {
            let original = try Data(contentsOf: url)
            let doc = LIPDocument(path: "x.md", data: original)
            let changed = try doc.setting("status", to: "Abandoned")
            let a = doc.lines.lines, b = changed.lines.lines
            XCTAssertEqual(a.count, b.count, url.lastPathComponent)
            let differing = zip(a, b).filter { $0 != $1 }
            XCTAssertEqual(differing.count, 1, url.lastPathComponent)
            XCTAssertEqual(differing.first?.1.content, "status: Abandoned")
            XCTAssertEqual(differing.first?.0.terminator, differing.first?.1.terminator, "line ending kept")
        }
    }

    func testCRLFIsKeptOnEditAndInsert() throws {
        let url = fixturesRoot.appendingPathComponent("documents/crlf.md")
        let doc = try LIPDocument.load(url, path: "LIPs/LIP-7.md")
        let changed = try doc.setting("last-call-deadline", to: "2021-02-01").setting("status", to: "Last Call")
        XCTAssertTrue(changed.text.contains("status: Last Call\r\n"))
        XCTAssertTrue(changed.text.contains("last-call-deadline: 2021-02-01\r\n---\r\n"))
        XCTAssertFalse(changed.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF was introduced")
        XCTAssertEqual(try changed.removing("last-call-deadline").setting("status", to: "Draft").text, doc.text)
    }

    func testProblemsAreValuesNotCrashes() {
        XCTAssertEqual(LIPDocument(path: "a", data: Data()).preambleResult.failureValue, .empty)
        XCTAssertEqual(LIPDocument(path: "a", data: Data([0x2d, 0x00, 0x2d])).preambleResult.failureValue, .binary)
        XCTAssertEqual(LIPDocument(path: "a", data: Data([0x2d, 0x2d, 0x2d, 0x0a, 0xc3])).preambleResult.failureValue, .notUTF8(offset: 4))
        XCTAssertEqual(LIPDocument(path: "a", text: "---\nlip: 1\n").preambleResult.failureValue, .unclosedPreamble(openingLine: 0))
        XCTAssertEqual(LIPDocument(path: "a", text: "lip: 1\n").preambleResult.failureValue, .noPreamble)
    }

    func testStatusAndTypeParsing() {
        XCTAssertEqual(LIPStatus(parsing: "last-call"), .lastCall)
        XCTAssertEqual(LIPStatus(parsing: "LAST CALL"), .lastCall)
        XCTAssertEqual(LIPStatus(parsing: "final"), .final)
        XCTAssertNil(LIPStatus(parsing: "done"))
        XCTAssertEqual(LIPType(parsing: "standard-track"), .standardTrack)
        XCTAssertEqual(LIPStatus.lastCall.kebab, "last-call")
    }

    func testCalendarDates() {
        XCTAssertNotNil(CalendarDate("2024-02-29"))
        XCTAssertNil(CalendarDate("2023-02-29"))
        XCTAssertNil(CalendarDate("2024-2-09"))
        XCTAssertNil(CalendarDate("2024-04-31"))
        XCTAssertEqual(CalendarDate("2024-12-25")!.adding(days: 10).description, "2025-01-04")
        XCTAssertEqual(try CalendarDate.today(environment: ["LIP_TODAY": "2030-01-01"]).description, "2030-01-01")
        for bad in ["garbage", "2025-02-30", "2025-2-3"] {
            XCTAssertThrowsError(try CalendarDate.today(environment: ["LIP_TODAY": bad])) {
                XCTAssertTrue("\($0)".hasPrefix("LIP_TODAY `\(bad)` is not a real YYYY-MM-DD date"), "\($0)")
            }
        }
    }

    func testSlugs() throws {
        XCTAssertEqual(DocumentActions.slug(fromTitle: "Confluence - Arbitrum One Migration!"), "confluence-arbitrum-one-migration")
        XCTAssertThrowsError(try DocumentActions.validate(slug: "../escape"))
        XCTAssertThrowsError(try DocumentActions.validate(slug: "a/b"))
        XCTAssertThrowsError(try DocumentActions.validate(slug: ".hidden"))
        XCTAssertThrowsError(try DocumentActions.validate(slug: "12"))
        XCTAssertNoThrow(try DocumentActions.validate(slug: "my-idea_2"))
    }

    func testUnifiedDiff() {
        XCTAssertEqual(
            UnifiedDiff.make(old: "a\nb\nc\n", new: "a\nB\nc\n", path: "f"),
            "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
        XCTAssertEqual(UnifiedDiff.make(old: "x\n", new: "x\n", path: "f"), "")
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
