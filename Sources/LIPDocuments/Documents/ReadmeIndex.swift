import Foundation
import LIPCore

/// The index of LIPs in README.md: the first markdown table after a heading whose text is `Index`.
public struct ReadmeIndex: Sendable {
    /// The README's lines.
    public var lines: TextLines
    /// The line index of the `Index` heading, or nil when the README has none.
    public var headingLine: Int?
    /// The range of line indices the table occupies (header, separator and rows).
    public var tableLines: Range<Int>?
    /// The rows, in file order.
    public var rows: [IndexRow]

    /// Parses a README.
    public init(text: String) {
        lines = TextLines(text)
        rows = []
        let all = lines.lines
        // A heading inside a fenced code block is not a heading.
        var fenced = Set<Int>()
        var fence: String?
        for (i, line) in all.enumerated() {
            let c = line.content.trimmingCharacters(in: .whitespaces)
            let marker = c.hasPrefix("```") ? "```" : (c.hasPrefix("~~~") ? "~~~" : nil)
            if let open = fence {
                fenced.insert(i)
                if marker == open { fence = nil }
            } else if let marker {
                fenced.insert(i)
                fence = marker
            }
        }
        headingLine = all.indices.first { i in
            guard !fenced.contains(i) else { return false }
            let c = all[i].content.trimmingCharacters(in: .whitespaces)
            guard c.hasPrefix("#") else { return false }
            var t = c.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            while t.hasSuffix("#") { t.removeLast() }
            return t.trimmingCharacters(in: .whitespaces).lowercased() == "index"
        }
        guard let heading = headingLine else { return }
        var i = heading + 1
        while i < all.count, !all[i].content.trimmingCharacters(in: .whitespaces).hasPrefix("|") {
            if all[i].content.hasPrefix("#") { return }
            i += 1
        }
        guard i + 1 < all.count else { return }
        let start = i
        let header = ReadmeIndex.cells(all[i].content).map { $0.lowercased() }
        guard let lipColumn = header.firstIndex(of: "lip") else { return }
        let titleColumn = header.firstIndex(of: "title") ?? 1
        let statusColumn = header.firstIndex(of: "status") ?? 2
        i += 2  // header and separator
        while i < all.count, all[i].content.trimmingCharacters(in: .whitespaces).hasPrefix("|") {
            let cells = ReadmeIndex.cells(all[i].content)
            func cell(_ n: Int) -> String { n < cells.count ? cells[n] : "" }
            let (number, link) = ReadmeIndex.parseLIPCell(cell(lipColumn))
            rows.append(IndexRow(number: number, link: link, title: ReadmeIndex.unescape(cell(titleColumn)), status: cell(statusColumn), lineIndex: i))
            i += 1
        }
        tableLines = start..<i
    }

    /// The row for LIP `number`, if any.
    public func row(for number: Int) -> IndexRow? { rows.first { $0.number == number } }

    /// Splits a table row into trimmed cells, honouring `\|` escapes.
    static func cells(_ line: String) -> [String] {
        var s = Substring(line.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("|") { s = s.dropFirst() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        var endedWithPipe = false
        for ch in s {
            endedWithPipe = false
            if escaped {
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                current.append(ch)
                escaped = true
            } else if ch == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                endedWithPipe = true
            } else {
                current.append(ch)
            }
        }
        // A row ends with `|`: no cell after it.
        if !endedWithPipe { cells.append(current.trimmingCharacters(in: .whitespaces)) }
        return cells
    }

    static func parseLIPCell(_ cell: String) -> (Int?, String?) {
        if cell.hasPrefix("["), let close = cell.firstIndex(of: "]") {
            let label = cell[cell.index(after: cell.startIndex)..<close]
            var link: String?
            let rest = cell[cell.index(after: close)...]
            if rest.hasPrefix("("), let end = rest.firstIndex(of: ")") {
                link = String(rest[rest.index(after: rest.startIndex)..<end])
            }
            return (Int(label.trimmingCharacters(in: .whitespaces)), link)
        }
        return (Int(cell), nil)
    }

    /// A title as a table cell: backslashes and pipes get a backslash before them, so that
    /// `unescape` gives the title back.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
    }

    /// A table cell as a title: a doubled backslash is one backslash, a backslash and a pipe are a
    /// pipe; any other backslash is kept as written (as GitHub shows it).
    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                if ch != "\\" && ch != "|" { out.append("\\") }
                out.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// Renders a table padded like the real README: every cell padded to its column's width.
    public static func renderTable(rows: [(number: Int, title: String, status: String)], terminator: String = "\n") -> [TextLine] {
        let body = rows.map(rowCells)
        // The Status column is always wide enough for every status, as in the real README.
        var widths = [header[0].count, header[1].count, LIPStatus.allCases.map(\.rawValue.count).max()!]
        for r in body { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = [TextLine(content: renderRow(header, widths: widths), terminator: terminator)]
        out.append(TextLine(content: "| " + widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ") + " |", terminator: terminator))
        out += body.map { TextLine(content: renderRow($0, widths: widths), terminator: terminator) }
        return out
    }

    /// The header cells of the index.
    static let header = ["LIP", "Title", "Status"]

    /// The cells of an index row: the linked number, the escaped title, the status.
    static func rowCells(_ entry: (number: Int, title: String, status: String)) -> [String] {
        ["[\(entry.number)](LIPs/LIP-\(entry.number).md)", escape(entry.title), entry.status]
    }

    /// A table row with each cell padded to its column's width (a wider cell overflows).
    static func renderRow(_ cells: [String], widths: [Int]) -> String {
        let padded = cells.enumerated().map { i, c in c + String(repeating: " ", count: max(0, widths[i] - c.count)) }
        return "| " + padded.joined(separator: " | ") + " |"
    }
}
