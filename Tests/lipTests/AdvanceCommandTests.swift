import LIPTestSupport
import XCTest

final class AdvanceCommandTests: XCTestCase {
    func assertClean(_ ws: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let lint = try lip(["lint"], in: ws)
        XCTAssertEqual(lint.code, 0, lint.stdout, file: file, line: line)
        XCTAssertEqual(lint.stdout, "", file: file, line: line)
        XCTAssertEqual(try lip(["index", "--check"], in: ws).code, 0, file: file, line: line)
    }

    /// A whole life, as a user runs it in a fresh workspace, with lint clean at every step.
    func testFullLife() throws {
        let ws = try initWorkspace(self)
        XCTAssertEqual(
            try lip(["new", "--title", "Round Length", "--author", "Ann (@ann)", "--type", "parameter", "--discussions-to", "https://forum.livepeer.org/t/round/9"], in: ws).code, 0
        )
        try assertClean(ws)
        XCTAssertEqual(try lip(["assign", "round-length"], in: ws).code, 0)
        try assertClean(ws)
        let dry = try lip(["advance", "1", "last-call", "--dry-run"], in: ws)
        XCTAssertEqual(dry.code, 0)
        assertGolden(dry.stdout, "advance-dry-run.diff")
        XCTAssertTrue(try read("LIPs/LIP-1.md", in: ws).contains("status: Draft\n"), "dry run writes nothing")
        let lastCall = try lip(["advance", "1", "last-call"], in: ws)
        XCTAssertEqual(lastCall.stdout, "LIP-1: Draft -> Last Call\n")
        try assertClean(ws)
        let early = try lip(["advance", "1", "Proposed"], in: ws)
        XCTAssertEqual(early.code, 1)
        XCTAssertEqual(
            early.stderr,
            "lip: refused: LIP-1 cannot move to Proposed: the Last Call deadline 2024-03-11 has not passed (today is 2024-03-01)\nallowed from Last Call: Proposed, Draft, Abandoned (--force --reason TEXT overrides a guard)\n"
        )
        XCTAssertEqual(try lip(["advance", "1", "proposed"], in: ws, environment: ["LIP_TODAY": "2024-03-12"]).code, 0)
        try assertClean(ws)
        XCTAssertEqual(try lip(["advance", "1", "accepted"], in: ws).code, 1, "no result yet")
        try write(savedResultJSON(lip: 1, result: "yes"), "Polls/LIP-1/result.json", in: ws)
        // The ledger named by --db or $LIP_LEDGER is the evidence, as for every command: one that
        // does not tally LIP-1 refuses the move (never the committed file taken as it is).
        try write("account,delegate,stake\n0x\(String(repeating: "0a", count: 20)),,1\n", "s.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "s.csv", "--chain", "l2", "--block", "1", "--l1-block", "1", "--db", "other.sqlite"], in: ws).code, 0)
        for (arguments, environment) in [(["--db", "other.sqlite"], [String: String]()), ([], ["LIP_LEDGER": "other.sqlite"])] {
            let checked = try lip(["advance", "1", "accepted"] + arguments, in: ws, environment: environment)
            XCTAssertEqual(checked.code, 1, checked.stderr)
            XCTAssertTrue(checked.stderr.contains("Polls/LIP-1/result.json cannot be checked: the ledger other.sqlite does not tally LIP-1"), checked.stderr)
        }
        XCTAssertEqual(try lip(["advance", "1", "ACCEPTED"], in: ws).code, 0)
        try assertClean(ws)
        XCTAssertEqual(try lip(["advance", "1", "final"], in: ws).code, 0)
        try assertClean(ws)
        assertGolden(try read("LIPs/LIP-1.md", in: ws), "full-life-LIP-1.md")
        assertGolden(try read("README.md", in: ws), "full-life-README.md")
        let impossible = try lip(["advance", "1", "draft", "--force", "--reason", "try"], in: ws)
        XCTAssertEqual(impossible.code, 1)
        XCTAssertTrue(impossible.stderr.contains("allowed from Final: none"), impossible.stderr)
    }

    func testForceNeedsReasonAndPrintsIt() throws {
        let ws = try initWorkspace(self)
        XCTAssertEqual(try lip(["new", "--title", "Quick", "--author", "A (@a)", "--type", "meta", "--discussions-to", "https://x.org/1"], in: ws).code, 0)
        XCTAssertEqual(try lip(["assign", "quick"], in: ws).code, 0)
        XCTAssertEqual(try lip(["advance", "1", "last-call"], in: ws).code, 0)
        XCTAssertEqual(try lip(["advance", "1", "proposed", "--force"], in: ws).code, 2)
        let forced = try lip(["advance", "1", "proposed", "--force", "--reason", "editors agreed"], in: ws)
        XCTAssertEqual(forced.code, 0, forced.stderr)
        XCTAssertTrue(forced.stderr.contains("reason: editors agreed"), forced.stderr)
        XCTAssertEqual(
            forced.stdout, "LIP-1: Last Call -> Proposed\n\n- forced past: the Last Call deadline 2024-03-11 has not passed (today is 2024-03-01)\n- reason: editors agreed\n")
        XCTAssertEqual(try lip(["advance", "1", "sideways"], in: ws).code, 2)
        XCTAssertEqual(try lip(["advance", "1", "abandoned", "--deadline", "2024-05-01"], in: ws).code, 2, "--deadline only with last-call")
    }

    func testReadOnlyTargetRollsBack() throws {
        let ws = try initWorkspace(self)
        XCTAssertEqual(try lip(["new", "--title", "Quick", "--author", "A (@a)", "--type", "meta", "--discussions-to", "https://x.org/1"], in: ws).code, 0)
        XCTAssertEqual(try lip(["assign", "quick"], in: ws).code, 0)
        let lipBefore = try read("LIPs/LIP-1.md", in: ws)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: ws.appendingPathComponent("README.md").path)
        let r = try lip(["advance", "1", "last-call"], in: ws)
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("README.md: write failed, nothing was changed: the file is read-only"), r.stderr)
        XCTAssertEqual(try read("LIPs/LIP-1.md", in: ws), lipBefore)
    }
}
