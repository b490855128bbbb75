import Foundation
import LIPTestSupport
import XCTest
import LIPKit

final class LedgerCommandTests: XCTestCase {
    func testImportStatusAndVerify() throws {
        let dir = try temporaryDirectory(self)
        func entry(_ a: String, _ d: String, _ stake: String, _ fees: String) -> String {
            "0x" + String(repeating: a, count: 20) + String(repeating: d, count: 20) + stake + fees
        }
        let word = { (hex: String) in String(repeating: "0", count: 64 - hex.count) + hex }
        let entries = [
            entry("11", "aa", word("3635c9adc5dea00000"), word("0")), entry("22", "aa", word("d8d726b7177a80000"), word("38d7ea4c68000")),
            entry("33", "00", word("6f05b59d3b20000"), word("0")), "0x" + String(repeating: "00", count: 104),
        ]
        try Data(("[" + entries.map { "\"\($0)\"" }.joined(separator: ",") + "]").utf8).write(to: dir.appendingPathComponent("lip73.json"))
        let imported = try lip(["ledger", "import", "snapshot", "lip73.json", "--chain", "l1", "--block", "14207040", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(imported.code, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, "lip73.json: snapshot l1@14207040 (lip73): 3 rows added, 0 warnings\n")
        XCTAssertEqual(imported.stderr, "", "no progress when standard error is not a terminal")
        let verify = try lip(
            [
                "ledger", "verify-snapshot", "--block", "14207040", "--db", "l.sqlite", "--root", "0x5b2621f94b8ed87113a5392a2e8a01806a3e54ab0fbb4e8a41bb5814232cabce",
                "--proof", "0x3333333333333333333333333333333333333333",
            ], in: dir)
        XCTAssertEqual(verify.code, 0, verify.stderr)
        assertGolden(verify.stdout, "verify-snapshot.txt")
        let wrong = try lip(["ledger", "verify-snapshot", "--block", "14207040", "--db", "l.sqlite", "--root", "0x" + String(repeating: "ab", count: 32)], in: dir)
        XCTAssertEqual(wrong.code, 1)
        XCTAssertTrue(wrong.stderr.contains("root differs"))
        assertGolden(try lip(["ledger", "status", "--format", "json", "--db", "l.sqlite"], in: dir).stdout, "ledger-status.json")
        XCTAssertEqual(try lip(["ledger", "status", "--db", "l.sqlite"], in: dir).code, 0)
        XCTAssertEqual(try lip(["ledger", "verify-snapshot", "--block", "1", "--db", "l.sqlite"], in: dir).code, 2)
    }

    func testRowsEditedWithSQLite3AreErrorsNamingTableRowAndColumn() throws {
        let dir = try temporaryDirectory(self)
        let db = dir.appendingPathComponent("l.sqlite")
        let account = "0x" + String(repeating: "01", count: 20)
        try write("account,delegate,stake\n\(account),,5\n", "s.csv", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "s.csv", "--chain", "l1", "--block", "7", "--db", "l.sqlite"], in: dir).code, 0)
        let edits: [(sql: String, command: [String], message: String)] = [
            (
                "UPDATE snapshot_accounts SET stake = '12x'", ["verify-snapshot", "--block", "7"],
                "table snapshot_accounts, row snapshot_id 1, account `\(account)`, column stake holds `12x`, not a decimal amount of wei"
            ),
            (
                "UPDATE snapshot_accounts SET stake = '007'", ["verify-snapshot", "--block", "7"],
                "column stake holds `007`, not a decimal amount of wei"
            ),
            (
                "UPDATE snapshot_accounts SET delegate = '0xnot-an-address'", ["verify-snapshot", "--block", "7"],
                "table snapshot_accounts, row snapshot_id 1, account `\(account)`, column delegate holds `0xnot-an-address`, not a lowercase 0x address"
            ),
            (
                "PRAGMA ignore_check_constraints = 1; UPDATE snapshots SET chain = 'l3'", ["status"],
                "table snapshots, row id 1, column chain holds `l3`, not l1 or l2"
            ),
            (
                "UPDATE snapshots SET block = 'seven'", ["status"],
                "table snapshots, row id 1, column block holds `seven`, not an integer"
            ),
            (
                "UPDATE snapshots SET source = 'excel'", ["status"],
                "table snapshots, row id 1, column source holds `excel`, not one of csv, lip73, subgraph"
            ),
        ]
        for edit in edits {
            let copy = dir.appendingPathComponent("edited.sqlite")
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: db, to: copy)
            try sqlite3(copy, edit.sql)
            let r = try lip(["ledger"] + edit.command + ["--db", "edited.sqlite"], in: dir)
            XCTAssertEqual(r.code, 2, "\(edit.sql): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("lip: error: \(copy.path): "), r.stderr)
            XCTAssertTrue(r.stderr.contains(edit.message), "\(edit.sql): \(r.stderr)")
        }
    }

    func testVerifyCatchesARowEditedWithSQLite3() throws {
        let dir = try temporaryDirectory(self)
        var csv = "account,delegate,stake,status,active\n"
        for i in 1...20 { csv += "0x\(String(format: "%040x", i)),0x\(String(format: "%040x", 1 + i % 3)),\(i * 1000),,\(i <= 3)\n" }
        try write(csv, "s.csv", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "s.csv", "--chain", "l1", "--block", "7", "--db", "l.sqlite"], in: dir).code, 0)
        let intact = try lip(["ledger", "verify", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(intact.code, 0, intact.stderr)
        XCTAssertTrue(intact.stdout.hasPrefix("l1 snapshot at block 7: 20 rows intact (sha256 "), intact.stdout)
        // One stake changed by hand, to another canonical amount: nothing but the digest can tell.
        try sqlite3(dir.appendingPathComponent("l.sqlite"), "UPDATE snapshot_accounts SET stake = '5001' WHERE account = '0x\(String(format: "%040x", 5))'")
        let edited = try lip(["ledger", "verify", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(edited.code, 1)
        XCTAssertTrue(edited.stdout.contains("l1 snapshot at block 7: rows changed since the import: stored 20 rows"), edited.stdout)
        XCTAssertTrue(edited.stdout.contains("total 210000; now 20 rows"), edited.stdout)
        XCTAssertEqual(edited.stderr, "lip: 1 snapshot changed since import: re-import it with --replace\n")
    }

    func testALedgerOfANewerLipIsRefusedForReadingAndWriting() throws {
        let dir = try temporaryDirectory(self)
        try write("account,delegate,stake\n0x\(String(repeating: "01", count: 20)),,5\n", "s.csv", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "s.csv", "--chain", "l1", "--block", "7", "--db", "l.sqlite"], in: dir).code, 0)
        try sqlite3(dir.appendingPathComponent("l.sqlite"), "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        for command in [["ledger", "status"], ["ledger", "import", "snapshot", "s.csv", "--chain", "l1", "--block", "8"]] {
            let r = try lip(command + ["--db", "l.sqlite"], in: dir)
            XCTAssertEqual(r.code, 2, "\(command)")
            XCTAssertTrue(r.stderr.contains("written by a newer lip") && r.stderr.contains("v9-from-the-future"), r.stderr)
        }
    }

    func testReadingCommandsCreateNothing() throws {
        let dir = try temporaryDirectory(self)
        for command in [
            ["ledger", "status", "--db", "missing.sqlite"], ["ledger", "verify-snapshot", "--block", "1", "--db", "sub/missing.sqlite"],
            ["poll", "tally", "0x" + String(repeating: "90", count: 20), "--db", "missing.sqlite"],
        ] {
            let r = try lip(command, in: dir)
            XCTAssertEqual(r.code, 2, "\(command)")
            XCTAssertTrue(r.stderr.contains("no ledger there"), r.stderr)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "\(command) left files behind")
        }
        // A workspace without .lip/: tally and export say so and leave no .lip/ behind.
        let ws = try initWorkspace(self)
        let before = try FileManager.default.contentsOfDirectory(atPath: ws.path).sorted()
        for command in [["poll", "tally", "0x" + String(repeating: "90", count: 20)], ["ledger", "status"]] {
            let r = try lip(command, in: ws)
            XCTAssertEqual(r.code, 2, "\(command): \(r.stderr)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ws.path).sorted(), before)
        }
    }

    func testBadInputExitsTwoAndChangesNothing() throws {
        let dir = try temporaryDirectory(self)
        let good = "account,delegate,stake\n0x\(String(repeating: "01", count: 20)),,5\n"
        try write(good, "good.csv", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "good.csv", "--chain", "l1", "--block", "1", "--db", "l.sqlite"], in: dir).code, 0)
        let before = try lip(["ledger", "status", "--format", "json", "--db", "l.sqlite"], in: dir).stdout
        try write(good + "0xnothex,,5\n", "bad.csv", in: dir)
        let bad = try lip(["ledger", "import", "snapshot", "bad.csv", "--chain", "l1", "--block", "2", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(bad.code, 2)
        XCTAssertEqual(bad.stderr, "lip: error: bad.csv:3: account `0xnothex` is not an address (0x + 40 hex digits)\n")
        XCTAssertEqual(try lip(["ledger", "status", "--format", "json", "--db", "l.sqlite"], in: dir).stdout, before)
        let conflict = try lip(["ledger", "import", "snapshot", "bad.csv", "--chain", "l1", "--block", "1", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(conflict.code, 1, "another file for block 1 is refused before it is read")
        try write(good.replacingOccurrences(of: ",5", with: ",6"), "other.csv", in: dir)
        let refused = try lip(["ledger", "import", "snapshot", "other.csv", "--chain", "l1", "--block", "1", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(refused.code, 1)
        XCTAssertTrue(refused.stderr.contains("use --replace"))
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "good.csv", "--chain", "l2", "--block", "1", "--db", "l.sqlite"], in: dir).code, 2, "l2 needs --l1-block")
        XCTAssertEqual(try lip(["ledger", "import", "votes", "good.csv", "--db", "l.sqlite"], in: dir).code, 2, "votes need --poll")
        XCTAssertEqual(try lip(["ledger", "import", "logs", "missing.json", "--chain", "l1", "--db", "l.sqlite"], in: dir).code, 2)
        XCTAssertEqual(try lip(["ledger", "status", "--format", "json", "--db", "l.sqlite"], in: dir).stdout, before)
        XCTAssertEqual(try lip(["ledger", "status"], in: dir).code, 2, "no workspace and no --db")
        XCTAssertEqual(
            try lip(["ledger", "status"], in: dir, environment: ["LIP_LEDGER": dir.appendingPathComponent("l.sqlite").path]).stdout,
            try lip(["ledger", "status", "--db", "l.sqlite"], in: dir).stdout)
    }

    func testSeveralFilesImportOneByOneAndStopAtTheFirstBadOne() throws {
        let dir = try temporaryDirectory(self)
        let poll = "0x" + String(repeating: "90", count: 20)
        try write("voter,choice,block,log_index\n0x\(String(repeating: "01", count: 20)),0,5,0\n", "a.csv", in: dir)
        try write("voter,choice,block,log_index\n0x\(String(repeating: "02", count: 20)),zero,5,1\n", "b.csv", in: dir)
        try write("voter,choice,block,log_index\n0x\(String(repeating: "03", count: 20)),1,5,2\n", "c.csv", in: dir)
        let r = try lip(["ledger", "import", "votes", "a.csv", "b.csv", "c.csv", "--poll", poll, "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(r.stdout, "a.csv: votes for poll 0x9090909090909090909090909090909090909090: 1 row added, 0 warnings\n")
        XCTAssertEqual(r.stderr, "lip: error: b.csv:2: choice `zero` is not a whole number\n")
        XCTAssertTrue(try lip(["ledger", "status", "--format", "json", "--db", "l.sqlite"], in: dir).stdout.contains("\"votes\": 1"))
    }

    func testProgressOnlyOnATerminal() throws {
        let script = "/usr/bin/script"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: script), "no script(1) to give lip a terminal")
        let dir = try temporaryDirectory(self)
        var csv = "account,delegate,stake\n"
        for i in 0..<100_001 { csv += String(format: "0x%040x", i + 1) + ",,1\n" }
        try write(csv, "s.csv", in: dir)
        let command = "\(productsDirectory.appendingPathComponent("lip").path) ledger import snapshot s.csv --chain l1 --block 1 --db l.sqlite"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: script)
        p.arguments = ["-qec", command, "/dev/null"]
        p.currentDirectoryURL = dir
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("\r  100000 rows…"), text)
        XCTAssertTrue(text.contains("s.csv: snapshot l1@1 (csv): 100001 rows added"), text)
    }

    func testTwoProcessesImportAtOnce() throws {
        let dir = try temporaryDirectory(self)
        var files: [String] = []
        for n in 0..<4 {
            var csv = "account,delegate,stake\n"
            for i in 0..<20_000 { csv += String(format: "0x%040x", n * 100_000 + i + 1) + ",,\(i + 1)\n" }
            try write(csv, "s\(n).csv", in: dir)
            files.append("s\(n).csv")
        }
        // Each import runs as its own process, all at once.
        let results = concurrently(files.indices.map { n in ["ledger", "import", "snapshot", files[n], "--chain", "l1", "--block", "\(n + 1)", "--db", "shared.sqlite"] }, in: dir)
        let (codes, errors) = (results.map(\.code), results.map(\.stderr))
        XCTAssertEqual(codes, [0, 0, 0, 0], errors.joined(separator: "\n"))
        let status = try lip(["ledger", "status", "--format", "json", "--db", "shared.sqlite"], in: dir).stdout
        XCTAssertEqual(status.components(separatedBy: "\"accounts\": 20000").count - 1, 4)
    }
}
