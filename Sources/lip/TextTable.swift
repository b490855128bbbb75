import LIPKit

/// A plain text table with padded columns, for terminal output. Each cell is put on one line
/// (a title with a line break in it cannot make a row of its own).
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let rows = rows.map { $0.map { VisibleText.oneLine($0) } }
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count) }
                .joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
