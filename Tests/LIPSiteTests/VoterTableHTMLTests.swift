import LIPEthereum
import PropertyBased
import Testing

@testable import LIPReports
@testable import LIPSite

/// A vote page's voters are written as HTML directly (`SiteVotes.html`), not through cmark-gfm:
/// for the text reports hold (figures, words, labels, explorer links) it is exactly what cmark-gfm
/// renders of the forum post's table, with the end tags HTML lets a table omit left out and each
/// column's alignment given by the table's class (PropertyBased shrinks a failing table); text
/// from outside is shown as text, and a link other than http(s) is not made. A voter with a page
/// in the site links to it instead.
struct VoterTableHTMLTests {
    /// Words as reports write them: letters, digits, figures, `%`, parentheses, an ellipsis.
    static let word = Gen.element(of: ["Yes", "No", "0x1234…abcd", "1,353,097.04", "0.01%", "(orchestrator)", "delegator", "LIP-16", "a", "Z9", "…"]).map { $0! }
    static let text = word.array(of: 0...3).map { $0.joined(separator: " ") }
    static let voter = Address(bytes: [0xAB, 0xC0] + Array(repeating: 0, count: 17) + [1])
    /// A cell: plain text, or a label linked to an explorer's page (or to none) then text.
    static let cell = zip(Gen.int(in: 0...2), word, text).map { kind, label, text in
        switch kind {
        case 0: return VoterTable.Cell(text)
        case 1: return VoterTable.Cell(label, of: voter, linkedTo: "https://arbiscan.io/address/0xAbC0000000000000000000000000000000000001", then: text.isEmpty ? "" : " " + text)
        default: return VoterTable.Cell(label, of: voter, linkedTo: nil, then: text.isEmpty ? "" : " " + text)
        }
    }

    @Test func theTableIsWhatCmarkGFMRendersOfTheForumPostsTable() async {
        let input = zip(Gen.bool.array(of: 1...5), Self.cell.array(of: 5...5).array(of: 0...14), Gen.bool, Self.text)
        await propertyCheck(count: 200, input: input) { alignments, cells, withNote, note in
            let columns = alignments.enumerated().map { ("Column \($0.offset)", alignsRight: $0.element) }
            let rows = cells.map { Array($0.prefix(columns.count)) }
            let table = VoterTable(count: rows.count, columns: columns, rows: rows, note: withNote && !note.isEmpty ? note : nil)
            #expect(String(decoding: SiteVotes.html(table, voterPages: SiteVoterLinks([])), as: UTF8.self) == Self.withoutEndTags(SiteVotes.forumHTML(table.markdown)))
        }
    }

    /// cmark-gfm's table as the site writes it: the cells' and rows' end tags left out (a row on
    /// one line), and the columns cmark-gfm aligns right named by the table's class.
    static func withoutEndTags(_ html: String) -> String {
        guard let head = html.range(of: "<table>\n<thead>\n<tr>\n"), let headEnd = html.range(of: "</tr>\n</thead>\n") else { return html }
        let columns = html[head.upperBound..<headEnd.lowerBound].split(separator: "\n")
        let right = columns.indices.filter { columns[$0].hasPrefix("<th align=\"right\">") }.map { "right-\($0 + 1)" }
        var out = String(html[..<head.lowerBound]) + "<table" + (right.isEmpty ? "" : " class=\"\(right.joined(separator: " "))\"") + ">\n<thead>\n<tr>"
        out += columns.map { $0.replacingOccurrences(of: "<th align=\"right\">", with: "<th>") }.joined() + "</tr>\n</thead>\n"
        let rest = html[headEnd.upperBound...].replacingOccurrences(of: "<td align=\"right\">", with: "<td>")
        return out + rest.replacingOccurrences(of: "<tr>\n", with: "<tr>").replacingOccurrences(of: "</td>\n</tr>\n", with: "\n").replacingOccurrences(of: "</td>\n", with: "")
    }

    @Test func textFromOutsideIsShownAsTextAndOnlyWebLinksAreMade() {
        let table = VoterTable(
            count: 2, columns: [("Voter", alignsRight: false), ("Reason", alignsRight: false)],
            rows: [
                [VoterTable.Cell("x", of: Self.voter, linkedTo: "javascript:alert(1)", then: ""), VoterTable.Cell("<script>alert(\"1\")</script> & www.example.org")],
                [VoterTable.Cell("y", of: Self.voter, linkedTo: "HTTPS://example.org/a?b=1&c=\"2\"", then: " (orchestrator)"), VoterTable.Cell("\u{1b}[31mred\nline")],
            ], note: nil)
        let html = String(decoding: SiteVotes.html(table, voterPages: SiteVoterLinks([])), as: UTF8.self)
        #expect(!html.contains("javascript:") && html.contains("<tr><td>x<td>"))
        #expect(html.contains("<td>&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; www.example.org\n"))
        #expect(html.contains("<a href=\"HTTPS://example.org/a?b=1&amp;c=&quot;2&quot;\">y</a> (orchestrator)"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(html.hasPrefix("<p><strong>Voters (2)</strong></p>\n<table>\n"))
    }

    @Test func aVoterWithAPageLinksToItAndOneWithoutKeepsItsExplorer() {
        let other = Address(bytes: Array(repeating: 0x11, count: 20))
        let table = VoterTable(
            count: 2, columns: [("Voter", alignsRight: false), ("Choice", alignsRight: false)],
            rows: [
                [
                    VoterTable.Cell("0xAbC0…0001", of: Self.voter, linkedTo: "https://arbiscan.io/address/\(Self.voter.checksummed)", then: " (orchestrator)"),
                    VoterTable.Cell("Yes"),
                ],
                [VoterTable.Cell("0x1111…1111", of: other, linkedTo: "https://arbiscan.io/address/\(other.checksummed)", then: ""), VoterTable.Cell("No")],
            ], note: nil)
        let html = String(decoding: SiteVotes.html(table, voterPages: SiteVoterLinks([Self.voter])), as: UTF8.self)
        #expect(html.contains("<tr><td><a href=\"../voters/0xabc0000000000000000000000000000000000001.html\">0xAbC0…0001</a> (orchestrator)<td>Yes\n"))
        #expect(html.contains("<tr><td><a href=\"https://arbiscan.io/address/\(other.checksummed)\">0x1111…1111</a><td>No\n"))
        #expect(!html.contains("arbiscan.io/address/\(Self.voter.checksummed)"))
    }
}

/// `voters.html` counts its accounts as a person writes the count.
struct VoterListTests {
    @Test func oneAccountIsOneAccount() {
        #expect(SiteVoterPages.list(["<tr><td>a</td></tr>\n"], siteTitle: "T").contains("<p>1 account voted in a poll"))
        #expect(SiteVoterPages.list([], siteTitle: "T").contains("<p>0 accounts voted in a poll"))
        #expect(SiteVoterPages.list(["<tr></tr>\n", "<tr></tr>\n"], siteTitle: "T").contains("<p>2 accounts voted in a poll"))
    }
}
