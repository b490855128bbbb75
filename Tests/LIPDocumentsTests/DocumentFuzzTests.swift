import Foundation
import LIPTestSupport
import XCTest

@testable import LIPDocuments

/// Thousands of seeded random mutations of a valid LIP file: no rule traps, and every finding names
/// the file, a line it has and a known rule.
final class DocumentFuzzTests: XCTestCase {
    func testLIPFilesNeverTrap() throws {
        var rng = SeededGenerator(seed: 73)
        let base = Array(lipText(16, type: "Standard Track", status: "Last Call", extra: "requires: 1, 2\npart-of: 15\nlast-call-deadline: 2024-02-01\n").utf8)
        let context = LintContext(
            knownNumbers: [1, 2, 15, 16], index: ReadmeIndex(text: "## Index\n\n| LIP | Title | Status |\n| --- | --- | --- |\n| [16](LIPs/LIP-16.md) | T | Draft |\n"),
            checksIndex: true)
        for _ in 0..<3_000 {
            let document = LIPDocument(path: "LIPs/LIP-16.md", data: Data(Mutation.mutate(base, &rng)))
            // What it promises: no trap, and every finding names this file, a line it has, and a known rule.
            var findings: [Finding] = []
            for rule in LintRegistry.documentRules { findings += rule.check(document, context: context) }
            let summary = DocumentSummary(document)
            for rule in LintRegistry.workspaceRules { findings += rule.check([summary], context: context).filter { $0.file == document.path } }
            for f in findings {
                XCTAssertTrue((0...max(1, document.lines.lines.count)).contains(f.line), "\(f.rule) at line \(f.line) of \(document.lines.lines.count)")
                XCTAssertTrue(LintRegistry.all.contains { $0.id == f.rule }, f.rule)
            }
            _ = IndexWriter.entries(documents: [summary], existing: context.index)
        }
    }
}
