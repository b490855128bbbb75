import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPDocuments

/// A workspace written like a clone of the real LIPs repository (the template at the root, the
/// quirks of real preambles, an index that drifted from the files): lint reports the problems an
/// editor fixes by hand, and nothing else.
final class RealLikeWorkspaceTests: XCTestCase {
    func testLintReportsTheRealProblemsOnly() throws {
        let ws = Workspace(root: fixturesRoot.appendingPathComponent("workspaces/real-like"))
        let expected = try String(contentsOf: fixturesRoot.appendingPathComponent("workspaces/real-like.expected.txt"), encoding: .utf8)
        XCTAssertEqual(render(try Linter().lint(workspace: ws).findings), expected)
        let index = try Linter().checkIndex(workspace: ws).findings
        XCTAssertEqual(Set(index.map(\.rule)), ["index-title-mismatch", "index-status-mismatch", "index-missing-entry", "index-stale-entry"])
        XCTAssertEqual(ws.template?.lastPathComponent, "LIP-X.md", "the root template is found")
    }

    func testIndexRewriteTouchesOnlyTheTable() throws {
        let root = try copyFixture("workspaces/real-like", self)
        let ws = Workspace(root: root)
        let plan = try IndexWriter.plan(workspace: ws)
        let old = TextLines(plan.old!).lines, new = TextLines(plan.new).lines
        let table = ReadmeIndex(text: plan.old!).tableLines!
        XCTAssertEqual(Array(old[..<table.lowerBound]), Array(new[..<table.lowerBound]))
        XCTAssertEqual(Array(old[table.upperBound...]), Array(new[(new.count - (old.count - table.upperBound))...]))
        try write(plan.new, "README.md", in: root)
        XCTAssertEqual(try Linter().checkIndex(workspace: ws).findings, [])
        XCTAssertTrue(plan.new.contains("| [91](LIPs/LIP-91.md) | A Bundle                            | Final     |\n"), plan.new)
        XCTAssertFalse(plan.new.contains("LIP-56"))
    }
}
