import Foundation
import LIPCore
import LIPEthereum

/// The voters of a report (a poll's or a proposal's): one model for the forum post's markdown
/// table and the site's HTML table, so that both show the same rows. Its cells hold plain text
/// (a voter's label, a reason): each format escapes it as it must.
public struct VoterTable: Sendable {
    /// A column: its name, and whether its figures align right.
    public struct Column: Sendable {
        public var name: String
        public var alignsRight: Bool
    }

    /// A cell: a label linked to a page (an explorer's), then plain text.
    public struct Cell: Sendable {
        /// The label at the cell's start (a voter's), nil when the cell has none.
        public var label: String?
        /// The account the label names, nil when it names none: a site links it to the account's own page.
        public var account: Address?
        /// The page the label links to; nil: the label alone.
        public var url: String?
        public var text: String

        /// Plain text.
        init(_ text: String) { (label, account, url, self.text) = (nil, nil, nil, text) }
        /// `account`'s `label` linked to `url` (nil: the label alone), then `text`.
        init(_ label: String, of account: Address, linkedTo url: String?, then text: String) {
            (self.label, self.account, self.url, self.text) = (label, account, url, text)
        }
    }

    /// What the table is headed by: `All 12 voters`, or `Voters (3)` when it is not folded.
    public var heading: String
    /// More than ten voters: the forum folds the table under Discourse's `[details]`.
    public var folded: Bool
    public var columns: [Column]
    /// A row per voter, a cell per column.
    public var rows: [[Cell]]
    /// A sentence under the rows (how rounding makes them add up), nil when none is needed.
    public var note: String?

    init(count: Int, columns: [(String, alignsRight: Bool)], rows: [[Cell]], note: String?) {
        folded = count > 10
        heading = folded ? "All \(count) voters" : "Voters (\(count))"
        self.columns = columns.map { Column(name: $0.0, alignsRight: $0.alignsRight) }
        self.rows = rows
        self.note = note
    }

    /// As the forum post holds it: folded under `[details]` (more than ten voters) or headed in
    /// bold; text escaped for markdown, each link's address as a markdown link takes it.
    public var markdown: String {
        var table = "| " + columns.map(\.name).joined(separator: " | ") + " |\n"
        table += "|" + columns.map { $0.alignsRight ? " ---: |" : " --- |" }.joined() + "\n"
        table.reserveCapacity(table.utf8.count + rows.count * 160)
        for row in rows {
            table += "|"
            for cell in row {
                table += " "
                if let label = cell.label {
                    let text = Escaping.markdown(label)
                    table += cell.url.map { "[\(text)](\(Escaping.markdownURL($0)))" } ?? text
                }
                table += Escaping.markdown(cell.text) + " |"
            }
            table += "\n"
        }
        if let note { table += "\n" + note + "\n" }
        return folded ? "[details=\"\(heading)\"]\n\n" + table + "\n[/details]\n\n" : "**\(heading)**\n\n" + table + "\n"
    }
}
