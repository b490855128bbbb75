import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPDocuments

final class IndexTests: XCTestCase {
    let readme = """
        # LIPs

        Intro with a | pipe outside the table.

        ## Index

        | LIP                | Title          | Status    |
        | ------------------ | -------------- | --------- |
        | [1](LIPs/LIP-1.md) | First          | Draft     |
        | [3](LIPs/LIP-3.md) | Pipe \\| Title | Final     |

        ## After

        Text after the index.

        """

    func testParse() {
        let index = ReadmeIndex(text: readme)
        XCTAssertEqual(index.headingLine, 4)
        XCTAssertEqual(index.tableLines, 6..<10)
        XCTAssertEqual(index.rows.map(\.number), [1, 3])
        XCTAssertEqual(index.rows[1].title, "Pipe | Title")
        XCTAssertEqual(index.rows[1].status, "Final")
        XCTAssertEqual(index.rows[0].link, "LIPs/LIP-1.md")
    }

    func testRewriteChangesOnlyTheTable() {
        let index = ReadmeIndex(text: readme)
        let new = IndexWriter.updatedReadme(index, entries: [(1, "First", "Draft"), (2, "Second LIP Title", "Proposed"), (3, "Pipe | Title", "Final")])
        XCTAssertTrue(new.hasPrefix("# LIPs\n\nIntro with a | pipe outside the table.\n\n## Index\n\n"))
        XCTAssertTrue(new.hasSuffix("\n## After\n\nText after the index.\n"))
        XCTAssertTrue(new.contains("| [2](LIPs/LIP-2.md) | Second LIP Title | Proposed  |\n"))
        XCTAssertTrue(new.contains("| [3](LIPs/LIP-3.md) | Pipe \\| Title    | Final     |\n"))
        // Rewriting again is a no-op.
        XCTAssertEqual(IndexWriter.updatedReadme(ReadmeIndex(text: new), entries: [(1, "First", "Draft"), (2, "Second LIP Title", "Proposed"), (3, "Pipe | Title", "Final")]), new)
    }

    func testRowUpdateChangesOneLine() {
        let index = ReadmeIndex(text: readme)
        let new = IndexWriter.updatingRows(index, entries: [(1, "First", "Last Call")])
        let diff = zip(TextLines(readme).lines, TextLines(new).lines).filter { $0 != $1 }
        XCTAssertEqual(diff.count, 1)
        XCTAssertEqual(diff.first?.1.content, "| [1](LIPs/LIP-1.md) | First          | Last Call |")
        let inserted = IndexWriter.updatingRows(index, entries: [(2, "Two", "Draft")])
        XCTAssertEqual(TextLines(inserted).lines.count, TextLines(readme).lines.count + 1)
        XCTAssertEqual(ReadmeIndex(text: inserted).rows.map(\.number), [1, 2, 3])
    }

    func testMissingIndexIsAdded() {
        let new = IndexWriter.updatedReadme(ReadmeIndex(text: "# Title\n\nNo index yet."), entries: [(1, "One", "Draft")])
        XCTAssertEqual(
            new,
            "# Title\n\nNo index yet.\n\n## Index\n\n| LIP                | Title | Status    |\n| ------------------ | ----- | --------- |\n| [1](LIPs/LIP-1.md) | One   | Draft     |\n"
        )
    }

    func testCRLFReadme() {
        let crlf = readme.replacingOccurrences(of: "\n", with: "\r\n")
        let new = IndexWriter.updatedReadme(ReadmeIndex(text: crlf), entries: [(1, "First", "Final"), (3, "Pipe | Title", "Final")])
        XCTAssertFalse(new.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        XCTAssertTrue(new.contains("| [1](LIPs/LIP-1.md) | First         | Final     |\r\n"), new)
    }

    /// Writing and reading the index are inverses, whatever the titles hold.
    func testRandomTitlesRoundTrip() {
        var rng = SeededGenerator(seed: 1)
        let alphabet = Array("ab |\\|-`*[]()<>é:")
        for _ in 0..<500 {
            let entries = (1...Int.random(in: 1...5, using: &rng)).map { n -> (number: Int, title: String, status: String) in
                var title = String((0..<Int.random(in: 1...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
                title = title.trimmingCharacters(in: .whitespaces)
                return (n, title.isEmpty ? "t" : title, "Draft")
            }
            let readme = IndexWriter.updatedReadme(ReadmeIndex(text: "# LIPs\n\n## Index\n"), entries: entries)
            let parsed = ReadmeIndex(text: readme)
            XCTAssertEqual(parsed.rows.map(\.title), entries.map(\.title), readme)
            XCTAssertEqual(parsed.rows.map(\.number), entries.map(\.number))
        }
    }
}
