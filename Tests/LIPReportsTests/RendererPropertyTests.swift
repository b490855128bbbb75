import BigInt
import Foundation
import LIPTestSupport
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import LIPCore
@testable import LIPDocuments
@testable import LIPGovernor
@testable import LIPReports
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPRecords
@testable import LIPTally

/// Random text written by strangers (names, titles, vote reasons, finding messages: random
/// scalars, grapheme clusters, every line break and control) through every renderer, and the
/// output parsed back: one cell per field, one table row per voter, well-formed XML, no raw control.
final class RendererPropertyTests: XCTestCase {
    /// Pieces that break renderers, mixed with random scalars.
    static let pieces: [String] = [
        "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\t", "\u{1b}[31m", "\u{1b}]8;;https://x\u{07}", "\u{9b}2J", "\u{7f}", "\u{0}",
        "\u{202E}", "|", "[details=\"x\"]", "[/details]", "## ", "# ", "\"", ",", "=", "+", "-", "@", "<", ">", "&", "]]>", "`", "*", "_", "e\u{301}", "👩‍👩‍👧",
        "🇺🇳", "%", "::", "\\",
    ]

    static func randomText(_ rng: inout SeededGenerator) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...8, using: &rng) {
            if Bool.random(using: &rng) {
                out += pieces.randomElement(using: &rng)!
            } else {
                let value = [UInt32.random(in: 0...0x7F, using: &rng), UInt32.random(in: 0x80...0x2FFF, using: &rng), UInt32.random(in: 0xE000...0x10FFFF, using: &rng)]
                    .randomElement(using: &rng)!
                out.unicodeScalars.append(Unicode.Scalar(value) ?? "?")
            }
        }
        return out
    }

    /// A raw control other than tab, newline and a CRLF pair, by scalar.
    func rawControl(_ text: String, allowCRLF: Bool = false) -> Unicode.Scalar? {
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() where VisibleText.isControl(s) && s != "\n" && s != "\t" {
            if allowCRLF && s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { continue }
            return s
        }
        return nil
    }

    /// RFC 4180 records of `text` (CRLF rows, quoted cells may hold anything).
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], cell = ""
        var quoted = false, i = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while i < scalars.endIndex {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    let next = scalars.index(after: i)
                    if next < scalars.endIndex && scalars[next] == "\"" { cell.unicodeScalars.append("\""); i = next } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(cell); cell = ""
            } else if c == "\r" && scalars.index(after: i) < scalars.endIndex && scalars[scalars.index(after: i)] == "\n" {
                record.append(cell); records.append(record); record = []; cell = ""
                i = scalars.index(after: i)
            } else {
                cell.unicodeScalars.append(c)
            }
            i = scalars.index(after: i)
        }
        if !cell.isEmpty || !record.isEmpty { record.append(cell); records.append(record) }
        return records
    }

    func proposalResult(reasons: [String], title: String) throws -> ProposalResult {
        let voters = (0..<reasons.count).map { GovernorScenario.address(0x100 + $0) }
        let proposal = GovernorProposal(
            governor: GovernorScenario.address(0x9a), id: 42, proposer: voters[0], targets: [], values: [], signatures: [], calldatas: [], voteStart: 10, voteEnd: 20,
            description: "# " + title + "\n", block: 1)
        var delegations: [Address: Address] = [:]
        for v in voters { delegations[v] = v }
        let views = ProposalViews(id: 42, totalSupply: 100_000, quorumNumerator: 333_300, quota: 500_000, onchain: nil, state: .succeeded, delegations: delegations)
        let votes = zip(voters, reasons).enumerated().map { i, pair in
            GovernorVote(voter: pair.0, support: VoteSupport(rawValue: i % 3)!, weight: BigUInt(100 + i), reason: pair.1, block: 1 + i, logIndex: 0)
        }
        return try ProposalTally.tally(proposal: proposal, views: views, votes: votes)
    }

    func checkForum(_ post: String, rows: Int, context: String) {
        XCTAssertNil(rawControl(post), context)
        XCTAssertFalse(post.unicodeScalars.contains { VisibleText.isLineBreak($0) && $0 != "\n" }, "a line break other than \\n: \(context)")
        let lines = post.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.hasPrefix("| Voter |") }!
        let table = lines[(start + 2)...].prefix { $0.hasPrefix("|") }
        XCTAssertEqual(table.count, rows, "one table row per voter: \(context)")
        XCTAssertEqual(lines.filter { $0.hasPrefix("#") }.count, 1, "only the post's own heading: \(context)")
        XCTAssertEqual(lines.filter { $0.hasPrefix("[details") }.count, rows > 10 ? 1 : 0, context)
    }

    func checkCSV(_ csv: String, rows: Int, fields: Int, context: String) {
        XCTAssertNil(rawControl(csv, allowCRLF: true), context)
        let records = RendererPropertyTests.csvRecords(csv)
        XCTAssertEqual(records.count, rows + 1, "one row per voter: \(context)")
        for r in records { XCTAssertEqual(r.count, fields, "one cell per field: \(context)") }
        for r in records.dropFirst() {
            for cell in r { XCTAssertFalse(["=", "+", "@", "\t", "\r"].contains(cell.unicodeScalars.first ?? " ") && !cell.hasPrefix("'"), "formula: \(context)") }
        }
        // A reader that splits lines naively sees the same rows.
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, rows + 1, "no line break inside a cell: \(context)")
    }

    func checkSVG(_ svg: String, context: String) {
        XCTAssertNil(rawControl(svg), context)
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "well-formed XML: \(parser.parserError.map { "\($0)" } ?? "") \(context)")
    }

    func testRandomTextThroughEveryRenderer() throws {
        var rng = SeededGenerator(seed: 20)
        for run in 0..<150 {
            let count = run % 2 == 0 ? 3 : 12
            let texts = (0..<count + 1).map { _ in RendererPropertyTests.randomText(&rng) }
            let context = "run \(run): \(texts.map { $0.unicodeScalars.map { String($0.value, radix: 16) } })"

            // A poll: names and the LIP title from outside.
            let result = sampleResult(voters: count, lip: nil)
            var names: [Address: String] = [:]
            for (i, v) in result.voters.enumerated() { names[v.address] = texts[i] }
            let report = PollReport(result: result, lipTitle: texts[count], names: names)
            checkForum(report.forumPost, rows: count, context: context)
            checkCSV(report.csv, rows: count, fields: 8, context: context)
            checkSVG(report.svg, context: context)
            XCTAssertNil(rawControl(result.text(title: texts[count])), context)

            // A proposal: reasons and the title from the chain.
            let proposal = try proposalResult(reasons: Array(texts.prefix(count)), title: texts[count])
            let proposalReport = ProposalReport(result: proposal, names: names)
            checkForum(proposalReport.forumPost, rows: count, context: context)
            checkCSV(proposalReport.csv, rows: count, fields: 9, context: context)
            checkSVG(proposalReport.svg, context: context)
            XCTAssertNil(rawControl(proposal.text), context)

            // Findings (a LIP title quoted in a message): GitHub annotations and text, one line each.
            let findings = texts.enumerated().map { i, t in
                Finding(file: "LIPs/LIP-\(i).md", line: i, lip: i, rule: "index-title-mismatch", severity: .warning, message: "title `\(t)`", help: t)
            }
            let github = GitHubReporter.render(findings)
            XCTAssertNil(rawControl(github), context)
            XCTAssertEqual(github.split(separator: "\n", omittingEmptySubsequences: false).count, findings.count + 1, "one command per finding: \(context)")
            XCTAssertTrue(github.split(separator: "\n").allSatisfy { $0.hasPrefix("::warning file=") }, context)
            let text = TextReporter.render(findings)
            XCTAssertNil(rawControl(text), context)
            XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false).count, 2 * findings.count + 1, "a finding and its help, a line each: \(context)")

            // Records: vote reasons in a voter's record (text, CSV), titles in what is due (text, calendar).
            let entries = texts.prefix(count).enumerated().map { i, t in
                VoteEntry(
                    kind: .proposal, id: String(i), lip: nil, createdBlock: i, endBlock: nil, endRound: 9, open: false, role: "orchestrator", delegate: nil,
                    voted: "for", reason: t, weight: BigUInt(i), delegateVoted: nil, outcome: "Executed")
            }
            let record = VoterRecord(account: Address(lowercase: addr("01"))!, network: "mainnet", entries: Array(entries), warnings: [])
            XCTAssertNil(rawControl(record.text), context)
            checkCSV(record.csv, rows: count, fields: VoteEntry.columns.count, context: context)
            let clock = ChainClock(headBlock: 10, position: 10, timestamp: 1_800_000_000, sampleSeconds: 12, sampleBlocks: 1, round: nil)
            let items = texts.prefix(count).enumerated().map { i, t in
                Deadlines.Item(
                    kind: .poll, id: addr(String(format: "%02x", i)), lip: nil, title: t, pending: false, deadlineBlock: 20 + i, endRound: nil, blocksLeft: 10 + i,
                    roundsLeft: nil, estimatedTime: 1_800_000_000 + i, account: nil)
            }
            let due = Deadlines(items: Array(items), clock: clock, account: nil, network: "mainnet", warnings: [])
            XCTAssertNil(rawControl(due.text), context)
            let ics = due.ics
            XCTAssertNil(rawControl(ics, allowCRLF: true), context)
            XCTAssertEqual(ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { $0.hasPrefix("SUMMARY:") }.count, count, context)

            // What reaches a terminal.
            XCTAssertNil(rawControl(VisibleText.forTerminal(texts.joined(separator: " ")), allowCRLF: true), context)
            XCTAssertNil(rawControl(String(decoding: VisibleText.forTerminal(Data(texts.joined().utf8)), as: UTF8.self), allowCRLF: true), context)
        }
    }
}
