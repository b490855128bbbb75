import Foundation
import LIPTestSupport
import XCTest

@testable import LIPDocuments

/// Thousands of seeded random mutations of a valid LIP file: no rule traps, and every finding names
/// the file, a line it has and a known rule.
final class DocumentFuzzTests: XCTestCase {
    /// Pieces that tend to find edge cases: separators, quotes, huge numbers, hex, nothing.
    let pieces: [[UInt8]] = [
        ",", "\n", "\r\n", "\"", "0x", "-", ":", "|", "{", "}", "[", "]", "\u{0}", "é", "---\n", "lip: ", "\\",
        String(repeating: "9", count: 90), String(repeating: "ff", count: 40), "0x" + String(repeating: "f", count: 64), "", " ",
    ]
    .map { Array($0.utf8) }

    func mutate(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: bytes.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...60, using: &rng))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &rng))
            case 4: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: pieces.randomElement(using: &rng)!, at: bytes.count)
            }
        }
        return bytes
    }

    func testLIPFilesNeverTrap() throws {
        var rng = SeededGenerator(seed: 73)
        let base = Array(lipText(16, type: "Standard Track", status: "Last Call", extra: "requires: 1, 2\npart-of: 15\nlast-call-deadline: 2024-02-01\n").utf8)
        let context = LintContext(
            knownNumbers: [1, 2, 15, 16], index: ReadmeIndex(text: "## Index\n\n| LIP | Title | Status |\n| --- | --- | --- |\n| [16](LIPs/LIP-16.md) | T | Draft |\n"),
            checksIndex: true)
        for _ in 0..<3_000 {
            let document = LIPDocument(path: "LIPs/LIP-16.md", data: Data(mutate(base, &rng)))
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
