import Foundation
import LIPCore

/// Rewrites the README index table from the LIP files, changing nothing else in README.md.
package enum IndexWriter {
    /// The index entries the files call for: every numbered LIP whose preamble parses,
    /// and the existing row of any numbered LIP whose preamble does not.
    package static func entries(documents: [DocumentSummary], existing: ReadmeIndex?) -> [(number: Int, title: String, status: String)] {
        var result: [(Int, String, String)] = []
        for s in documents {
            guard let n = s.fileNumber else { continue }
            if s.parsed {
                result.append((n, s.title ?? "", s.status?.rawValue ?? ""))
            } else if let row = existing?.row(for: n) {
                result.append((n, row.title, row.status))
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// README.md's new text with the index rewritten; `readme` is nil when there is no README yet.
    package static func updatedReadme(_ readme: ReadmeIndex?, entries: [(number: Int, title: String, status: String)]) -> String {
        guard var index = readme else {
            let table = ReadmeIndex.renderTable(rows: entries)
            return "# LIPs\n\n## Index\n\n" + TextLines(lines: table).text
        }
        let terminator = index.lines.dominantTerminator
        let table = ReadmeIndex.renderTable(rows: entries, terminator: terminator)
        var lines = index.lines.lines
        if let range = index.tableLines {
            // Keep the old last line's terminator (a README may end without a newline).
            var replacement = table
            if range.upperBound == lines.count, let last = lines.last, last.terminator.isEmpty {
                replacement[replacement.count - 1].terminator = ""
            }
            lines.replaceSubrange(range, with: replacement)
        } else if let heading = index.headingLine {
            if lines[heading].terminator.isEmpty { lines[heading].terminator = terminator }
            lines.insert(contentsOf: [TextLine(content: "", terminator: terminator)] + table, at: heading + 1)
        } else {
            if let last = lines.indices.last, lines[last].terminator.isEmpty { lines[last].terminator = terminator }
            lines +=
                [
                    TextLine(content: "", terminator: terminator), TextLine(content: "## Index", terminator: terminator),
                    TextLine(content: "", terminator: terminator),
                ] + table
        }
        index.lines = TextLines(lines: lines)
        return index.lines.text
    }

    /// Rewrites the README index from the workspace's files under the workspace lock; returns
    /// whether README.md changed.
    package static func rewrite(workspace: Workspace) throws -> Bool {
        try workspace.locked {
            let plan = try plan(workspace: workspace)
            guard plan.old != plan.new else { return false }
            var transaction = FileTransaction()
            transaction.write(plan.new, to: workspace.readme)
            try transaction.commit(relativeTo: workspace.root)
            return true
        }
    }

    /// The README text after rewriting the index from the workspace's files, and the current text (nil when absent).
    package static func plan(workspace: Workspace, overriding: [LIPDocument] = []) throws -> (old: String?, new: String) {
        var summaries: [DocumentSummary] = []
        let overridden = Dictionary(overriding.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        var seen = Set<String>()
        for url in try workspace.lipFiles() {
            let path = workspace.relativePath(url)
            seen.insert(path)
            if let doc = overridden[path] {
                summaries.append(DocumentSummary(doc))
            } else {
                summaries.append(DocumentSummary(try LIPDocument.load(url, path: path)))
            }
        }
        for doc in overriding where !seen.contains(doc.path) { summaries.append(DocumentSummary(doc)) }
        let readme = try workspace.readmeIndex()
        let new = updatedReadme(readme, entries: entries(documents: summaries, existing: readme))
        return (readme?.lines.text, new)
    }
}

extension IndexWriter {
    /// README text with only the rows of the given LIPs changed or added (each row re-rendered
    /// with the table's current column widths; a longer cell overflows rather than re-padding
    /// every other row). Rows for numbers not yet in the table are inserted in number order.
    /// With no table yet, the whole index is written.
    package static func updatingRows(_ readme: ReadmeIndex?, entries: [(number: Int, title: String, status: String)]) -> String {
        guard var index = readme, let table = index.tableLines else {
            return updatedReadme(readme, entries: entries)
        }
        var lines = index.lines.lines
        let separator = ReadmeIndex.cells(lines[table.lowerBound + 1].content)
        var widths = separator.map { $0.count }
        while widths.count < 3 { widths.append(3) }
        let terminator = index.lines.dominantTerminator
        func render(_ e: (number: Int, title: String, status: String)) -> String { ReadmeIndex.renderRow(ReadmeIndex.rowCells(e), widths: widths) }
        // A cell wider than its column: re-pad the whole table, as `lip index` would.
        let tooWide = entries.contains { e in zip(ReadmeIndex.rowCells(e), widths).contains { $0.count > $1 } }
        if tooWide {
            var merged: [Int: (number: Int, title: String, status: String)] = [:]
            for row in index.rows { if let n = row.number { merged[n] = (n, row.title, row.status) } }
            for e in entries { merged[e.number] = e }
            return updatedReadme(index, entries: merged.values.sorted { $0.number < $1.number })
        }
        var inserted = 0
        for entry in entries.sorted(by: { $0.number < $1.number }) {
            if let row = index.rows.first(where: { $0.number == entry.number }) {
                lines[row.lineIndex + inserted].content = render(entry)
            } else {
                let after = index.rows.last(where: { ($0.number ?? 0) < entry.number })
                let position = (after.map { $0.lineIndex + 1 } ?? table.lowerBound + 2) + inserted
                // Count rows inserted earlier at or before this position.
                let line = TextLine(content: render(entry), terminator: terminator)
                if position == lines.count, let last = lines.indices.last, lines[last].terminator.isEmpty {
                    lines[last].terminator = terminator
                    lines.append(TextLine(content: line.content, terminator: ""))
                } else {
                    lines.insert(line, at: position)
                }
                inserted += 1
            }
        }
        index.lines = TextLines(lines: lines)
        return index.lines.text
    }
}
