import Foundation
import LIPTestSupport
import XCTest

/// `lip poll weight` and `lip poll vote` on a ledger built from files: goldens of every format,
/// and the refusals.
final class VotingCommandTests: XCTestCase {
    let o = "0x" + String(repeating: "0a", count: 20), d1 = "0x" + String(repeating: "0b", count: 20), d2 = "0x" + String(repeating: "0c", count: 20)
    let poll = "0x" + String(repeating: "77", count: 20)

    func lpt(_ n: Int) -> String { "\(n)000000000000000000" }

    /// LIP-7's poll (L1, ending at block 500) with stake at block 400: O an orchestrator with
    /// 1,000 of its own and D1 (300) and D2 (100) delegated; D1 has voted no.
    func workspace() throws -> URL {
        let ws = try temporaryDirectory(self)
        try write(
            "---\nlip: 7\ntitle: Voters\nauthor: A (@a)\ntype: Standard Track\nstatus: Proposed\ncreated: 2026-12-01\ndiscussions-to: https://forum.livepeer.org/t/7\n---\n\n## Abstract\n\nText.\n",
            "LIPs/LIP-7.md", in: ws)
        try write(
            "lip: 7\ncid: QmVoters\nchain: l1\nstake: l1\nquorum-base: bonded\naddress: \"\(poll)\"\nendBlock: 500\nquorum: 333300\nquota: 500000\n", "Polls/LIP-7/poll.yaml",
            in: ws)
        try write(
            "account,delegate,stake,delegated_stake,status,active\n\(o),\(o),\(lpt(1000)),\(lpt(1400)),registered,true\n\(d1),\(o),\(lpt(300)),0,not registered,false\n\(d2),\(o),\(lpt(100)),0,not registered,false\n",
            "s.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "s.csv", "--chain", "l1", "--block", "400"], in: ws).code, 0)
        try write("voter,choice,block,log_index\n\(d1),1,420,0\n", "v.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "votes", "v.csv", "--poll", poll], in: ws).code, 0)
        // Created by mainnet's L1 PollCreator: a poll of the ledger's network.
        try writePollCreated(by: "0xBf824EDb6b94D9B52d972d5B25bCc19b4e6E3F3C", in: ws, file: "created.json")
        XCTAssertEqual(try lip(["ledger", "import", "logs", "created.json", "--chain", "l1"], in: ws).code, 0)
        return ws
    }

    /// The PollCreated of LIP-7's poll, emitted by `creator`.
    func writePollCreated(by creator: String, in ws: URL, file: String) throws {
        var maker = LogMaker()
        let log = maker.pollCreated(poll: poll, proposal: "QmVoters", endBlock: 500, creator: creator)
        try write(String(decoding: try JSONSerialization.data(withJSONObject: [log], options: [.sortedKeys]), as: UTF8.self), file, in: ws)
    }

    func testWeightAndVoteInEveryFormat() throws {
        let ws = try workspace()
        let orchestrator = try lip(["poll", "weight", "7", o], in: ws)
        XCTAssertEqual(orchestrator.code, 0, orchestrator.stderr)
        assertGolden(orchestrator.stdout, "poll-weight.txt")
        assertGolden(try lip(["poll", "weight", "7", o, "--format", "json"], in: ws).stdout, "poll-weight.json")
        assertGolden(try lip(["poll", "weight", "7", d2], in: ws).stdout, "poll-weight-delegator.txt")
        assertGolden(try lip(["poll", "vote", "7", "yes", "--from", o], in: ws).stdout, "poll-vote.txt")
        assertGolden(try lip(["poll", "vote", "7", "no", "--format", "json"], in: ws).stdout, "poll-vote.json")
        assertGolden(try lip(["poll", "vote", "7", "yes", "--format", "safe"], in: ws).stdout, "poll-vote-safe.json")
        // The orchestrator: 1,400 delegated less D1's 300.
        XCTAssertTrue(orchestrator.stdout.contains("weight: 1,100 LPT if it votes now"), orchestrator.stdout)
    }

    /// The tally's rows are read straight from SQLite's buffers; a row edited into another form is
    /// read again by the records' decoders, which name it, or read alike when it still means the
    /// same (a flag stored as 1.0), with every voter counted once.
    func testEditedRowsAreNamedOrReadAlike() throws {
        let ws = try workspace()
        try write("voter,choice,block,log_index\n\(o),0,421,0\n", "o.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "votes", "o.csv", "--poll", poll], in: ws).code, 0)
        let before = try lip(["poll", "tally", "7", "--format", "json"], in: ws)
        XCTAssertEqual(before.code, 0, before.stderr)
        XCTAssertTrue(before.stdout.contains("\"weight\": \"1100000000000000000000\""), before.stdout)
        let ledger = ws.appendingPathComponent(".lip/ledger.sqlite")
        for (sql, message) in [
            ("UPDATE snapshot_accounts SET registered = 0.5 WHERE account = '\(o)'", nil),
            // After a row already read (O's): read again, D1 is still counted once.
            ("UPDATE snapshot_accounts SET active = 0.5 WHERE account = '\(d1)'", nil),
            ("UPDATE snapshot_accounts SET stake = '3e2' WHERE account = '\(d1)'", "column stake holds `3e2`, not a decimal amount of wei"),
            ("UPDATE votes SET choice = '01' WHERE voter = '\(o)'", "column choice holds `01`"),
            ("UPDATE votes SET log_index = 'first' WHERE voter = '\(d1)'", "column log_index holds `first`, not an integer"),
        ] {
            let copy = try temporaryDirectory(self)
            try FileManager.default.copyItem(at: ws.appendingPathComponent("LIPs"), to: copy.appendingPathComponent("LIPs"))
            try FileManager.default.copyItem(at: ws.appendingPathComponent("Polls"), to: copy.appendingPathComponent("Polls"))
            try FileManager.default.createDirectory(at: copy.appendingPathComponent(".lip"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: ledger, to: copy.appendingPathComponent(".lip/ledger.sqlite"))
            try sqlite3(copy.appendingPathComponent(".lip/ledger.sqlite"), sql)
            let r = try lip(["poll", "tally", "7", "--format", "json"], in: copy)
            if let message {
                XCTAssertEqual(r.code, 2, sql)
                XCTAssertTrue(r.stderr.contains(message), "\(sql)\n\(r.stderr)")
            } else {
                XCTAssertEqual(r.code, 0, r.stderr)
                XCTAssertEqual(r.stdout, before.stdout, sql)
            }
        }
    }

    func testRefusals() throws {
        let ws = try workspace()
        let bad = try lip(["poll", "weight", "7", "0x12"], in: ws)
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.stderr.contains("`0x12` is not an account"), bad.stderr)
        let choice = try lip(["poll", "vote", "7", "maybe"], in: ws)
        XCTAssertEqual(choice.code, 2, choice.stderr)
        // Stake at the end block in the ledger: the poll has ended.
        try write("account,delegate,stake\n\(o),\(o),\(lpt(1000))\n", "end.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "end.csv", "--chain", "l1", "--block", "500"], in: ws).code, 0)
        let late = try lip(["poll", "vote", "7", "yes"], in: ws)
        XCTAssertEqual(late.code, 1)
        XCTAssertEqual(
            late.stderr, "lip: refused: the poll has ended: the ledger has l1 stake at block 500, at or past its end block 500; a vote now would not count\n")
    }

    /// A poll that the network's PollCreator did not create gets no vote transaction: the
    /// transaction would call a contract that is not one of the network's polls.
    func testAPollOfAnotherCreatorIsRefused() throws {
        let ws = try temporaryDirectory(self)
        try FileManager.default.copyItem(at: try workspace().appendingPathComponent("LIPs"), to: ws.appendingPathComponent("LIPs"))
        try write(
            "lip: 7\ncid: QmVoters\nchain: l1\nstake: l1\nquorum-base: bonded\naddress: \"\(poll)\"\nendBlock: 500\nquorum: 333300\nquota: 500000\n",
            "Polls/LIP-7/poll.yaml", in: ws)
        try write("voter,choice,block,log_index\n\(d1),1,420,0\n", "v.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "votes", "v.csv", "--poll", poll], in: ws).code, 0)
        // Known from poll.yaml and its votes only: nothing says it is the network's.
        let unknown = try lip(["poll", "vote", "7", "yes"], in: ws)
        XCTAssertEqual(unknown.code, 1, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("is not a poll of network mainnet: the ledger has no PollCreated of it"), unknown.stderr)
        // Created by another contract.
        try writePollCreated(by: "0x" + String(repeating: "c0", count: 20), in: ws, file: "created.json")
        XCTAssertEqual(try lip(["ledger", "import", "logs", "created.json", "--chain", "l1"], in: ws).code, 0)
        let r = try lip(["poll", "vote", "7", "yes"], in: ws)
        XCTAssertEqual(r.code, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("is not a poll of network mainnet: its PollCreated came from 0x"), r.stderr)
        XCTAssertTrue(r.stderr.contains("and the network's l1 PollCreator is 0xBf824EDb6b94D9B52d972d5B25bCc19b4e6E3F3C"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }
}
