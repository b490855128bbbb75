import LIPTestSupport
import XCTest
@testable import LIPKit
@testable import LIPCore
@testable import LIPDocuments
@testable import LIPLedger
@testable import LIPTally

/// The real LIPs in ../shared/fixtures/lips-sample (skipped where that folder is absent):
/// the problems the spec names are reported, and only those.
final class SampleLIPsTests: XCTestCase {
    func testSpecExamplesOnRealLIPs() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/fixtures/lips-sample").standardizedFileURL
        try XCTSkipUnless(FileManager.default.fileExists(atPath: folder.path), "no ../shared/fixtures/lips-sample here")
        let files = ["LIP-1.md", "LIP-16.md", "LIP-34.md", "LIP-73.md", "LIP-91.md"].map { folder.appendingPathComponent($0) }
        let report = try Linter().lint(files: files, workspace: nil, includeIndex: false)
        let found = Set(report.findings.map { "\($0.file.split(separator: "/").last!):\($0.line):\($0.rule)" })
        for expected in ["LIP-16.md:9:preamble-unknown-field", "LIP-16.md:10:preamble-missing-field", "LIP-34.md:9:preamble-self-reference",
                         "LIP-34.md:8:preamble-invalid-url", "LIP-34.md:4:preamble-trailing-whitespace"] {
            XCTAssertTrue(found.contains(expected), "missing \(expected) in \(found.sorted())")
        }
        XCTAssertFalse(report.findings.contains { $0.file.hasSuffix("LIP-73.md") }, "LIP-73 is clean")
        let unknownField = report.findings.first { $0.rule == "preamble-unknown-field" }!
        XCTAssertEqual(unknownField.message, "unknown field `discussion-to`; did you mean `discussions-to`?")
        XCTAssertEqual(unknownField.severity, .warning)
        XCTAssertEqual(report.findings.first { $0.rule == "preamble-missing-field" && $0.lip == 16 }?.severity, .warning, "Final LIPs get a warning")
        for url in files + [folder.appendingPathComponent("LIP-X.md")] {
            let data = try Data(contentsOf: url)
            XCTAssertEqual(Data(LIPDocument(path: "x", data: data).text.utf8), data)
        }
    }
}
