import BigInt
import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import LIPTestSupport
import XCTest
import LIPKit

final class PollCommandTests: XCTestCase {
    /// A copy of this repository's workspace (LIPs, README, Polls with the LIP-120 sample).

    func testSampleFlowIsReproducible() throws {
        let ws = try repositoryCopy(self)
        try importSample(ws)
        let tally = try lip(["poll", "tally", "120", "--stake", "l1+l2", "--format", "json"], in: ws)
        XCTAssertEqual(tally.code, 0, tally.stderr)
        assertGolden(tally.stdout, "sample-tally.json")
        assertGolden(try lip(["poll", "tally", "120", "--stake", "l1+l2"], in: ws).stdout, "sample-tally.txt")
        let forum = try lip(["poll", "export", "120", "--stake", "l1+l2", "--names", "Polls/LIP-120/names.csv"], in: ws)
        XCTAssertEqual(forum.code, 0, forum.stderr)
        assertGolden(forum.stdout, "sample-forum.md")
        assertGolden(try lip(["poll", "export", "120", "--stake", "l1+l2", "--format", "csv", "--names", "Polls/LIP-120/names.csv"], in: ws).stdout, "sample.csv")
        let svg = try lip(["poll", "export", "120", "--stake", "l1+l2", "--format", "svg"], in: ws).stdout
        assertGolden(svg, "sample.svg")
        try assertWellFormedXML(svg)
        let json = try lip(["poll", "export", "120", "--stake", "l1+l2", "--format", "json"], in: ws).stdout
        XCTAssertTrue(json.contains("\"lipMetadata\": {\n    \"number\": 120,\n    \"title\": \"Confluence Protocol Upgrade\""), json)

        // The poll's rules are in its poll.yaml: no flag is needed, and a flag that contradicts them is refused.
        XCTAssertEqual(try lip(["poll", "tally", "120", "--format", "json"], in: ws).stdout, tally.stdout)
        let contradicting = try lip(["poll", "tally", "120", "--stake", "l2"], in: ws)
        XCTAssertEqual(contradicting.code, 1)
        XCTAssertEqual(
            contradicting.stderr,
            "lip: refused: --stake l2 contradicts Polls/LIP-120/poll.yaml:5 (`stake: l1+l2`): a poll has one set of rules. Drop --stake, or edit that line (then tally again with --save)\n"
        )
        XCTAssertEqual(try lip(["poll", "export", "120", "--quorum-base", "active"], in: ws).code, 1)

        // The same poll by address; the same bytes twice; the same bytes after importing again.
        let byAddress = try lip(["poll", "tally", "0x38794D2d8e0EB28926A865B546bc68418Dcc0B05", "--stake", "l1+l2", "--format", "json"], in: ws)
        XCTAssertEqual(byAddress.stdout, tally.stdout)
        try importSample(ws)
        XCTAssertEqual(try lip(["poll", "tally", "120", "--stake", "l1+l2", "--format", "json"], in: ws).stdout, tally.stdout)

        // Without the address in poll.yaml, the PollCreated proposal (the CID) links the poll.
        let yaml = try read("Polls/LIP-120/poll.yaml", in: ws)
        try write(yaml.split(separator: "\n").filter { !$0.hasPrefix("address:") }.joined(separator: "\n") + "\n", "Polls/LIP-120/poll.yaml", in: ws)
        XCTAssertEqual(try lip(["poll", "tally", "120", "--stake", "l1+l2", "--format", "json"], in: ws).stdout, tally.stdout)

        // A ledger without a workspace, by address and --db.
        let elsewhere = try temporaryDirectory(self)
        let db = ws.appendingPathComponent(".lip/ledger.sqlite").path
        let noWorkspace = try lip(["poll", "tally", "0x38794D2d8e0EB28926A865B546bc68418Dcc0B05", "--stake", "l1+l2", "--format", "json", "--db", db], in: elsewhere)
        XCTAssertEqual(noWorkspace.code, 0, noWorkspace.stderr)
        XCTAssertTrue(noWorkspace.stdout.contains("\"result\": \"yes\""))
        // There, without a poll.yaml, the flags say the rules.
        let l2Only = try lip(["poll", "tally", "0x38794D2d8e0EB28926A865B546bc68418Dcc0B05", "--stake", "l2", "--format", "json", "--db", db], in: elsewhere).stdout
        XCTAssertTrue(l2Only.contains("\"stakeMode\": \"l2\""))
        XCTAssertTrue(l2Only.contains("unmigrated L1 stake counts only with --stake l1+l2"), l2Only)
    }

    /// The repository's own LIPs and polls agree, as `lip reconcile` checks: after the quick
    /// start's imports the committed result is what the ledger gives, and no status is behind.
    func testTheRepositorysOwnWorkspaceReconcilesAfterTheQuickStart() throws {
        let ws = try repositoryCopy(self, asCommitted: true)
        XCTAssertEqual(try lip(["reconcile"], in: ws).code, 0, "without a ledger nothing is compared")
        try importSample(ws)
        let reconcile = try lip(["reconcile", "--strict"], in: ws)
        XCTAssertEqual(reconcile.code, 0, reconcile.stdout + reconcile.stderr)
        let export = try lip(["poll", "export", "120", "--format", "json"], in: ws)
        XCTAssertEqual(export.code, 0, "the committed result.json is the ledger's, field by field: \(export.stderr)")
        XCTAssertEqual(try lip(["lint"], in: ws).code, 0)
    }

    func testSaveThenAdvanceTheBundle() throws {
        let ws = try repositoryCopy(self)
        try importSample(ws)
        XCTAssertEqual(try lip(["poll", "tally", "120", "--stake", "l1+l2", "--save"], in: ws).code, 0)
        let saved = try read("Polls/LIP-120/result.json", in: ws)
        XCTAssertEqual(saved, try lip(["poll", "tally", "120", "--stake", "l1+l2", "--format", "json"], in: ws).stdout)
        let advance = try lip(["advance", "120", "accepted"], in: ws)
        XCTAssertEqual(advance.code, 0, advance.stderr)
        XCTAssertEqual(
            advance.stdout,
            "LIP-120: Proposed -> Accepted (bundle: LIP-121, LIP-122, LIP-123)\n\n- LIP-121: Proposed -> Accepted with its bundle parent LIP-120\n- LIP-122: Proposed -> Accepted with its bundle parent LIP-120\n- LIP-123: Proposed -> Accepted with its bundle parent LIP-120\n"
        )
        let lint = try lip(["lint"], in: ws)
        XCTAssertEqual(lint.code, 0, lint.stdout)
    }

    func testOpenPollTakesTheCommittedTextAndWritesTheRules() throws {
        let ws = try repositoryCopy(self)
        try FileManager.default.removeItem(at: ws.appendingPathComponent("Polls/LIP-120/poll.yaml"))
        let outside = try lip(["poll", "open", "120"], in: ws)
        XCTAssertEqual(outside.code, 2)
        XCTAssertTrue(outside.stderr.contains("is not a git repository with a commit"), outside.stderr)
        let sha = try git(["init", "-q"], ["add", "-A"], ["commit", "-qm", "init"], in: ws)
        let committedText = try read("LIPs/LIP-120.md", in: ws)
        // The working copy changes after the commit: the proposal is still the committed text.
        try write(committedText + "\nAn edit nobody committed.\n", "LIPs/LIP-120.md", in: ws)
        let open = try lip(["poll", "open", "120"], in: ws)
        XCTAssertEqual(open.code, 0, open.stderr)
        XCTAssertEqual(open.stderr, "lip: note: LIPs/LIP-120.md in the working copy differs from commit \(sha.prefix(12)); the proposal is the committed text\n")
        let proposal = try Data(contentsOf: ws.appendingPathComponent("Polls/LIP-120/proposal.json"))
        XCTAssertEqual(String(decoding: proposal, as: UTF8.self), "{\"gitCommitHash\":\"\(sha)\",\"text\":" + JSONValue.quote(committedText) + "}")
        let cid = try IPFSCID.cidV0(Array(proposal))
        XCTAssertTrue(open.stdout.contains("cid \(cid)\n"), open.stdout)
        XCTAssertTrue(open.stdout.contains("rules: stake l2, quorum base bonded\n"), open.stdout)
        let calldataLine = try XCTUnwrap(open.stdout.split(separator: "\n").first { $0.hasPrefix("createPoll calldata ") })
        let calldata = try XCTUnwrap(Hex.decode(String(calldataLine.dropFirst(20))))
        XCTAssertEqual(Array(calldata.prefix(4)), Array(Keccak256.hash("createPoll(bytes)").prefix(4)))
        XCTAssertEqual(try ABI.bytes(Array(calldata.dropFirst(4)), 0), Array(cid.utf8))
        XCTAssertEqual(
            try read("Polls/LIP-120/poll.yaml", in: ws),
            "# The poll of LIP-120 and its rules. Written by `lip poll open`; add `address` once the poll is created.\nlip: 120\ncid: \(cid)\nchain: l2\nstake: l2            # l1 | l2 | l1+l2\nquorum-base: bonded  # bonded | active\n"
        )
        // JavaScript's own JSON.stringify, where node is installed.
        if let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            try write(committedText, "committed.md", in: ws)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: node)
            p.arguments = [
                "-e",
                "const fs=require('fs');const t=fs.readFileSync(process.argv[1],'utf8');process.stdout.write(JSON.stringify({gitCommitHash:process.argv[2],text:t}))",
                ws.appendingPathComponent("committed.md").path, sha,
            ]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let js = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            XCTAssertEqual(js, proposal)
        }
        // A named commit, short or long; rules given as flags are written.
        let named = try lip(["poll", "open", "120", "--commit", String(sha.prefix(10)), "--stake", "l1+l2"], in: ws)
        XCTAssertEqual(named.code, 0, named.stderr)
        XCTAssertTrue(try read("Polls/LIP-120/poll.yaml", in: ws).contains("stake: l1+l2 "))
        let unknown = try lip(["poll", "open", "120", "--commit", "0123456789abcdef0123456789abcdef01234567"], in: ws)
        XCTAssertEqual(unknown.code, 2)
        XCTAssertTrue(unknown.stderr.contains("is not a commit of the git repository"), unknown.stderr)

        let draft = try lip(["poll", "open", "124"], in: ws)
        XCTAssertEqual(draft.code, 1)
        XCTAssertTrue(draft.stderr.contains("not Proposed"), draft.stderr)
        XCTAssertEqual(try lip(["poll", "open", "124", "--sentiment"], in: ws).code, 0)
        let child = try lip(["poll", "open", "121"], in: ws)
        XCTAssertEqual(child.code, 1)
        XCTAssertTrue(child.stderr.contains("part of the LIP-120 bundle"), child.stderr)
    }

    func testTallyErrorsAreOneLine() throws {
        let ws = try repositoryCopy(self)
        let noLedger = try lip(["poll", "tally", "120"], in: ws)
        XCTAssertEqual(noLedger.code, 2)
        XCTAssertEqual(
            noLedger.stderr,
            "lip: error: \(ws.path)/.lip/ledger.sqlite: cannot read: no ledger there; `lip ledger import …` creates one (or name another with --db PATH)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.appendingPathComponent(".lip").path), "a tally creates no ledger")
        try write("account,delegate,stake\n", "empty.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "empty.csv", "--chain", "l1", "--block", "1"], in: ws).code, 0)
        let none = try lip(["poll", "tally", "120"], in: ws)
        XCTAssertEqual(none.code, 2)
        XCTAssertEqual(
            none.stderr,
            "lip: error: the poll of LIP-120 (proposal \(try PollFileText.cid(ws))) is not in the ledger: import its PollCreated log with `lip ledger import logs FILE --chain l2`\n"
        )
        XCTAssertEqual(try lip(["ledger", "import", "logs", "Polls/LIP-120/l2-logs.json", "--chain", "l2"], in: ws).code, 0)
        let noSnapshot = try lip(["poll", "tally", "120", "--stake", "l1+l2"], in: ws)
        XCTAssertEqual(noSnapshot.code, 2)
        XCTAssertEqual(
            noSnapshot.stderr,
            "lip: error: the poll ends at L1 block 14265000 and the ledger has no L2 snapshot whose L1 block is at or before 14265000: import one with `lip ledger import snapshot FILE --chain l2 --block N --l1-block 14265000`\n"
        )
        let active = try lip(["poll", "tally", "120", "--quorum-base", "active"], in: ws)
        XCTAssertEqual(active.code, 1)
        XCTAssertTrue(active.stderr.hasPrefix("lip: refused: --quorum-base active contradicts Polls/LIP-120/poll.yaml:6 (`quorum-base: bonded`)"), active.stderr)
        let unknown = try lip(["poll", "tally", "0x1234567890123456789012345678901234567890"], in: ws)
        XCTAssertEqual(unknown.code, 2)
        XCTAssertEqual(
            unknown.stderr,
            "lip: error: no poll 0x1234567890123456789012345678901234567890 in the ledger: import its PollCreated log with `lip ledger import logs FILE --chain l2`\n")
        let noLIP = try lip(["poll", "tally", "77"], in: ws)
        XCTAssertEqual(noLIP.code, 2)
        XCTAssertTrue(noLIP.stderr.contains("run `lip poll open 77`"))
    }

    /// A workspace with a hostile title and names, and a ledger built from CSVs, for export goldens.
    func hostileWorkspace(participation: Int) throws -> URL {
        let ws = try initWorkspace(self)
        try write(
            "---\nlip: 7\ntitle: Pipes | <script>alert(1)</script> [click](http://evil.example) *bold*\nauthor: Mallory (@mallory)\ntype: Meta\nstatus: Proposed\ncreated: 2024-01-01\ndiscussions-to: https://forum.livepeer.org/t/7\n---\n\n## Abstract\n\nHostile.\n",
            "LIPs/LIP-7.md", in: ws)
        XCTAssertEqual(try lip(["index"], in: ws).code, 0)
        let poll = "0x" + String(repeating: "77", count: 20)
        try write("lip: 7\ncid: QmHostile\nchain: l1\naddress: \"\(poll)\"\nendBlock: 500\nquorum: 333300\nquota: 500000\n", "Polls/LIP-7/poll.yaml", in: ws)
        let o = "0x" + String(repeating: "0a", count: 20), d = "0x" + String(repeating: "0d", count: 20), e = "0x" + String(repeating: "0e", count: 20)
        try write("account,delegate,stake\n\(o),\(o),\(lpt(100))\n\(d),\(o),\(lpt(40))\n\(e),,\(lpt(860))\n", "l1.csv", in: ws)
        var votes = "voter,choice,block,log_index\n\(d),1,450,0\n"
        if participation > 0 { votes += "\(o),0,451,0\n\(e),0,452,0\n" }
        try write(votes, "votes.csv", in: ws)
        try write("address,name\n\(o),\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\") | <b>[Orch](x)</b>\"\n\(d),@SUM(1+1)\n\(e),\"-2+3 \"\"quoted, comma\"\"\"\n", "names.csv", in: ws)
        for args in [["snapshot", "l1.csv", "--chain", "l1", "--block", "500"], ["votes", "votes.csv", "--poll", poll]] {
            XCTAssertEqual(try lip(["ledger", "import"] + args, in: ws).code, 0)
        }
        return ws
    }

    func lpt(_ n: Int) -> String { String(BigUInt(n) * BigUInt(10).power(18)) }

    func testExportsOfAFailedQuorumAndHostileNames() throws {
        let failed = try hostileWorkspace(participation: 0)
        assertGolden(try lip(["poll", "export", "7", "--names", "names.csv"], in: failed).stdout, "quorum-not-met-forum.md")
        let svg = try lip(["poll", "export", "7", "--format", "svg"], in: failed).stdout
        assertGolden(svg, "quorum-not-met.svg")
        try assertWellFormedXML(svg)

        let hostile = try hostileWorkspace(participation: 1)
        let forum = try lip(["poll", "export", "7", "--names", "names.csv"], in: hostile).stdout
        assertGolden(forum, "hostile-forum.md")
        XCTAssertFalse(forum.contains("<script>"))
        XCTAssertFalse(forum.contains("<b>"))
        XCTAssertFalse(forum.contains("[click](http://evil.example)"))
        let csv = try lip(["poll", "export", "7", "--format", "csv", "--names", "names.csv"], in: hostile).stdout
        assertGolden(csv, "hostile.csv")
        for line in csv.split(separator: "\r\n").dropFirst() {
            let name = line.split(separator: ",")[1]
            XCTAssertFalse(["=", "+", "-", "@"].contains(name.first.map(String.init) ?? ""), "an inert name cell: \(line)")
            XCTAssertFalse(name.hasPrefix("\"=") || name.hasPrefix("\"@") || name.hasPrefix("\"-"), "an inert quoted cell: \(line)")
        }
        let svg2 = try lip(["poll", "export", "7", "--format", "svg", "-o", "chart.svg"], in: hostile)
        XCTAssertEqual(svg2.code, 0)
        try assertWellFormedXML(try read("chart.svg", in: hostile))
        XCTAssertTrue(try read("chart.svg", in: hostile).contains("&lt;script&gt;"))
    }

    func assertWellFormedXML(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let parser = XMLParser(data: Data(text.utf8))
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")", file: file, line: line)
    }
}

enum PollFileText {
    static func cid(_ ws: URL) throws -> String {
        let yaml = try read("Polls/LIP-120/poll.yaml", in: ws)
        return String(yaml.split(separator: "\n").first { $0.hasPrefix("cid: ") }!.dropFirst(5))
    }
}

final class SampleDataTests: XCTestCase {
    /// The shipped Polls/LIP-120 is exactly what `lip-dev sample` writes.
    func testShippedSampleIsWhatTheGeneratorWrites() throws {
        // The LIPs as they were when the poll was opened (LIP-120 Proposed), without the poll data.
        let dir = try repositoryCopy(self)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("Polls"))
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("lip-dev")
        process.arguments = ["sample", dir.path]
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for file in ["l1-snapshot.json", "l2-snapshot.csv", "l2-logs.json", "names.csv", "proposal.json", "poll.yaml"] {
            XCTAssertEqual(
                try Data(contentsOf: dir.appendingPathComponent("Polls/LIP-120/\(file)")),
                try Data(contentsOf: repositoryFixture.appendingPathComponent("Polls/LIP-120/\(file)")), file)
        }
    }
}
