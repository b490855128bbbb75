import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPDocuments

final class WorkflowTests: XCTestCase {
    let today = CalendarDate("2024-03-01")!

    /// A workspace with the given LIPs (number, status, extra preamble lines) and an index in step.
    func workspace(_ lips: [(Int, String, String)]) throws -> Workspace {
        let root = try temporaryDirectory(self)
        for (n, status, extra) in lips { try write(lipText(n, title: "LIP \(n)", status: status, extra: extra), "LIPs/LIP-\(n).md", in: root) }
        try write("# Test\n\n## Index\n\n", "README.md", in: root)
        let ws = Workspace(root: root)
        let plan = try IndexWriter.plan(workspace: ws)
        try write(plan.new, "README.md", in: root)
        return ws
    }

    func result(_ ws: Workspace, lip: Int, _ result: String, forLIP: Int? = nil) throws {
        try write(savedResultJSON(lip: forLIP ?? lip, result: result), "Polls/LIP-\(lip)/result.json", in: ws.root)
    }

    func advance(_ ws: Workspace, _ n: Int, _ to: LIPStatus, deadline: String? = nil, force: Bool = false, on day: CalendarDate? = nil) throws -> AdvancePlan {
        let plan = try Workflow(workspace: ws).plan(
            lip: n, to: to, options: AdvanceOptions(deadline: deadline.flatMap(CalendarDate.init), force: force, reason: force ? "test" : nil, today: day ?? today))
        try plan.apply(workspace: ws)
        return plan
    }

    func status(_ ws: Workspace, _ n: Int) throws -> LIPStatus? { try ws.document(lip: n).status }

    func assertRefused(_ body: @autoclosure () throws -> Any, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard let e = error as? LIPError, e.isRefusal else { return XCTFail("not a refusal: \(error)", file: file, line: line) }
            XCTAssertTrue(e.description.contains(text), "\(e.description) lacks \(text)", file: file, line: line)
        }
    }

    func assertClean(_ ws: Workspace, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(render(try Linter().lint(workspace: ws).findings), "", file: file, line: line)
    }

    func testDraftToLastCallSetsDeadline() throws {
        let ws = try workspace([(1, "Draft", "")])
        let before = try read("LIPs/LIP-1.md", in: ws.root)
        _ = try advance(ws, 1, .lastCall)
        let after = try read("LIPs/LIP-1.md", in: ws.root)
        XCTAssertEqual(
            after,
            before.replacingOccurrences(of: "status: Draft\n", with: "status: Last Call\n")
                .replacingOccurrences(of: "/test/1\n---", with: "/test/1\nlast-call-deadline: 2024-03-11\n---"))
        try assertClean(ws)
        let ws2 = try workspace([(1, "Draft", "")])
        _ = try advance(ws2, 1, .lastCall, deadline: "2024-04-01")
        XCTAssertEqual(try ws2.document(lip: 1).preamble?.value("last-call-deadline"), "2024-04-01")
        assertRefused(try self.advance(ws2, 1, .lastCall), contains: "cannot move from Last Call to Last Call")
    }

    func testDeadlineInThePastIsAGuard() throws {
        let ws = try workspace([(1, "Draft", "")])
        assertRefused(try self.advance(ws, 1, .lastCall, deadline: "2024-02-01"), contains: "not after today")
        _ = try advance(ws, 1, .lastCall, deadline: "2024-02-01", force: true)
        XCTAssertEqual(try status(ws, 1), .lastCall)
    }

    func testLastCallToProposedNeedsThePassedDeadline() throws {
        let ws = try workspace([(1, "Last Call", "last-call-deadline: 2024-03-01\n")])
        assertRefused(try self.advance(ws, 1, .proposed), contains: "has not passed")
        XCTAssertEqual(try status(ws, 1), .lastCall, "nothing changed")
        _ = try advance(ws, 1, .proposed, on: CalendarDate("2024-03-02"))
        XCTAssertEqual(try status(ws, 1), .proposed)
        XCTAssertEqual(try ws.document(lip: 1).preamble?.value("last-call-deadline"), "2024-03-01", "the deadline stays as a record")
        try assertClean(ws)
        let forced = try workspace([(1, "Last Call", "last-call-deadline: 2024-03-05\n")])
        let plan = try advance(forced, 1, .proposed, force: true)
        XCTAssertTrue(plan.summary.contains("forced past: the Last Call deadline 2024-03-05 has not passed"))
        XCTAssertTrue(plan.summary.contains("reason: test"))
    }

    func testBackToDraftRemovesDeadline() throws {
        let ws = try workspace([(1, "Draft", "")])
        let original = try read("LIPs/LIP-1.md", in: ws.root)
        let readme = try read("README.md", in: ws.root)
        _ = try advance(ws, 1, .lastCall)
        _ = try advance(ws, 1, .draft)
        XCTAssertEqual(try read("LIPs/LIP-1.md", in: ws.root), original, "byte for byte back")
        XCTAssertEqual(try read("README.md", in: ws.root), readme)
    }

    func testPollResultGuards() throws {
        let ws = try workspace([(1, "Proposed", "")])
        assertRefused(try self.advance(ws, 1, .accepted), contains: "LIP-1 has no poll yet: open it with `lip poll open 1`")
        try result(ws, lip: 1, "yes", forLIP: 2)
        assertRefused(try self.advance(ws, 1, .accepted), contains: "is the result of LIP-2")
        try result(ws, lip: 1, "quorum-not-met")
        assertRefused(try self.advance(ws, 1, .accepted), contains: "did not meet quorum")
        assertRefused(try self.advance(ws, 1, .rejected), contains: "did not meet quorum")
        try result(ws, lip: 1, "no")
        assertRefused(try self.advance(ws, 1, .accepted), contains: "says \"no\", not \"yes\"")
        _ = try advance(ws, 1, .rejected)
        XCTAssertEqual(try status(ws, 1), .rejected)
        try assertClean(ws)
        let ws2 = try workspace([(1, "Proposed", "")])
        try result(ws2, lip: 1, "yes")
        _ = try advance(ws2, 1, .accepted)
        _ = try advance(ws2, 1, .final)
        XCTAssertEqual(try status(ws2, 1), .final)
        try assertClean(ws2)
        let ws3 = try workspace([(1, "Proposed", "")])
        _ = try advance(ws3, 1, .accepted, force: true)
        XCTAssertEqual(try status(ws3, 1), .accepted)
        // A result.json is the tally JSON, read by the one decoder the tally also reads it with:
        // a file that only says `"result": "yes"` is no result.
        let ws4 = try workspace([(1, "Proposed", "")])
        try write("{\"lip\": 1, \"result\": \"yes\"}\n", "Polls/LIP-1/result.json", in: ws4.root)
        XCTAssertThrowsError(try advance(ws4, 1, .accepted)) { error in
            XCTAssertEqual("\(error)", "Polls/LIP-1/result.json: \"endBlock\" is missing")
        }
    }

    func testEveryRowOfTheTableAndEveryImpossibleMove() throws {
        for from in LIPStatus.allCases {
            for to in LIPStatus.allCases {
                let extra = from == .lastCall ? "last-call-deadline: 2024-01-01\n" : ""
                let ws = try workspace([(1, from.rawValue, extra)])
                try result(ws, lip: 1, to == .rejected ? "no" : "yes")
                let before = try read("LIPs/LIP-1.md", in: ws.root)
                if TransitionTable.guardOf(from: from, to: to) != nil {
                    _ = try advance(ws, 1, to)
                    XCTAssertEqual(try status(ws, 1), to, "\(from) -> \(to)")
                    try assertClean(ws)
                } else {
                    assertRefused(try self.advance(ws, 1, to, force: true), contains: "cannot move from \(from.rawValue) to \(to.rawValue)")
                    XCTAssertEqual(try read("LIPs/LIP-1.md", in: ws.root), before)
                }
            }
        }
        XCTAssertEqual(TransitionTable.moves.count, 9)
        XCTAssertEqual(TransitionTable.allowed(from: .final), [])
    }

    func testRefusalNamesAllowedMoves() throws {
        let ws = try workspace([(1, "Draft", "")])
        assertRefused(try self.advance(ws, 1, .final), contains: "allowed from Draft: Last Call, Abandoned")
    }

    func testBundleAccepted() throws {
        let ws = try workspace([(10, "Proposed", ""), (11, "Proposed", "part-of: 10\n"), (12, "Proposed", "part-of: 10\n")])
        assertRefused(try self.advance(ws, 11, .accepted), contains: "part of the LIP-10 bundle")
        try result(ws, lip: 10, "yes")
        let plan = try advance(ws, 10, .accepted)
        XCTAssertEqual(plan.moves.map(\.lip), [10, 11, 12])
        for n in [10, 11, 12] { XCTAssertEqual(try status(ws, n), .accepted) }
        XCTAssertEqual(try ws.readmeIndex()?.rows.map(\.status), ["Accepted", "Accepted", "Accepted"])
        try assertClean(ws)
        _ = try advance(ws, 10, .final)
        for n in [10, 11, 12] { XCTAssertEqual(try status(ws, n), .final) }
        try assertClean(ws)
    }

    func testBundleRejectedLeavesChildrenProposed() throws {
        let ws = try workspace([(10, "Proposed", ""), (11, "Proposed", "part-of: 10\n"), (12, "Proposed", "part-of: 10\n")])
        try result(ws, lip: 10, "no")
        let plan = try advance(ws, 10, .rejected)
        XCTAssertEqual(plan.moves.map(\.lip), [10])
        XCTAssertEqual(try status(ws, 10), .rejected)
        XCTAssertEqual(try status(ws, 11), .proposed)
        XCTAssertEqual(try status(ws, 12), .proposed)
        try assertClean(ws)
    }

    func testFailedWriteRollsBackEveryFile() throws {
        let ws = try workspace([(10, "Proposed", ""), (11, "Proposed", "part-of: 10\n"), (12, "Proposed", "part-of: 10\n")])
        try result(ws, lip: 10, "yes")
        let snapshot = try [10, 11, 12].map { try read("LIPs/LIP-\($0).md", in: ws.root) } + [read("README.md", in: ws.root)]
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: ws.readme.path)
        XCTAssertThrowsError(try advance(ws, 10, .accepted)) { error in
            XCTAssertTrue("\(error)".contains("README.md"), "\(error)")
        }
        let after = try [10, 11, 12].map { try read("LIPs/LIP-\($0).md", in: ws.root) } + [read("README.md", in: ws.root)]
        XCTAssertEqual(after, snapshot)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: ws.lipsDirectory.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testOnlyTheStatusLineAndIndexRowChange() throws {
        let ws = try workspace([(1, "Proposed", ""), (2, "Draft", "")])
        try result(ws, lip: 1, "yes")
        let plan = try Workflow(workspace: ws).plan(lip: 1, to: .accepted, options: AdvanceOptions(today: today))
        XCTAssertEqual(
            plan.diff,
            """
            --- a/LIPs/LIP-1.md
            +++ b/LIPs/LIP-1.md
            @@ -3,7 +3,7 @@
             title: LIP 1
             author: Test Author (@test)
             type: Meta
            -status: Proposed
            +status: Accepted
             created: 2024-01-15
             discussions-to: https://forum.livepeer.org/t/test/1
             ---
            --- a/README.md
            +++ b/README.md
            @@ -4,6 +4,6 @@
             
             | LIP                | Title | Status    |
             | ------------------ | ----- | --------- |
            -| [1](LIPs/LIP-1.md) | LIP 1 | Proposed  |
            +| [1](LIPs/LIP-1.md) | LIP 1 | Accepted  |
             | [2](LIPs/LIP-2.md) | LIP 2 | Draft     |
             

            """)
    }

    func testNextMovesSayWhatIsMissing() throws {
        let ws = try workspace([(1, "Proposed", "")])
        let moves = try Workflow(workspace: ws).nextMoves(lip: 1, options: AdvanceOptions(today: today))
        XCTAssertEqual(moves.map(\.status), [.accepted, .rejected, .abandoned])
        // In the order a champion goes: open the poll, record its address, sync it, save its result.
        XCTAssertEqual(
            moves[0].blocker,
            "LIP-1 has no poll yet: open it with `lip poll open 1` (it writes Polls/LIP-1/poll.yaml and prints the createPoll calldata); once the poll is created on chain, put its address in poll.yaml, sync it with `lip ledger sync poll 1`, and save its result with `lip poll tally 1 --save`"
        )
        try FileManager.default.createDirectory(at: ws.pollDirectory(lip: 1), withIntermediateDirectories: true)
        try "lip: 1\ncid: Qm\n".write(to: ws.pollDirectory(lip: 1).appendingPathComponent("poll.yaml"), atomically: true, encoding: .utf8)
        let opened = try Workflow(workspace: ws).nextMoves(lip: 1, options: AdvanceOptions(today: today))
        XCTAssertTrue(opened[0].blocker?.hasPrefix("the poll of LIP-1 is opened but has no address") ?? false, opened[0].blocker ?? "")
        try "lip: 1\ncid: Qm\naddress: \"0x0000000000000000000000000000000000000001\"\n".write(
            to: ws.pollDirectory(lip: 1).appendingPathComponent("poll.yaml"), atomically: true, encoding: .utf8)
        let addressed = try Workflow(workspace: ws).nextMoves(lip: 1, options: AdvanceOptions(today: today))
        XCTAssertTrue(addressed[0].blocker?.hasPrefix("Polls/LIP-1/result.json is missing: sync the poll") ?? false, addressed[0].blocker ?? "")
        XCTAssertNil(moves[2].blocker)
    }
}
