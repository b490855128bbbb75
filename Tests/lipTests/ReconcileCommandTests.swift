import BigInt
import Foundation
import LIPTestSupport
import XCTest

/// `lip reconcile` on a workspace built like the real LIPs repository (the real-like fixture of
/// the lint tests: quirky preambles, a drifted index, bundles), with polls imported into its ledger.
/// One L1 snapshot: orchestrators A and B with 1,000 LPT each, C 990, D 10 (3,000 in all; quorum
/// 33.33%). Polls: yes (A and B vote yes), no (A and B vote no), quorum-not-met (D votes yes).
final class ReconcileCommandTests: XCTestCase {
    let a = "0x" + String(repeating: "0a", count: 20), b = "0x" + String(repeating: "0b", count: 20)
    let c = "0x" + String(repeating: "0c", count: 20), d = "0x" + String(repeating: "0d", count: 20)

    func lpt(_ n: Int) -> String { String(BigUInt(n) * BigUInt(10).power(18)) }

    func pollAddress(_ lip: Int) -> String { String(format: "0x%040d", lip) }

    /// LIP `n` with `status` (a new file, or the fixture's file with its status replaced).
    func setStatus(_ n: Int, _ status: String, in ws: URL, extra: String = "") throws {
        let path = "LIPs/LIP-\(n).md"
        if FileManager.default.fileExists(atPath: ws.appendingPathComponent(path).path) {
            let text = try read(path, in: ws)
            let replaced = text.replacingOccurrences(of: #"(?m)^status: .*$"#, with: "status: \(status)", options: .regularExpression)
            try write(replaced, path, in: ws)
        } else {
            try write(
                "---\nlip: \(n)\ntitle: Planted \(n)\nauthor: A (@a)\ntype: Standard Track\nstatus: \(status)\ncreated: 2021-01-01\ndiscussions-to: https://forum.livepeer.org/t/\(n)\n\(extra)---\n\n## Abstract\n\nText.\n",
                path, in: ws)
        }
    }

    /// A poll for LIP `n` whose voters are `votes` (account, choice).
    func poll(_ n: Int, chain: String = "l1", votes: [(String, Int)], in ws: URL) throws {
        try write(
            "lip: \(n)\ncid: QmPlanted\(n)\nchain: \(chain)\nstake: \(chain)\nquorum-base: bonded\naddress: \"\(pollAddress(n))\"\nendBlock: 500\nquorum: 333300\nquota: 500000\n",
            "Polls/LIP-\(n)/poll.yaml", in: ws)
        guard !votes.isEmpty else { return }
        try write("voter,choice,block,log_index\n" + votes.enumerated().map { "\($1.0),\($1.1),\(450 + $0),0\n" }.joined(), "votes-\(n).csv", in: ws)
        let r = try lip(["ledger", "import", "votes", "votes-\(n).csv", "--poll", pollAddress(n)], in: ws)
        XCTAssertEqual(r.code, 0, r.stderr)
    }

    /// The real-like workspace with the planted mismatches.
    func plantedWorkspace(bundleChildBehind: Bool = false) throws -> URL {
        let ws = try temporaryDirectory(self).appendingPathComponent("LIPs-repo")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/LIPDocumentsTests/Fixtures/workspaces/real-like"), to: ws)
        try write("account,delegate,stake\n\(a),\(a),\(lpt(1000))\n\(b),\(b),\(lpt(1000))\n\(c),\(c),\(lpt(990))\n\(d),\(d),\(lpt(10))\n", "l1.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "l1.csv", "--chain", "l1", "--block", "500"], in: ws).code, 0)
        let yes = [(a, 0), (b, 0)], no = [(a, 1), (b, 1)], tooFew = [(d, 0)]
        try poll(40, votes: yes, in: ws)  // LIP-40 Proposed, poll yes: behind
        try poll(35, votes: no, in: ws)  // LIP-35 Final, poll no: contradicts
        try poll(19, votes: tooFew, in: ws)  // LIP-19 Final, quorum not met: contradicts
        try setStatus(42, "Proposed", in: ws)
        try poll(42, votes: tooFew, in: ws)  // Proposed and quorum not met: in step
        try setStatus(43, "Rejected", in: ws)
        try poll(43, votes: yes, in: ws)  // Rejected while yes: contradicts
        try setStatus(45, "Proposed", in: ws)
        try poll(45, chain: "l2", votes: [], in: ws)  // no L2 stake in the ledger: noted, not compared
        // LIP-44 was accepted before polls existed, by a forced move: recorded, so no finding.
        try setStatus(44, "Proposed", in: ws)
        let forced = try lip(["advance", "44", "accepted", "--force", "--reason", "decided by the editors before stake polls"], in: ws)
        XCTAssertEqual(forced.code, 0, forced.stderr)
        XCTAssertTrue(try read("Polls/LIP-44/forced.yaml", in: ws).contains("reason: \"decided by the editors before stake polls\""))
        if bundleChildBehind {
            try setStatus(47, "Proposed", in: ws, extra: "part-of: 1\n")
            try poll(47, votes: yes, in: ws)
        }
        // LIP-3 and LIP-91 are Final with no poll: no-poll. LIP-16 and LIP-34 are parts of bundles.
        return ws
    }

    func testReportsExactlyThePlantedMismatches() throws {
        let ws = try plantedWorkspace()
        let r = try lip(["reconcile"], in: ws)
        XCTAssertEqual(r.code, 1, r.stderr)
        assertGolden(r.stdout, "reconcile.txt")
        XCTAssertEqual(
            r.stdout.split(separator: "\n").filter { !$0.hasPrefix("  =") }.map {
                String($0.split(separator: ":")[0]) + " " + String($0.split(separator: "[")[1].split(separator: "]")[0])
            },
            [
                "LIPs/LIP-3.md reconcile-no-poll", "LIPs/LIP-19.md reconcile-status-contradicts", "LIPs/LIP-35.md reconcile-status-contradicts",
                "LIPs/LIP-40.md reconcile-status-behind", "LIPs/LIP-43.md reconcile-status-contradicts", "LIPs/LIP-91.md reconcile-no-poll",
            ])
        XCTAssertTrue(r.stderr.contains("lip: note: LIP-45: poll 0x0000000000000000000000000000000000000045 not compared"), r.stderr)
        let json = try lip(["reconcile", "--format", "json"], in: ws)
        XCTAssertEqual(json.code, 1)
        let findings = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(findings.count, 6)
        let github = try lip(["reconcile", "--format", "github"], in: ws)
        XCTAssertTrue(github.stdout.contains("::error file=LIPs/LIP-40.md,line=6,title=reconcile-status-behind::LIP-40 is Proposed but the poll"), github.stdout)
        XCTAssertTrue(github.stdout.contains("::warning file=LIPs/LIP-91.md"), github.stdout)
    }

    func testFixSavesTheResultAndMovesWhatThePollSupports() throws {
        let ws = try plantedWorkspace()
        let readmeBefore = try read("README.md", in: ws)
        let r = try lip(["reconcile", "--fix"], in: ws)
        // Contradictions remain: exit 1, after the fix.
        XCTAssertEqual(r.code, 1, r.stderr)
        assertGolden(r.stdout, "reconcile-fix.md")
        XCTAssertTrue(try read("LIPs/LIP-40.md", in: ws).contains("status: Accepted\n"))
        let result = try read("Polls/LIP-40/result.json", in: ws)
        XCTAssertTrue(result.contains("\"result\": \"yes\""), result)
        XCTAssertEqual(result, try lip(["poll", "tally", "40", "--format", "json"], in: ws).stdout)
        let readme = try read("README.md", in: ws)
        XCTAssertNotEqual(readme, readmeBefore)
        XCTAssertTrue(readme.contains("| [40](LIPs/LIP-40.md) | Math Precision                     | Accepted  |"), readme)
        // Nothing else moved; the contradictions are for the editors.
        XCTAssertTrue(try read("LIPs/LIP-35.md", in: ws).contains("status: Final\n"))
        let again = try lip(["reconcile"], in: ws)
        XCTAssertFalse(again.stdout.contains("reconcile-status-behind"), again.stdout)
        XCTAssertEqual(again.stdout.components(separatedBy: "\n").filter { $0.contains("[reconcile-") }.count, 5)
        // The saved result satisfies `lip advance`'s guards: Accepted -> Final goes on as usual.
        XCTAssertEqual(try lip(["advance", "40", "final"], in: ws).code, 0)
    }

    func testNoPollIsAWarningThatStrictMakesAnError() throws {
        let ws = try initWorkspace(self)
        try setStatus(7, "Final", in: ws)
        let plain = try lip(["reconcile"], in: ws)
        XCTAssertEqual(plain.code, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.contains("warning[reconcile-no-poll]: LIP-7 is Final"), plain.stdout)
        let strict = try lip(["reconcile", "--strict"], in: ws)
        XCTAssertEqual(strict.code, 1)
        XCTAssertTrue(strict.stdout.contains("error[reconcile-no-poll]"), strict.stdout)
    }

    func testFixIsAllOrNothingAndNeverForcesAGuard() throws {
        let ws = try plantedWorkspace(bundleChildBehind: true)
        let before = try read("LIPs/LIP-40.md", in: ws)
        let r = try lip(["reconcile", "--fix"], in: ws)
        XCTAssertEqual(r.code, 1)
        XCTAssertTrue(r.stderr.contains("LIP-47 is part of the LIP-1 bundle"), r.stderr)
        XCTAssertEqual(try read("LIPs/LIP-40.md", in: ws), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.appendingPathComponent("Polls/LIP-40/result.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.appendingPathComponent("Polls/LIP-47/result.json").path))
    }
}
