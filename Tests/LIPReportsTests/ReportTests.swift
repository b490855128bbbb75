import BigInt
import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPDocuments
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTally
@testable import LIPReports

final class ReportTests: XCTestCase {
    func testLongVoterListsFoldIntoDetails() {
        let long = PollReport(result: sampleResult(voters: 11, lip: 5)).forumPost
        XCTAssertTrue(long.contains("[details=\"All 11 voters\"]\n\n| Voter |"))
        XCTAssertTrue(long.contains("\n[/details]\n"))
        let short = PollReport(result: sampleResult(voters: 10, lip: 5)).forumPost
        XCTAssertFalse(short.contains("[details"))
        XCTAssertTrue(short.contains("**Voters (10)**"))
    }

    func testEscaping() {
        XCTAssertEqual(Escaping.markdown("a|b <i>[x](y)</i> *z*"), "a\\|b &lt;i&gt;\\[x\\](y)&lt;/i&gt; \\*z\\*")
        XCTAssertEqual(Escaping.markdown("@team :smile:"), "@\u{200B}team :\u{200B}smile:\u{200B}")
        XCTAssertEqual(Escaping.csv("=1+2"), "'=1+2")
        XCTAssertEqual(Escaping.csv("+1"), "'+1")
        XCTAssertEqual(Escaping.csv("-1"), "'-1")
        XCTAssertEqual(Escaping.csv("@A1"), "'@A1")
        XCTAssertEqual(Escaping.csv("\tcmd"), "'\tcmd")
        XCTAssertEqual(Escaping.csv("a,b"), "\"a,b\"")
        XCTAssertEqual(Escaping.csv("=a,\"b\""), "\"'=a,\"\"b\"\"\"")
        XCTAssertEqual(Escaping.csv("plain"), "plain")
        XCTAssertEqual(Escaping.xml("<a href=\"x\">&'\u{01}"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\\u{1}")
    }

    /// Every kind of line break, held by Swift as one Character or not, is neutralised by Unicode
    /// scalar: none ends a table row, starts a heading, opens [details] or starts a CSV row.
    func testLineBreaksOfEveryKindAreNeutralised() {
        for brk in ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}"] {
            let text = "a\(brk)## Heading\(brk)[details=\"x\"]\(brk)| forged | row |"
            let md = Escaping.markdown(text)
            XCTAssertFalse(md.unicodeScalars.contains(where: VisibleText.isLineBreak), "markdown keeps a break \(brk.unicodeScalars.map(\.value))")
            XCTAssertTrue(md.contains("\\[details") && !md.contains("\n"), md)
            let cell = Escaping.csv(text)
            XCTAssertFalse(cell.unicodeScalars.contains(where: VisibleText.isLineBreak), "csv keeps a break \(brk.unicodeScalars.map(\.value))")
        }
        XCTAssertEqual(Escaping.markdown("a\r\nb"), "a b", "\\r\\n is one break")
        // The formula guard applies to the cell as written: a break before `=` becomes a space, still guarded.
        XCTAssertEqual(Escaping.csv("\r\n=cmd"), "' =cmd")
        XCTAssertEqual(Escaping.csv("\u{2028}@SUM(A1)"), "' @SUM(A1)")
        XCTAssertEqual(Escaping.csv("\u{1b}[31mred"), "\\u{1b}[31mred")
        XCTAssertEqual(Escaping.markdown("\u{1b}]8;;x\u{07}"), "\\\\u{1b}\\]8;;x\\\\u{7}")
    }

    func testCSVAndJSONShapes() throws {
        let r = sampleResult(voters: 3, lip: 5)
        let report = PollReport(result: r, lipTitle: "T", lipStatus: "Proposed", lipFile: "LIPs/LIP-5.md", names: [Address(String(format: "0x%040x", 3))!: "Three"])
        XCTAssertEqual(
            report.csv,
            """
            address,name,choice,weight_wei,weight_lpt,share_of_vote,orchestrator,domains\r
            0x0000000000000000000000000000000000000003,Three,yes,3000000000000000000,3,50.000000,false,l2\r
            0x0000000000000000000000000000000000000002,,yes,2000000000000000000,2,33.333333,false,l2\r
            0x0000000000000000000000000000000000000001,,no,1000000000000000000,1,16.666666,false,l2\r

            """)
        let json = report.json.serialized(pretty: false)
        XCTAssertTrue(json.hasSuffix(#""lipMetadata":{"number":5,"title":"T","status":"Proposed","file":"LIPs/LIP-5.md"}}"#), json)
    }

    func testTextChartBarsMatchTheNumbers() {
        var rng = SeededGenerator(seed: 14)
        for _ in 0..<200 {
            let whole = BigUInt(UInt64.random(in: 1...1_000_000_000_000, using: &rng))
            let part = BigUInt(UInt64.random(in: 0...UInt64(whole), using: &rng))
            let ppm = BigUInt(UInt64.random(in: 0...1_000_000, using: &rng))
            let bar = Array(TextChart.bar(part, of: whole, thresholdPPM: ppm))
            // Invariants only: the figures themselves are checked by hand below.
            XCTAssertEqual(bar.count, TextChart.width + 1)
            XCTAssertEqual(bar.filter { $0 == "█" }.count + bar.filter { $0 == "░" }.count, 40)
            XCTAssertEqual(bar.filter { $0 == "│" }.count, 1)
        }
        // Hand-computed: 1/3 fills floor(40/3) = 13 cells, 50% marks before cell 20; 2/3 fills 26,
        // 33.33% marks before cell floor(13.332) = 13; all of it fills 40 with the mark last.
        XCTAssertEqual(
            TextChart.bar(1, of: 3, thresholdPPM: 500_000), String(repeating: "█", count: 13) + String(repeating: "░", count: 7) + "│" + String(repeating: "░", count: 20))
        XCTAssertEqual(
            TextChart.bar(2, of: 3, thresholdPPM: 333_300), String(repeating: "█", count: 13) + "│" + String(repeating: "█", count: 13) + String(repeating: "░", count: 14))
        XCTAssertEqual(TextChart.bar(3, of: 3, thresholdPPM: 1_000_000), String(repeating: "█", count: 40) + "│")
        XCTAssertEqual(TextChart.bar(0, of: 0, thresholdPPM: 500_000), String(repeating: "░", count: 20) + "│" + String(repeating: "░", count: 20))
    }

    func testPathsInReproduceCommandsAreShellQuoted() {
        let record = ImportRecord(kind: .snapshot, file: "my snapshots/it's.csv", sha256: "00", chain: .l1, block: 1)
        XCTAssertEqual(ReproduceCommand(record).line, "lip ledger import snapshot 'my snapshots/it'\\''s.csv' --chain l1 --block 1")
        XCTAssertEqual(ShellWord.quote("Polls/LIP-120/l2-logs.json"), "Polls/LIP-120/l2-logs.json")
        XCTAssertEqual(ShellWord.quote("$(rm -rf x)"), "'$(rm -rf x)'")
        XCTAssertEqual(ShellWord.quote(""), "''")
    }
}
