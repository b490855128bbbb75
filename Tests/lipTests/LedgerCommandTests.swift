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
        let entries = [entry("11", "aa", word("3635c9adc5dea00000"), word("0")), entry("22", "aa", word("d8d726b7177a80000"), word("38d7ea4c68000")),
                       entry("33", "00", word("6f05b59d3b20000"), word("0")), "0x" + String(repeating: "00", count: 104)]
        try Data(("[" + entries.map { "\"\($0)\"" }.joined(separator: ",") + "]").utf8).write(to: dir.appendingPathComponent("lip73.json"))
        let imported = try lip(["ledger", "import", "snapshot", "lip73.json", "--chain", "l1", "--block", "14207040", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(imported.code, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, "lip73.json: snapshot l1@14207040 (lip73): 3 rows added, 0 warnings\n")
        XCTAssertEqual(imported.stderr, "", "no progress when standard error is not a terminal")
        let verify = try lip(["ledger", "verify-snapshot", "--block", "14207040", "--db", "l.sqlite", "--root", "0x5b2621f94b8ed87113a5392a2e8a01806a3e54ab0fbb4e8a41bb5814232cabce",
                              "--proof", "0x3333333333333333333333333333333333333333"], in: dir)
        XCTAssertEqual(verify.code, 0, verify.stderr)
        assertGolden(verify.stdout, "verify-snapshot.txt")
        let wrong = try lip(["ledger", "verify-snapshot", "--block", "14207040", "--db", "l.sqlite", "--root", "0x" + String(repeating: "ab", count: 32)], in: dir)
        XCTAssertEqual(wrong.code, 1)
        XCTAssertTrue(wrong.stderr.contains("root differs"))
        assertGolden(try lip(["ledger", "status", "--format", "json", "--db", "l.sqlite"], in: dir).stdout, "ledger-status.json")
        XCTAssertEqual(try lip(["ledger", "status", "--db", "l.sqlite"], in: dir).code, 0)
        XCTAssertEqual(try lip(["ledger", "verify-snapshot", "--block", "1", "--db", "l.sqlite"], in: dir).code, 2)
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
        XCTAssertEqual(try lip(["ledger", "status"], in: dir, environment: ["LIP_LEDGER": dir.appendingPathComponent("l.sqlite").path]).stdout,
                       try lip(["ledger", "status", "--db", "l.sqlite"], in: dir).stdout)
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
        let results = ResultsBox(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { n in
            let r = try? lip(["ledger", "import", "snapshot", files[n], "--chain", "l1", "--block", "\(n + 1)", "--db", "shared.sqlite"], in: dir)
            results.set(n, code: r?.code ?? -2, error: r?.stderr ?? "")
        }
        let (codes, errors) = (results.codes, results.errors)
        XCTAssertEqual(codes, [0, 0, 0, 0], errors.joined(separator: "\n"))
        let status = try lip(["ledger", "status", "--format", "json", "--db", "shared.sqlite"], in: dir).stdout
        XCTAssertEqual(status.components(separatedBy: "\"accounts\": 20000").count - 1, 4)
    }
}

/// Exit codes and messages collected from several threads.
final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var codes: [Int32]
    private(set) var errors: [String]
    init(count: Int) {
        codes = Array(repeating: -1, count: count)
        errors = Array(repeating: "", count: count)
    }
    func set(_ n: Int, code: Int32, error: String) {
        lock.lock()
        codes[n] = code
        errors[n] = error
        lock.unlock()
    }
}
