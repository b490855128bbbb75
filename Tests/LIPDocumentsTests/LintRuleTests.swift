import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPDocuments

/// One test per lint rule: `Fixtures/lint/<rule>/fires` must give exactly `expected.txt`
/// (and fire the rule), `Fixtures/lint/<rule>/passes` must not fire it.
final class LintRuleTests: XCTestCase {
    func check(_ rule: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = fixturesRoot.appendingPathComponent("lint/\(rule)")
        let fires = try lint(folder.appendingPathComponent("fires"), rule: rule)
        XCTAssertTrue(fires.findings.contains { $0.rule == rule }, "\(rule) did not fire", file: file, line: line)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        XCTAssertEqual(render(fires.findings), expected, file: file, line: line)
        let passes = try lint(folder.appendingPathComponent("passes"), rule: rule)
        XCTAssertEqual(render(passes.findings), "", "\(rule): the passing fixture has findings", file: file, line: line)
    }

    /// A fixture workspace is linted whole; one without a README (most rules' fixtures) has its
    /// index left out, unless an index rule is under test.
    func lint(_ root: URL, rule: String) throws -> LintReport {
        let workspace = Workspace(root: root)
        let isIndexRule = LintRegistry.workspaceRules.contains { $0.id == rule && $0.isIndexRule }
        if isIndexRule || FileManager.default.fileExists(atPath: workspace.readme.path) { return try Linter().lint(workspace: workspace) }
        return try Linter().lint(files: workspace.lipFiles(), workspace: workspace, includeIndex: false)
    }

    func testEveryRuleHasFixtures() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: fixturesRoot.appendingPathComponent("lint").path)
        XCTAssertEqual(Set(folders), Set(LintRegistry.all.map(\.id)))
        XCTAssertEqual(LintRegistry.all.count, Set(LintRegistry.all.map(\.id)).count, "rule ids are unique")
        for rule in LintRegistry.all {
            XCTAssertTrue(rule.id.range(of: "^[a-z]+(-[a-z]+)+$", options: .regularExpression) != nil, "\(rule.id) is kebab case")
        }
    }

    func testFileUnreadable() throws { try check("file-unreadable") }
    func testFileNotText() throws { try check("file-not-text") }
    func testFileNameNumber() throws { try check("file-name-number") }
    func testPreambleMissing() throws { try check("preamble-missing") }
    func testPreambleMalformedLine() throws { try check("preamble-malformed-line") }
    func testPreambleMissingField() throws { try check("preamble-missing-field") }
    func testPreambleUnknownField() throws { try check("preamble-unknown-field") }
    func testPreambleDuplicateField() throws { try check("preamble-duplicate-field") }
    func testPreambleInvalidStatus() throws { try check("preamble-invalid-status") }
    func testPreambleInvalidType() throws { try check("preamble-invalid-type") }
    func testPreambleInvalidDate() throws { try check("preamble-invalid-date") }
    func testPreambleInvalidURL() throws { try check("preamble-invalid-url") }
    func testPreambleNumberMismatch() throws { try check("preamble-number-mismatch") }
    func testPreambleSelfReference() throws { try check("preamble-self-reference") }
    func testPreambleUnknownReference() throws { try check("preamble-unknown-reference") }
    func testPreambleTrailingWhitespace() throws { try check("preamble-trailing-whitespace") }
    func testPreambleLastCallDeadline() throws { try check("preamble-last-call-deadline") }
    func testMarkdownMissingSection() throws { try check("markdown-missing-section") }
    func testBundleStatus() throws { try check("bundle-status") }
    func testIndexMissingTable() throws { try check("index-missing-table") }
    func testIndexStatusMismatch() throws { try check("index-status-mismatch") }
    func testIndexTitleMismatch() throws { try check("index-title-mismatch") }
    func testIndexMissingEntry() throws { try check("index-missing-entry") }
    func testIndexStaleEntry() throws { try check("index-stale-entry") }
    func testIndexDuplicateEntry() throws { try check("index-duplicate-entry") }

    func testFindingJSONHasTheContractShape() {
        let f = Finding(
            file: "LIPs/LIP-16.md", line: 9, lip: 16, rule: "preamble-unknown-field", severity: .warning,
            message: "unknown field `discussion-to`; did you mean `discussions-to`?")
        XCTAssertEqual(
            f.json.serialized(pretty: false),
            #"{"file":"LIPs/LIP-16.md","line":9,"lip":16,"rule":"preamble-unknown-field","severity":"warning","message":"unknown field `discussion-to`; did you mean `discussions-to`?"}"#
        )
        let g = Finding(file: "README.md", line: 1, lip: nil, rule: "index-missing-table", severity: .error, message: "m")
        XCTAssertTrue(g.json.serialized(pretty: false).contains(#""lip":null"#))
    }
}
