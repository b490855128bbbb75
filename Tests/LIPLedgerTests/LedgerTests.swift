import BigInt
import GRDB
import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPEthereum
@testable import LIPLedger

final class LedgerTests: XCTestCase {
    var dir: URL!
    var ledger: Ledger!

    override func setUpWithError() throws {
        dir = try temporaryDirectory(self)
        ledger = try Ledger(path: dir.appendingPathComponent("ledger.sqlite").path, create: true)
    }

    /// An import as its kind, file and options (the report renders it as a command).
    func line(_ record: ImportRecord) -> String { ([record.kind.rawValue, record.file] + record.options).joined(separator: " ") }

    func file(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    let csv = """
        account,delegate,stake,status,active
        \(addr("aa")),\(addr("aa")),\(lpt(100)),registered,true
        \(addr("01")),\(addr("aa")),\(lpt(30)),,
        \(addr("02")),\(addr("aa")),\(lpt(20)),,
        \(addr("BB")),\(addr("bb")),\(lpt(50)),,false
        \(addr("03")),,\(lpt(7)),,
        \(addr("04")),0x0000000000000000000000000000000000000000,0,,

        """

    func accounts(_ block: Int, chain: Chain = .l1) throws -> [String: SnapshotAccount] {
        var out: [String: SnapshotAccount] = [:]
        try ledger.forEachAccount(of: try XCTUnwrap(try ledger.snapshot(chain: chain, block: block))) { out[$0.account.lowercased] = $0 }
        return out
    }

    func testCSVSnapshot() throws {
        let summary = try ledger.importSnapshot(try file("s.csv", csv), path: "s.csv", options: SnapshotOptions(chain: .l1, block: 1000))
        XCTAssertEqual(summary.line, "snapshot l1@1000 (csv): 6 rows added, 0 warnings")
        let rows = try accounts(1000)
        XCTAssertEqual(rows[addr("aa")]?.delegatedStake, BigUInt(lpt(150)), "default: sum of stake delegated to it, its own included")
        XCTAssertEqual(rows[addr("aa")]?.registered, true)
        XCTAssertEqual(rows[addr("aa")]?.active, true)
        XCTAssertEqual(rows[addr("bb")]?.registered, true, "delegate == account: registered by default")
        XCTAssertEqual(rows[addr("bb")]?.delegatedStake, BigUInt(lpt(50)))
        XCTAssertEqual(rows[addr("01")]?.registered, false)
        XCTAssertEqual(rows[addr("01")]?.delegatedStake, 0)
        XCTAssertNotNil(rows[addr("03")])
        XCTAssertNil(rows[addr("03")]?.delegate)
        XCTAssertNil(rows[addr("04")]?.delegate, "the zero address means none")
        let s = try ledger.snapshots()[0]
        XCTAssertEqual(s.totalStake, BigUInt(207) * Amount.weiPerLPT)
        XCTAssertEqual(s.accounts, 6)
    }

    func testOnChainTotalsAreKeptAndUsedAsTheQuorumBase() throws {
        let summary = try ledger.importSnapshot(
            try file("s.csv", csv), path: "s.csv",
            options: SnapshotOptions(chain: .l1, block: 1000, totalBonded: BigUInt(lpt(300))!, totalActive: BigUInt(lpt(150))!))
        XCTAssertEqual(summary.warnings, ["--total-bonded \(lpt(300)) differs from the sum of stake \(lpt(207)) by \(lpt(93)) wei; the tally uses --total-bonded"])
        XCTAssertEqual(try ledger.snapshots().first?.totalBonded, BigUInt(lpt(300)))
        XCTAssertEqual(try ledger.snapshots().first?.totalActive, BigUInt(lpt(150)))
        XCTAssertEqual(try ledger.imports().first?.options, ["--chain", "l1", "--block", "1000", "--total-bonded", lpt(300), "--total-active", lpt(150)])
    }

    func testReimportIsIdempotentAndConflictsAreRefused() throws {
        let url = try file("s.csv", csv)
        _ = try ledger.importSnapshot(url, path: "s.csv", options: SnapshotOptions(chain: .l1, block: 1000))
        let before = try ledgerDump(ledger)
        let again = try ledger.importSnapshot(url, path: "s.csv", options: SnapshotOptions(chain: .l1, block: 1000))
        XCTAssertEqual(again.rows, 0)
        XCTAssertEqual(again.unchanged, 6)
        XCTAssertEqual(try ledgerDump(ledger), before)
        let other = try file("t.csv", csv.replacingOccurrences(of: lpt(7), with: lpt(8)))
        XCTAssertThrowsError(try ledger.importSnapshot(other, path: "t.csv", options: SnapshotOptions(chain: .l1, block: 1000))) { error in
            XCTAssertEqual((error as? LIPError)?.isRefusal, true)
            XCTAssertTrue("\(error)".contains("--replace"), "\(error)")
        }
        XCTAssertEqual(try ledgerDump(ledger), before)
        _ = try ledger.importSnapshot(other, path: "t.csv", options: SnapshotOptions(chain: .l1, block: 1000, replace: true))
        XCTAssertEqual(try accounts(1000)[addr("03")]?.stake, BigUInt(lpt(8)))
        XCTAssertEqual(try ledger.snapshots().count, 1)
        XCTAssertEqual(
            try ledger.imports().map(line), ["snapshot t.csv --chain l1 --block 1000"], "the replaced import is no longer listed")
        XCTAssertEqual(try ledger.imports().first?.sha256, try Ledger.fileSHA256(other, path: "t.csv"))
    }

    func assertRejected(_ name: String, _ text: String, format: SnapshotFormat? = nil, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        _ = try? ledger.importSnapshot(try self.file("good.csv", csv), path: "good.csv", options: SnapshotOptions(chain: .l1, block: 1))
        let before = try ledgerDump(ledger)
        XCTAssertThrowsError(
            try ledger.importSnapshot(try self.file(name, text), path: name, options: SnapshotOptions(chain: .l1, block: 2, format: format)), file: file, line: line
        ) { error in
            XCTAssertEqual("\(error)", expected, file: file, line: line)
        }
        XCTAssertEqual(try ledgerDump(ledger), before, "the ledger is exactly as before", file: file, line: line)
    }

    func testBadSnapshotInputsLeaveTheLedgerUnchanged() throws {
        let head = "account,delegate,stake\n"
        let ok = "\(addr("01")),\(addr("aa")),5\n"
        try assertRejected("h.csv", "account,delegate,stake,colour\n", "h.csv:1: unknown column `colour` (columns: account, delegate, stake, delegated_stake, status, active)")
        try assertRejected("h2.csv", "account,stake\n", "h2.csv:1: missing required column `delegate` (header: account,stake)")
        try assertRejected("a.csv", head + ok + "0x12345,\(addr("aa")),5\n", "a.csv:3: account `0x12345` is not an address (0x + 40 hex digits)")
        try assertRejected("n.csv", head + ok + "\(addr("02")),\(addr("aa")),-5\n", "n.csv:3: stake `-5`: negative amount")
        try assertRejected("f.csv", head + ok + "\(addr("02")),\(addr("aa")),1.5\n", "f.csv:3: stake `1.5`: not a whole number of wei")
        try assertRejected(
            "b.csv", head + ok + "\(addr("02")),\(addr("aa")),115792089237316195423570985008687907853269984665640564039457584007913129639936\n",
            "b.csv:3: stake `115792089237316195423570985008687907853269984665640564039457584007913129639936`: larger than 2^256-1")
        try assertRejected("d.csv", head + ok + ok, "d.csv:3: duplicate account 0x0101010101010101010101010101010101010101")
        try assertRejected("t.csv", head + ok + "\(addr("02")),\(addr("aa"))", "t.csv:3: expected 3 fields, found 2 (the file looks truncated)")
        try assertRejected(
            "j.json", "[\"0x" + String(repeating: "11", count: 104) + "\", ", format: .lip73, "j.json: not valid JSON, or not an array of hex strings (is the file truncated?)")
        try assertRejected(
            "s.json", "[\"0x1234\"]", format: .lip73,
            "j.json:entry 0: entry is 2 bytes; a LIP-73 entry is 104 (delegator, delegate, stake, fees)".replacingOccurrences(of: "j.json", with: "s.json"))
    }

    func testSubgraphSnapshot() throws {
        let json = """
            {"data": {"delegators": [
              {"id": "\(addr("aa"))", "bondedAmount": "100.5", "delegate": {"id": "\(addr("aa"))"}},
              {"id": "\(addr("01"))", "bondedAmount": "0.000000000000000001", "delegate": {"id": "\(addr("aa"))"}},
              {"id": "\(addr("02"))", "bondedAmount": "3", "delegate": null}],
             "transcoders": [{"id": "\(addr("aa"))", "totalStake": "100.500000000000000001", "status": "Registered", "active": true}]}}
            """
        let summary = try ledger.importSnapshot(try file("g.json", json), path: "g.json", options: SnapshotOptions(chain: .l2, block: 5, l1Block: 900))
        XCTAssertEqual(summary.warnings.count, 1)
        XCTAssertTrue(summary.warnings[0].contains("bondedAmount is not pendingStake"))
        let rows = try accounts(5, chain: .l2)
        XCTAssertEqual(rows[addr("aa")]?.stake, BigUInt("100500000000000000000"))
        XCTAssertEqual(rows[addr("aa")]?.delegatedStake, BigUInt("100500000000000000001"))
        XCTAssertEqual(rows[addr("aa")]?.active, true)
        XCTAssertEqual(rows[addr("01")]?.stake, 1)
        XCTAssertThrowsError(
            try ledger.importSnapshot(
                try file("x.json", json.replacingOccurrences(of: "\"3\"", with: "\"3.0000000000000000001\"")), path: "x.json",
                options: SnapshotOptions(chain: .l2, block: 6, l1Block: 901))
        ) { error in
            XCTAssertEqual("\(error)", "x.json:delegators[2]: bondedAmount `3.0000000000000000001`: more than 18 decimals")
        }
        XCTAssertThrowsError(try ledger.importSnapshot(try file("y.json", json), path: "y.json", options: SnapshotOptions(chain: .l2, block: 7))) { error in
            XCTAssertTrue("\(error)".contains("--l1-block"))
        }
    }

    func testLIP73SnapshotAndRoot() throws {
        let entries = [
            "0x" + String(repeating: "11", count: 20) + String(repeating: "aa", count: 20) + Hex.encode(ABI.encode(uint: BigUInt(1000) * Amount.weiPerLPT))
                + Hex.encode(ABI.encode(uint: 0)),
            "0x" + String(repeating: "22", count: 20) + String(repeating: "aa", count: 20) + Hex.encode(ABI.encode(uint: BigUInt(250) * Amount.weiPerLPT))
                + Hex.encode(ABI.encode(uint: BigUInt(10).power(15))),
            "0x" + String(repeating: "33", count: 20) + String(repeating: "00", count: 20) + Hex.encode(ABI.encode(uint: BigUInt(5) * BigUInt(10).power(17)))
                + Hex.encode(ABI.encode(uint: 0)),
            "0x" + String(repeating: "00", count: 104),
        ]
        let url = dir.appendingPathComponent("lip73.json")
        try writeJSON(entries, to: url)
        let summary = try ledger.importSnapshot(url, path: "lip73.json", options: SnapshotOptions(chain: .l1, block: 14207040))
        XCTAssertEqual(summary.rows, 3, "the all-zero entry is skipped")
        let tree = MerkleTree(entries: try ledger.snapshotEntries(chain: .l1, block: 14207040))
        XCTAssertEqual(Hex.prefixed(tree.root), "0x5b2621f94b8ed87113a5392a2e8a01806a3e54ab0fbb4e8a41bb5814232cabce")
        XCTAssertTrue(try ledger.snapshot(chain: .l1, block: 14207040)?.hadZeroEntry ?? false)
        let rows = try accounts(14207040)
        XCTAssertEqual(rows[addr("22")]?.fees, BigUInt("1000000000000000"))
        XCTAssertEqual(rows[addr("11")]?.registered, false)
        XCTAssertEqual(try XCTUnwrap(rows[addr("11")]).active, nil, "active is unknown in a LIP-73 snapshot")
    }

    func testLogs() throws {
        var m = LogMaker()
        let poll = addr("90")
        var logs: [[String: Any]] = [m.pollCreated(poll: poll, proposal: "QmProposal", endBlock: 5000)]
        logs.append(m.vote(poll: poll, voter: addr("aa"), choice: 0))
        logs.append(m.vote(poll: poll, voter: addr("01"), choice: 1))
        logs.append(m.migrateDelegator(l1: addr("aa"), l2: addr("ab"), stake: lpt(100), delegate: addr("aa")))
        logs.append(m.stakeClaimed(delegator: addr("02"), delegate: addr("aa"), stake: lpt(20)))
        logs.append(m.poolCreated(l1: addr("aa"), pool: addr("a0")))
        logs.append(m.log(address: addr("77"), topics: [Hex.prefixed(Keccak256.hash("Transfer(address,address,uint256)"))], data: []))
        logs.append(m.vote(poll: poll, voter: addr("03"), choice: 0).merging(["removed": true]) { $1 })
        let url = dir.appendingPathComponent("logs.json")
        try writeJSON(["jsonrpc": "2.0", "id": 1, "result": logs], to: url)
        let summary = try ledger.importLogs(url, path: "logs.json", chain: .l2, links: ["QmProposal": 120])
        XCTAssertEqual(summary.line, "logs l2: 6 rows added, 2 skipped (removed: 1, unknown topic: 1), 0 warnings")
        let polls = try ledger.polls()
        XCTAssertEqual(polls.count, 1)
        XCTAssertEqual(polls[0].endBlock, 5000)
        XCTAssertEqual(polls[0].lip, 120)
        XCTAssertEqual(polls[0].votes, 2)
        XCTAssertEqual(polls[0].quorum, 333300)
        let before = try ledgerDump(ledger)
        let again = try ledger.importLogs(url, path: "logs.json", chain: .l2)
        XCTAssertEqual(again.rows, 0)
        XCTAssertEqual(again.unchanged, 7)
        XCTAssertEqual(try ledgerDump(ledger), before)
        let status = try ledger.status().json.serialized(pretty: false)
        XCTAssertTrue(
            status.contains(
                #""migrations":3,"migrationWindow":{"l1SnapshotBlock":null,"migrations":3,"firstL2Block":100,"lastL2Block":100,"syncedTo":[]},"logs":{"imported":6,"skipped":1}"#
            ), status)
        XCTAssertTrue(status.contains(#""polls":[{"address":"0x9090909090909090909090909090909090909090","chain":"l2","endBlock":5000,"votes":2,"lip":120}]"#), status)
    }

    func testBadLogsLeaveTheLedgerUnchanged() throws {
        var m = LogMaker()
        let good = m.vote(poll: addr("90"), voter: addr("aa"), choice: 0)
        try writeJSON([good], to: dir.appendingPathComponent("good.json"))
        _ = try ledger.importLogs(dir.appendingPathComponent("good.json"), path: "good.json", chain: .l2)
        let before = try ledgerDump(ledger)
        var short = m.vote(poll: addr("90"), voter: addr("01"), choice: 1)
        short["data"] = "0x01"
        try writeJSON([m.vote(poll: addr("90"), voter: addr("02"), choice: 1), short], to: dir.appendingPathComponent("short.json"))
        XCTAssertThrowsError(try ledger.importLogs(dir.appendingPathComponent("short.json"), path: "short.json", chain: .l2)) { error in
            XCTAssertEqual("\(error)", "short.json:log 1 (logIndex 2 in tx 0x00000000…): Vote: data is 1 bytes, needs at least 32")
        }
        try Data("[{\"address\":".utf8).write(to: dir.appendingPathComponent("trunc.json"))
        XCTAssertThrowsError(try ledger.importLogs(dir.appendingPathComponent("trunc.json"), path: "trunc.json", chain: .l2)) { error in
            XCTAssertEqual("\(error)", "trunc.json: the file ends inside this log (is it truncated?)")
        }
        var changed = good
        changed["data"] = Hex.prefixed(ABI.encode(uint: 1))
        try writeJSON([changed], to: dir.appendingPathComponent("changed.json"))
        XCTAssertThrowsError(try ledger.importLogs(dir.appendingPathComponent("changed.json"), path: "changed.json", chain: .l2)) { error in
            XCTAssertTrue("\(error)".contains("differs from the log imported before"), "\(error)")
        }
        XCTAssertEqual(try ledgerDump(ledger), before)
    }

    func testALogWithoutDataIsStoredAsEmptyBytesAndKnownAgain() throws {
        // An event the ledger does not decode, with no data: its row holds an empty blob (never
        // NULL, which the table refuses), and the same log again is recognised.
        var m = LogMaker()
        let other = m.log(address: addr("e0"), topics: ["0x" + String(repeating: "ab", count: 32)], data: [])
        try writeJSON([other], to: dir.appendingPathComponent("other.json"))
        let first = try ledger.importLogs(dir.appendingPathComponent("other.json"), path: "other.json", chain: .l2)
        XCTAssertEqual(first.skipped["unknown topic"], 1)
        let dump = try ledgerDump(ledger)
        XCTAssertTrue(dump.contains("topics:x'\(String(repeating: "ab", count: 32))' data:x'' event:NULL]"), dump)
        let again = try ledger.importLogs(dir.appendingPathComponent("other.json"), path: "other.json", chain: .l2)
        XCTAssertEqual(again.unchanged, 1)
        XCTAssertEqual(try ledgerDump(ledger), dump)
    }

    func testAVoteLogMeetsTheVoteACSVGaveForItsPlace() throws {
        // The votes CSV holds the vote at block 100, log index 1; a Vote log for the same place
        // must agree with it.
        let poll = Address(addr("90"))!
        let votes = try file("v.csv", "voter,choice,block,log_index\n\(addr("aa")),0,100,1\n")
        XCTAssertEqual(try ledger.importVotes(votes, path: "v.csv", poll: poll).rows, 1)
        var m = LogMaker()
        try writeJSON([m.vote(poll: addr("90"), voter: addr("aa"), choice: 1)], to: dir.appendingPathComponent("other.json"))
        let before = try ledgerDump(ledger)
        XCTAssertThrowsError(try ledger.importLogs(dir.appendingPathComponent("other.json"), path: "other.json", chain: .l2)) { error in
            XCTAssertEqual(
                "\(error)", "other.json:log 0 (logIndex 1 in tx 0x00000000…): a vote of \(addr("aa")) at block 100, log index 1 is in the ledger with choice 0, not 1")
        }
        XCTAssertEqual(try ledgerDump(ledger), before)
        m = LogMaker()
        try writeJSON([m.vote(poll: addr("90"), voter: addr("aa"), choice: 0)], to: dir.appendingPathComponent("same.json"))
        XCTAssertEqual(try ledger.importLogs(dir.appendingPathComponent("same.json"), path: "same.json", chain: .l2).rows, 1)
        XCTAssertEqual(try ledgerDump(ledger).components(separatedBy: "votes: ").count - 1, 1)
    }

    func testALedgerOfHexLogsHasThemConvertedToBytes() throws {
        // A ledger as lip wrote it before v7: logs as hex text, votes in a rowid table.
        let path = dir.appendingPathComponent("v6.sqlite").path
        var m = LogMaker()
        let vote = m.vote(poll: addr("90"), voter: addr("aa"), choice: 1)
        let topics = try XCTUnwrap(vote["topics"] as? [String])
        do {
            let queue = try DatabaseQueue(path: path)
            try Ledger.migrator.migrate(queue, upTo: "v6-governor")
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO logs VALUES ('l2', ?, 1, 100, ?, ?, ?, 'Vote')",
                    arguments: [vote["transactionHash"] as? String, addr("90"), "[\"" + topics.joined(separator: "\",\"") + "\"]", vote["data"] as? String])
                try db.execute(sql: "INSERT INTO votes VALUES (?, ?, '1', 100, 1)", arguments: [addr("90"), addr("aa")])
            }
        }
        let ledger = try Ledger(path: path, create: false)
        let dump = try ledger.dump()
        XCTAssertTrue(
            dump.contains(
                "logs: [chain:\"l2\" transaction_hash:x'\(String(format: "%064x", 100_001))' log_index:1 block_number:100 address:x'\(String(repeating: "90", count: 20))' topics:x'\(topics.map { $0.dropFirst(2) }.joined())' data:x'\(String(repeating: "0", count: 63))1' event:\"Vote\"]"
            ), dump)
        XCTAssertTrue(dump.contains("votes: [poll:\"\(addr("90"))\" voter:\"\(addr("aa"))\" choice:\"1\" block:100 log_index:1]"), dump)
        // The converted log is the same log: importing it again changes nothing.
        try writeJSON([vote], to: dir.appendingPathComponent("again.json"))
        let again = try ledger.importLogs(dir.appendingPathComponent("again.json"), path: "again.json", chain: .l2)
        XCTAssertEqual(again.rows, 0)
        XCTAssertEqual(again.unchanged, 1)
        XCTAssertEqual(try ledger.dump(), dump)

        // A stored value that is not hex is named, and the old ledger stays as it was.
        let bad = dir.appendingPathComponent("bad.sqlite").path
        do {
            let queue = try DatabaseQueue(path: bad)
            try Ledger.migrator.migrate(queue, upTo: "v6-governor")
            try queue.write { try $0.execute(sql: "INSERT INTO logs VALUES ('l2', '0xzz', 1, 100, '0x90', '[]', '0x', NULL)") }
        }
        XCTAssertThrowsError(try Ledger(path: bad, create: false)) { error in
            XCTAssertEqual("\(error)", "\(bad): cannot read: not a usable ledger: logs.transaction_hash `0xzz` is not hex")
        }
        let queue = try DatabaseQueue(path: bad)
        XCTAssertEqual(try queue.read { try String.fetchOne($0, sql: "SELECT transaction_hash FROM logs") }, "0xzz")
    }

    /// A hand-edited older ledger whose values are of another form (bytes that are not UTF-8 where
    /// text belongs) is an error naming the table and column when a migration reads it: never a
    /// trap (`row[column] as String` trapped), and the file stays as it was.
    func testMigrationsReadHandEditedValuesThroughNamedErrors() throws {
        let v2 = dir.appendingPathComponent("v2.sqlite").path
        try Ledger.createSchema(path: v2, upTo: "v2-imports")
        try Ledger.execute(path: v2, sql: "INSERT INTO imports (kind, file, arguments, content_sha256) VALUES ('logs', 'l.json', X'FF', 'aa')")
        XCTAssertThrowsError(try Ledger(path: v2, create: false)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(v2): cannot read: not a usable ledger: imports.arguments holds "), "\(error)")
        }
        let v6 = dir.appendingPathComponent("v6.sqlite").path
        try Ledger.createSchema(path: v6, upTo: "v6-governor")
        try Ledger.execute(path: v6, sql: "INSERT INTO logs VALUES ('l2', '0x' || hex(zeroblob(32)), 1, 100, '0x90', X'FF', '0x', NULL)")
        XCTAssertThrowsError(try Ledger(path: v6, create: false)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(v6): cannot read: not a usable ledger: logs.topics holds "), "\(error)")
        }
        XCTAssertEqual(try DatabaseQueue(path: v6).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM logs") }, 1, "the file stays as it was")
    }

    /// `everyVoter`: each account that voted in a poll or on a proposal the ledger holds, once,
    /// in address order (a vote cast twice, a voter of both, a vote of a poll it does not hold);
    /// a voter edited outside lip is an error naming its table, never a trap or a row left out.
    func testEveryVoterIsEachVoterOfTheHeldVotesOnceAndAnEditedOneIsNamed() throws {
        var m = LogMaker()
        let poll = addr("90")
        let logs = [
            m.pollCreated(poll: poll, proposal: "QmProposal", endBlock: 5000), m.vote(poll: poll, voter: addr("aa"), choice: 0),
            m.vote(poll: poll, voter: addr("01"), choice: 1), m.vote(poll: poll, voter: addr("aa"), choice: 1),
        ]
        try writeJSON(logs, to: dir.appendingPathComponent("logs.json"))
        _ = try ledger.importLogs(dir.appendingPathComponent("logs.json"), path: "logs.json", chain: .l2)
        let other = try file("v.csv", "voter,choice,block,log_index\n\(addr("55")),0,10,1\n")
        _ = try ledger.importVotes(other, path: "v.csv", poll: Address(addr("91"))!)
        var s = GovernorScenario()
        s.votes = [.init(Address(addr("02"))!, 1, 10), .init(Address(addr("01"))!, 0, 5)]
        s.delegations = [Address(addr("02"))!: Address(addr("02"))!, Address(addr("01"))!: Address(addr("01"))!]
        s.totalSupply = 100
        _ = try ledger.importLogs(try file("gov.json", s.logsJSON()), path: "gov.json", chain: .l2)
        XCTAssertEqual(try ledger.everyVoter(), ["01", "02", "aa"].map { Address(addr($0))! })
        for (edit, table) in [
            ("UPDATE proposal_votes SET voter = 'someone' WHERE voter = '\(addr("02"))'", "proposal_votes"),
            ("UPDATE votes SET voter = 42 WHERE voter = '\(addr("aa"))'", "votes"),
        ] {
            try Ledger.execute(path: ledger.path, sql: edit)
            XCTAssertThrowsError(try ledger.everyVoter(), edit) { XCTAssertTrue("\($0)".contains("table \(table), row ") && "\($0)".contains(", column voter holds "), "\($0)") }
        }
    }

    func testVotesAndMigrationsCSV() throws {
        let poll = Address(addr("90"))!
        let votes = try file("v.csv", "voter,choice,block,log_index\n\(addr("aa")),0,10,1\n\(addr("01")),1,11,0\n")
        XCTAssertEqual(try ledger.importVotes(votes, path: "v.csv", poll: poll).rows, 2)
        XCTAssertEqual(try ledger.importVotes(votes, path: "v.csv", poll: poll).unchanged, 2)
        let bad = try file("vb.csv", "voter,choice,block,log_index\n\(addr("aa")),yes,10,1\n")
        XCTAssertThrowsError(try ledger.importVotes(bad, path: "vb.csv", poll: poll)) { XCTAssertEqual("\($0)", "vb.csv:2: choice `yes` is not a whole number") }
        let migrations = try file(
            "m.csv",
            "kind,l1_account,l2_account,l2_block,pool\ndelegator,\(addr("01")),\(addr("11")),500,\nclaim,\(addr("02")),,501,\norchestrator,\(addr("aa")),\(addr("ab")),502,\(addr("a0"))\n"
        )
        XCTAssertEqual(try ledger.importMigrations(migrations, path: "m.csv").rows, 3)
        XCTAssertEqual(try ledger.importMigrations(migrations, path: "m.csv").unchanged, 3)
        let before = try ledgerDump(ledger)
        let conflicting = try file("mc.csv", "kind,l1_account,l2_account,l2_block,pool\ndelegator,\(addr("05")),\(addr("15")),500,\ndelegator,\(addr("01")),\(addr("12")),500,\n")
        XCTAssertThrowsError(try ledger.importMigrations(conflicting, path: "mc.csv")) {
            XCTAssertEqual("\($0)", "mc.csv:3: delegator migration of 0x0101010101010101010101010101010101010101 is in the ledger already with other values")
        }
        let noPool = try file("mp.csv", "kind,l1_account,l2_account,l2_block,pool\norchestrator,\(addr("bb")),\(addr("bc")),502,\n")
        XCTAssertThrowsError(try ledger.importMigrations(noPool, path: "mp.csv")) { XCTAssertEqual("\($0)", "mp.csv:2: an orchestrator migration needs the pool address") }
        XCTAssertEqual(try ledgerDump(ledger), before)
    }

    func testImportHistoryOfAnOlderLedgerBecomesColumns() throws {
        let path = dir.appendingPathComponent("old.sqlite").path
        try Ledger.createSchema(path: path, upTo: "v2-imports")
        try Ledger.execute(
            path: path,
            sql: """
                INSERT INTO snapshots (id, chain, block, l1_block, source, accounts, total_stake, content_sha256) VALUES (4, 'l2', 9, 8, 'csv', 0, '0', 'x');
                INSERT INTO imports (kind, file, arguments, content_sha256) VALUES
                  ('snapshot', 'l2.csv', '--chain l2 --block 9 --l1-block 8 --total-bonded 5 --format csv', 'aa'),
                  ('logs', 'logs.json', '--chain l2', 'bb'),
                  ('votes', 'v.csv', '--poll 0x9090909090909090909090909090909090909090', 'cc'),
                  ('migrations', 'm.csv', '', 'dd');
                """)
        let upgraded = try Ledger(path: path, create: false)
        // Snapshots stored before v5 got their row digest and sums when the ledger was opened.
        XCTAssertEqual(try upgraded.checkSnapshots().map(\.isIntact), [true])
        XCTAssertEqual(
            try upgraded.imports().map(line),
            [
                "snapshot l2.csv --chain l2 --block 9 --l1-block 8 --total-bonded 5 --format csv",
                "migrations m.csv",
                "logs logs.json --chain l2",
                "votes v.csv --poll 0x9090909090909090909090909090909090909090",
            ])
        XCTAssertEqual(try upgraded.imports().first?.sha256, "aa")
        // The snapshot's import is tied to it by id: replacing the snapshot drops exactly that import.
        let csv = try file("new.csv", "account,delegate,stake\n\(addr("01")),,1\n")
        _ = try upgraded.importSnapshot(csv, path: "new.csv", options: SnapshotOptions(chain: .l2, block: 9, l1Block: 8, replace: true))
        XCTAssertEqual(try upgraded.imports().map(\.file), ["new.csv", "m.csv", "logs.json", "v.csv"])
    }

    func testShortLinesAndRepeatedColumnsAreErrorsNotTraps() throws {
        let cases: [(String, String)] = [
            ("account,delegate,stake\nx", "s.csv:2: expected 3 fields, found 1 (the file looks truncated)"),
            ("account,delegate,stake\n\r\nx\n", "s.csv:3: expected 3 fields, found 1"),
            ("a", "s.csv:1: unknown column `a` (columns: account, delegate, stake, delegated_stake, status, active)"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try ledger.importSnapshot(try file("s.csv", text), path: "s.csv", options: SnapshotOptions(chain: .l1, block: 1))) {
                XCTAssertEqual("\($0)", message)
            }
        }
        let votes = try file("v.csv", "voter,choice,block,log_index,voter\n\(addr("01")),0,1,1\n")
        XCTAssertThrowsError(try ledger.importVotes(votes, path: "v.csv", poll: Address(addr("90"))!)) { XCTAssertEqual("\($0)", "v.csv:1: column `voter` appears twice") }
        let oneChar = try file("m.csv", "kind,l1_account,l2_account,l2_block,pool\nx")
        XCTAssertThrowsError(try ledger.importMigrations(oneChar, path: "m.csv")) { XCTAssertEqual("\($0)", "m.csv:2: expected 5 fields, found 1 (the file looks truncated)") }
    }

    func testSchemaIsDocumentedByItsMigration() throws {
        let tables = try ledger.tableNames()
        XCTAssertEqual(
            tables,
            [
                "chain_clocks", "gas_measurements", "gas_price_sources", "gas_prices", "gas_set_sources", "gas_sets", "import_polls", "imports", "ledger_network",
                "ledger_revisions", "logs",
                "migration_scans", "migrations", "poll_decisions", "poll_scans", "polls", "proposal_delegations", "proposal_events", "proposal_stakes", "proposal_views",
                "proposal_votes",
                "proposals", "quorum_numerator_updates", "snapshot_accounts", "snapshots", "treasury_executions", "treasury_rewards", "treasury_scans", "treasury_transfers",
                "vote_summaries", "votes",
            ])
        let mode = try ledger.journalMode()
        XCTAssertEqual(mode, "wal")
    }

    /// Progress is told after each chunk is settled: rising counts of the file's entries (removed
    /// logs among them), ending at all of them.
    func testLogImportTellsProgressChunkByChunk() throws {
        var maker = LogMaker()
        var logs = (0..<1_000).map { maker.vote(poll: addr("90"), voter: String(format: "0x%040x", $0 + 1), choice: $0 % 2) }
        for n in stride(from: 5, to: 1_000, by: 100) { logs[n]["removed"] = true }
        let url = dir.appendingPathComponent("votes.json")
        try writeJSON(logs, to: url)
        var told: [Int] = []
        let summary = try ledger.importLogs(url, path: "votes.json", chain: .l2, links: [:], progress: { told.append($0) }, chunking: LogChunking(batch: 64, chunk: 256))
        XCTAssertEqual(summary.line, "logs l2: 990 rows added, 10 skipped (removed: 10), 0 warnings")
        XCTAssertGreaterThanOrEqual(told.count, 4, "\(told)")
        XCTAssertEqual(told, told.sorted())
        XCTAssertEqual(Set(told).count, told.count, "\(told)")
        XCTAssertEqual(told.last, 1_000)
    }

    /// A new ledger has 16 KiB pages; one an older `lip` made keeps its 4 KiB pages, and a file
    /// imports into it as into a new one.
    func testANewLedgerHasBigPagesAndAnOldOneKeepsItsOwn() throws {
        XCTAssertEqual(try ledger.pageSize(), 16_384)
        let oldPath = dir.appendingPathComponent("old.sqlite").path
        try Ledger.createSchema(path: oldPath, upTo: "v6-governor")
        let old = try Ledger(path: oldPath, create: false)
        XCTAssertEqual(try old.pageSize(), 4_096)
        var maker = LogMaker()
        try writeJSON((0..<300).map { maker.vote(poll: addr("90"), voter: String(format: "0x%040x", $0 + 1), choice: $0 % 2) }, to: dir.appendingPathComponent("votes.json"))
        for each in [ledger!, old] { XCTAssertEqual(try each.importLogs(dir.appendingPathComponent("votes.json"), path: "votes.json", chain: .l2).rows, 300) }
        XCTAssertEqual(try old.pageSize(), 4_096)
        XCTAssertEqual(try ledgerDump(old), try ledgerDump(ledger))
    }

    /// Logs are read on a thread of their own, in batches: a large file's problems are still
    /// reported in file order, the first one named, and nothing of the file lands.
    func testLogsReadAheadReportTheFirstProblemInFileOrder() throws {
        var maker = LogMaker()
        var logs: [[String: Any]] = []
        // Enough batches (2,048 logs each) that the reader waits on a full queue when the writer
        // fails: the import must stop it, not hang.
        for n in 0..<12_000 {
            maker.block = 100 + n / 50
            logs.append(maker.vote(poll: addr("90"), voter: String(format: "0x%040x", n + 1), choice: n % 2))
        }
        let before = try ledgerDump(ledger)
        // Cut small (the standard chunk is 32,768 logs): the reader is several chunks ahead of
        // the writer, and log 3,000 is in a later chunk than log 10.
        let small = LogChunking(batch: 256, chunk: 1_024)
        func load(_ url: URL) throws -> ImportSummary { try ledger.importLogs(url, path: "many.json", chain: .l2, links: [:], progress: nil, chunking: small) }
        // A bad field near the end, in a later batch than the first ones.
        var bad = logs
        bad[5_500]["data"] = "0xzz"
        let url = dir.appendingPathComponent("many.json")
        try writeJSON(bad, to: url)
        XCTAssertThrowsError(try load(url)) { XCTAssertTrue("\($0)".contains("many.json:log 5500"), "\($0)") }
        XCTAssertEqual(try ledgerDump(ledger), before)
        // A log that contradicts an earlier one of the same transaction and index (a problem the
        // writer finds) comes before the reader's problem at 5,500: it is the one reported.
        bad[3_000]["transactionHash"] = logs[10]["transactionHash"]
        bad[3_000]["logIndex"] = logs[10]["logIndex"]
        try writeJSON(bad, to: url)
        XCTAssertThrowsError(try load(url)) { XCTAssertTrue("\($0)".contains("log 3000"), "\($0)") }
        XCTAssertEqual(try ledgerDump(ledger), before)
        // The good file: every log, once.
        try writeJSON(logs, to: url)
        XCTAssertEqual(try load(url).rows, 12_000)
    }

    /// The writer inserts a chunk of logs in the order of their transaction hashes, then settles
    /// each in file order. Cut one log at a time (the order of the file throughout), in small
    /// chunks, and as standard, a file of random hashes gives the same ledger and summary, and a
    /// bad file the same first problem.
    func testLogsInsertedInHashOrderAreSettledInFileOrder() throws {
        var random = SeededGenerator(seed: 73)
        var maker = LogMaker()
        func randomHash() -> String { "0x" + (0..<4).map { _ in String(format: "%016llx", random.next()) }.joined() }
        func rehashed(_ log: [String: Any]) -> [String: Any] { log.merging(["transactionHash": randomHash()]) { $1 } }
        let poll = addr("90")
        var logs = [rehashed(maker.pollCreated(poll: poll, proposal: "QmProposal", endBlock: 9_000))]
        for n in 0..<2_500 {
            maker.block = 100 + n / 40
            switch n % 50 {
            case 7: logs.append(rehashed(maker.log(address: addr("77"), topics: ["0x" + String(repeating: "ab", count: 32)], data: [1, 2])))
            case 8: logs.append(rehashed(maker.vote(poll: poll, voter: String(format: "0x%040x", n), choice: 1)).merging(["removed": true]) { $1 })
            // The same vote again, a few logs later (same chunk) or far later (another chunk).
            case 9: logs.append(logs[logs.count - 5])
            case 10 where n > 1_200: logs.append(logs[n - 1_100])
            default: logs.append(rehashed(maker.vote(poll: poll, voter: String(format: "0x%040x", n + 1), choice: n % 3 == 0 ? 1 : 0)))
            }
        }
        let cuts = [LogChunking(batch: 1, chunk: 1), LogChunking(batch: 64, chunk: 256), .standard]
        func importEach(_ name: String, _ logs: [[String: Any]]) throws -> [String] {
            let url = dir.appendingPathComponent(name)
            try writeJSON(logs, to: url)
            return try cuts.enumerated().map { k, cut in
                let ledger = try Ledger(path: dir.appendingPathComponent("\(name)-\(k).sqlite").path, create: true)
                do {
                    let summary = try ledger.importLogs(url, path: name, chain: .l2, links: [:], progress: nil, chunking: cut)
                    return summary.line + "\n" + (try ledgerDump(ledger))
                } catch {
                    XCTAssertEqual(try ledgerDump(ledger), "", "a failed import leaves the new ledger empty")
                    return "\(error)"
                }
            }
        }
        let good = try importEach("good.json", logs)
        // 2,501 logs: 50 removed, 50 of unknown topics, 76 again, a poll and 2,324 votes.
        XCTAssertTrue(good[0].hasPrefix("logs l2: 2325 rows added, 76 already present, 100 skipped (removed: 50, unknown topic: 50), 0 warnings\n"), good[0])
        XCTAssertEqual(good[0].components(separatedBy: "votes: [").count - 1, 2_324)
        XCTAssertEqual(good[1], good[0])
        XCTAssertEqual(good[2], good[0])
        // Three problems: a Vote without its 32 bytes of data (log 600), a log differing from the
        // one stored with its key (log 900: its hash chosen to sort first), and text that is not
        // hex (log 1,000, found by the reader). Each is the one named while it is the first.
        var bad = logs
        bad[600]["data"] = "0x01"
        bad[900] = logs[100].merging(["data": Hex.prefixed(ABI.encode(uint: 7))]) { $1 }
        bad[100]["transactionHash"] = "0x" + String(repeating: "0", count: 64)
        bad[900]["transactionHash"] = bad[100]["transactionHash"]
        bad[1_000]["blockNumber"] = "0xzz"
        let first = try importEach("bad.json", bad)
        XCTAssertTrue(first[0].hasPrefix("bad.json:log 600 (logIndex"), first[0])
        XCTAssertTrue(first[0].hasSuffix("Vote: data is 1 bytes, needs at least 32"), first[0])
        bad[600] = logs[600]
        let second = try importEach("bad.json", bad)
        XCTAssertTrue(second[0].hasPrefix("bad.json:log 900 (logIndex"), second[0])
        XCTAssertTrue(second[0].hasSuffix("differs from the log imported before with the same transaction hash and log index"), second[0])
        bad[900] = logs[900]
        let third = try importEach("bad.json", bad)
        XCTAssertTrue(third[0].hasPrefix("bad.json:log 1000"), third[0])
        for outcome in [first, second, third] {
            XCTAssertEqual(outcome[1], outcome[0])
            XCTAssertEqual(outcome[2], outcome[0])
        }
    }

    /// A bulk import drops the delegate index and builds it again after the insert, in its
    /// transaction: after a good import and after a failed one, the index is there.
    func testTheDelegateIndexSurvivesBulkImports() throws {
        let good = try file("good.csv", "account,delegate,stake\n\(addr("01")),\(addr("01")),5\n\(addr("02")),\(addr("01")),7\n")
        _ = try ledger.importSnapshot(good, path: "good.csv", options: SnapshotOptions(chain: .l1, block: 1))
        XCTAssertTrue(try ledger.indexNames().contains("snapshot_accounts_by_delegate"))
        let bad = try file("bad.csv", "account,delegate,stake\n\(addr("03")),\(addr("03")),5\n\(addr("04")),,-1\n")
        XCTAssertThrowsError(try ledger.importSnapshot(bad, path: "bad.csv", options: SnapshotOptions(chain: .l1, block: 2)))
        XCTAssertTrue(try ledger.indexNames().contains("snapshot_accounts_by_delegate"))
        // The fill-in of delegated stake: 5 + 7 for the orchestrator, 0 for its delegator.
        let rows = try ledger.accounts(of: try ledger.snapshot(chain: .l1, forEndBlock: 1), among: [Address(addr("01"))!, Address(addr("02"))!])
        XCTAssertEqual(rows.map(\.delegatedStake), [12, 0])
        // A ledger holding more rows than a small file brings keeps the index and inserts into it.
        let many = "account,delegate,stake\n" + (1...1_500).map { String(format: "0x%040x,0x%040x,%d\n", $0 + 100, 101, $0) }.joined()
        _ = try ledger.importSnapshot(try file("many.csv", many), path: "many.csv", options: SnapshotOptions(chain: .l1, block: 3))
        _ = try ledger.importSnapshot(good, path: "good.csv", options: SnapshotOptions(chain: .l1, block: 4))
        XCTAssertTrue(try ledger.indexNames().contains("snapshot_accounts_by_delegate"))
        let small = try ledger.accounts(of: try ledger.snapshot(chain: .l1, forEndBlock: 4), among: [Address(addr("01"))!, Address(addr("02"))!])
        XCTAssertEqual(small.map(\.delegatedStake), [12, 0])
    }
}

/// The read a large tally makes of its voters' rows: split in two halves at the middle voter and
/// read on two connections at once, the same rows, once each, in account order, as one read.
final class VoterRowsTests: XCTestCase {
    func testVotersRowsReadInHalvesAreTheRowsOfTheVotersInOrder() throws {
        let dir = try temporaryDirectory(self)
        let ledger = try Ledger(path: dir.appendingPathComponent("l.sqlite").path, create: true)
        var rng = SeededGenerator(seed: 20)
        func address(_ n: Int) -> String { String(format: "0x%040x", n * 7_919 % 1_000_003) }
        var csv = "account,delegate,stake\n", votes = "voter,choice,block,log_index\n"
        var expected: [String] = []
        for i in 1...40_000 {
            csv += "\(address(i)),\(address(1)),\(UInt64.random(in: 1...1_000_000, using: &rng))\n"
            // Every other account votes, some twice; voters with no row in the snapshot too.
            if i % 2 == 0 {
                votes += "\(address(i)),\(i % 3 == 0 ? 1 : 0),\(100 + i),0\n"
                if i % 10 == 0 { votes += "\(address(i)),1,\(200_000 + i),0\n" }
                expected.append(address(i))
            }
        }
        for i in 50_000..<50_100 { votes += "\(address(i)),0,7,0\n" }
        let s = dir.appendingPathComponent("s.csv"), v = dir.appendingPathComponent("v.csv")
        try Data(csv.utf8).write(to: s)
        try Data(votes.utf8).write(to: v)
        _ = try ledger.importSnapshot(s, path: "s.csv", options: SnapshotOptions(chain: .l1, block: 1))
        let poll = Address(addr("90"))!
        _ = try ledger.importVotes(v, path: "v.csv", poll: poll)
        let snapshot = try XCTUnwrap(try ledger.snapshot(chain: .l1, block: 1))
        let rows = try ledger.accounts(of: snapshot, votersOf: poll)
        XCTAssertEqual(rows.map(\.account.lowercased), expected.sorted(), "20,000 voters with rows: both halves, in order, once each")
        var all: [SnapshotAccount] = []
        try ledger.forEachAccount(of: snapshot) { all.append($0) }
        let wanted = Set(expected)
        XCTAssertEqual(rows, all.filter { wanted.contains($0.account.lowercased) }, "the same rows as one read gives")
    }
}

extension LedgerTests {
    /// `lip ledger sync polls` stores every poll and its scan in one transaction: a poll whose
    /// stake contradicts the ledger's leaves the ledger as it was, the scan not advanced.
    func testAPollScanIsAllOrNothing() throws {
        func created(_ poll: String, block: Int) -> EventLog {
            var maker = LogMaker()
            maker.block = block
            let object = maker.pollCreated(poll: poll, proposal: "QmScan", endBlock: 500)
            return EventLog(
                address: Address(object["address"] as! String)!, topics: object["topics"] as! [String], data: Hex.decode(object["data"] as! String)!,
                blockNumber: block, transactionHash: object["transactionHash"] as! String, logIndex: 1)
        }
        func scanned(_ poll: String, block: Int, total: BigUInt) -> ScannedPoll {
            let account = SnapshotAccount(account: Address(addr("0a"))!, delegate: nil, stake: 5, delegatedStake: 5, registered: true, active: nil, fees: nil)
            let stake = SyncedStake(
                chain: .l2, block: 600, blockHash: "0x" + String(repeating: "ab", count: 32), l1Block: 500, accounts: [account], totalActive: total, partial: true)
            return ScannedPoll(
                poll: Address(poll)!, logs: [created(poll, block: block)], stake: stake, decided: true,
                record: ImportRecord(kind: .sync, file: poll, sha256: String(repeating: "0", count: 64), chain: .l2, network: "mainnet", full: false))
        }
        let creator = Address(addr("c0"))!
        let first = try ledger.storePollScan([scanned(addr("91"), block: 100, total: 10)], chain: .l2, creator: creator, scannedTo: 700, links: [:])
        XCTAssertGreaterThan(first.rows, 0)
        XCTAssertEqual(try ledger.pollScan(chain: .l2, creator: creator), 700)
        XCTAssertEqual(try ledger.undecidedPolls(chain: .l2, creator: creator), [])
        // A new poll, then one whose getTotalBonded() at the same block says otherwise.
        XCTAssertThrowsError(
            try ledger.storePollScan(
                [scanned(addr("92"), block: 110, total: 10), scanned(addr("93"), block: 120, total: 11)], chain: .l2, creator: creator, scannedTo: 800, links: [:]))
        XCTAssertEqual(try ledger.pollScan(chain: .l2, creator: creator), 700)
        XCTAssertEqual(try ledger.polls().map(\.address), [Address(addr("91"))!], "poll 0x92 came and went with the failed run")
        XCTAssertEqual(try ledger.snapshots().count, 1)
    }
}
