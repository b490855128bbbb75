import Foundation
import LIPCore

/// Columns of text for a terminal: each cell on one line (`VisibleText`: a title with a line
/// break in it cannot make a row of its own), padded to its column's width in characters,
/// right-aligned where asked, two spaces between columns.
package struct TextTable {
    package var header: [String]
    package var rows: [[String]] = []
    /// Columns aligned right (amounts).
    package var right: Set<Int> = []

    package init(header: [String], rows: [[String]] = [], right: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.right = right
    }

    /// The table.
    package var text: String {
        let cells = ([header] + rows).map { $0.map { VisibleText.oneLine($0) } }
        var widths = Array(repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        return cells.map { row in
            row.enumerated().map { i, c in
                let pad = String(repeating: " ", count: max(0, (i < widths.count ? widths[i] : 0) - c.count))
                return right.contains(i) ? pad + c : (i == row.count - 1 ? c : c + pad)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `header` and `rows` as a table, every column aligned left.
    package static func render(header: [String], rows: [[String]]) -> String { TextTable(header: header, rows: rows).text }
}
