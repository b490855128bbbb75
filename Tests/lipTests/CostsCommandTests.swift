import Foundation
import LIPTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif
import XCTest

/// `lip ledger import gas`, `lip ledger import gas-prices` and `lip costs` as a user runs them.
final class CostsCommandTests: XCTestCase {
    /// 2026-01-01 00:00:00 UTC.
    static let day = 1_767_225_600

    /// A workspace with a benchmark set, three days of L1 and L2 prices, and ETH/USD.
    func workspace() throws -> URL {
        let dir = try temporaryDirectory(self)
        // Columns in the header's order; bond measured three times on L2 (its median 467249), one of
        // them an Arbitrum receipt's; reward's L2 receipt carries gasUsedForL1 (its L1 data fee).
        let tx = { (byte: String) in "0x" + String(repeating: byte, count: 32) }
        try write(
            "chain,operation,gas,tx,gas_used_for_l1,source\nl1,bond,642642,,,https://example.org/bond\nl2,bond,467249,\(tx("ab")),,\nl2,bond,298000,\(tx("ac")),,\n"
                + "l2,bond,650200,\(tx("ad")),120000,\nl1,reward,575598,\(tx("ae")),,\nl2,reward,575598,\(tx("af")),90000,\nl2,vote,60000,,,\n",
            "gas.csv", in: dir)
        var l1 = "block,timestamp,base_fee_wei,priority_fee_wei\n", l2 = l1
        for i in 0..<12 {
            // Every 6 hours over three days; a sample exactly at midnight of the 3rd is of the 3rd.
            l1 += "\(1000 + i),\(Self.day + i * 21_600),\((12 + i * 7 % 11) * 1_000_000_000),\(i % 3 * 1_000_000_000)\n"
            l2 += "\(500_000 + i * 100),\(Self.day + i * 21_600 + 60),\(10_000_000 + i * 1_000_000),0\n"
        }
        try write(l1, "l1.csv", in: dir)
        try write(l2, "l2.csv", in: dir)
        try write("date,usd\n2026-01-01,3000.5\n2026-01-02,3100.25\n2026-01-03,2999.99999999\n", "eth-usd.csv", in: dir)
        for args in [["gas", "gas.csv", "--set", "devnet-2026-12"], ["gas-prices", "l1.csv", "--chain", "l1"], ["gas-prices", "l2.csv", "--chain", "l2"]] {
            let r = try lip(["ledger", "import"] + args + ["--db", "l.sqlite"], in: dir)
            XCTAssertEqual(r.code, 0, r.stderr)
        }
        return dir
    }

    func testTheReportInEveryFormat() throws {
        let dir = try workspace()
        let text = try lip(["costs", "--db", "l.sqlite", "--eth-usd", "eth-usd.csv"], in: dir)
        XCTAssertEqual(text.code, 0, text.stderr)
        assertGolden(text.stdout, "costs.txt")
        for (format, golden) in [("json", "costs.json"), ("csv", "costs.csv"), ("forum", "costs-forum.md"), ("svg", "costs.svg")] {
            let r = try lip(["costs", "--db", "l.sqlite", "--eth-usd", "eth-usd.csv", "--format", format], in: dir)
            XCTAssertEqual(r.code, 0, r.stderr)
            assertGolden(r.stdout, golden)
        }
        let svg = try lip(["costs", "--db", "l.sqlite", "--format", "svg"], in: dir).stdout
        XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse(), "well-formed SVG")
        // A window of one day (UTC): only that day's samples, and the digest changes with them.
        let all = try JSONSerialization.jsonObject(with: Data(try lip(["costs", "--db", "l.sqlite", "--format", "json"], in: dir).stdout.utf8)) as? [String: Any]
        let one = try lip(["costs", "--db", "l.sqlite", "--format", "json", "--from", "2026-01-03", "--to", "2026-01-03"], in: dir)
        XCTAssertEqual(one.code, 0, one.stderr)
        let window = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(((window["samples"] as? [String: Any])?["l1"] as? [String: Any])?["count"] as? Int, 4, "the 3rd: 00:00, 06:00, 12:00, 18:00")
        XCTAssertEqual(((window["samples"] as? [String: Any])?["l1"] as? [String: Any])?["firstBlock"] as? Int, 1008)
        XCTAssertNotEqual(window["inputsDigest"] as? String, all?["inputsDigest"] as? String)
        // Dates before 1582 are proleptic Gregorian like every other: no trap, no Julian shift.
        let old = try lip(["costs", "--db", "l.sqlite", "--from", "1500-02-01", "--to", "1500-02-28"], in: dir)
        XCTAssertEqual(old.code, 0, old.stderr)
        XCTAssertTrue(old.stdout.contains("no l1 gas price samples in the window (1500-02-01 to 1500-02-28)"), old.stdout)
        let none = try lip(["costs", "--db", "l.sqlite", "--format", "json", "--from", "2027-01-01"], in: dir)
        XCTAssertEqual(none.code, 0, none.stderr)
        XCTAssertTrue(none.stdout.contains("\"l1\": null") && none.stdout.contains("no l1 gas price samples in the window (2027-01-01 to the end)"), none.stdout)
        // -o writes the file, and the same inputs give the same bytes.
        XCTAssertEqual(try lip(["costs", "--db", "l.sqlite", "--eth-usd", "eth-usd.csv", "--format", "forum", "-o", "post.md"], in: dir).code, 0)
        XCTAssertEqual(try read("post.md", in: dir), try lip(["costs", "--db", "l.sqlite", "--eth-usd", "eth-usd.csv", "--format", "forum"], in: dir).stdout)
    }

    /// Everything printed passes one gate: a file name with a line break, a fence and an escape
    /// sequence neither breaks the post's reproduce block nor reaches a terminal raw, on standard
    /// output or in the file -o writes.
    func testFileNamesAndOutputFilesPassTheGate() throws {
        let dir = try workspace()
        let name = "e\u{1b}[2J\n```\nx.csv"
        try FileManager.default.copyItem(at: dir.appendingPathComponent("eth-usd.csv"), to: dir.appendingPathComponent(name))
        let out = try lip(["costs", "--db", "l.sqlite", "--eth-usd", name, "--format", "forum"], in: dir)
        XCTAssertEqual(out.code, 0, out.stderr)
        XCTAssertEqual(try lip(["costs", "--db", "l.sqlite", "--eth-usd", name, "--format", "forum", "-o", "post.md"], in: dir).code, 0)
        let file = try read("post.md", in: dir)
        XCTAssertEqual(file, out.stdout, "the file holds what standard output shows")
        for text in [out.stdout, file] {
            XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B }, "no raw ESC")
            // The reproduce block: one command per line, the name in ANSI-C quotes.
            XCTAssertTrue(text.contains("\nlip costs --set devnet-2026-12 --eth-usd $'e\\x1b[2J\\n```\\nx.csv' --format forum\n```\n"), text)
            // Fences: the chart's and the reproduce block's, each opened and closed once.
            XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("```") }.count, 4, text)
        }
    }

    func testImportsAreIdempotentAndASetIsReplacedOnlyWhenAsked() throws {
        let dir = try workspace()
        let again = try lip(["ledger", "import", "gas", "gas.csv", "--set", "devnet-2026-12", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(again.code, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("0 rows added, 7 already present"), again.stdout)
        let prices = try lip(["ledger", "import", "gas-prices", "l1.csv", "--chain", "l1", "--db", "l.sqlite"], in: dir)
        XCTAssertTrue(prices.stdout.contains("0 rows added, 12 already present"), prices.stdout)
        try write("operation,chain,gas\nbond,l1,1\n", "other.csv", in: dir)
        let refused = try lip(["ledger", "import", "gas", "other.csv", "--set", "devnet-2026-12", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(refused.code, 2)
        XCTAssertTrue(
            refused.stderr.contains("the ledger's set devnet-2026-12 has other l1 rows (2 of them): import them under another --set name, or add --replace to replace its l1 rows"),
            refused.stderr)
        XCTAssertEqual(try lip(["ledger", "import", "gas", "other.csv", "--set", "devnet-2026-12", "--replace", "--db", "l.sqlite"], in: dir).code, 0)
        // --replace replaced the L1 rows only: reward keeps its L2 measurement and has no L1 any more.
        let json = try JSONSerialization.jsonObject(with: Data(try lip(["costs", "--db", "l.sqlite", "--format", "json"], in: dir).stdout.utf8)) as? [String: Any]
        let operations = try XCTUnwrap(json?["operations"] as? [[String: Any]])
        let reward = try XCTUnwrap(operations.first { $0["operation"] as? String == "reward" })
        XCTAssertTrue(reward["l1"] is NSNull)
        XCTAssertEqual((reward["l2"] as? [String: Any])?["gas"] as? String, "575598")
        XCTAssertEqual(((operations.first { $0["operation"] as? String == "bond" })?["l1"] as? [String: Any])?["gas"] as? String, "1")
        // A set is built chain by chain: a file of the chain it lacks adds to it.
        try write("operation,chain,gas\nvote,l2,7\n", "l2only.csv", in: dir)
        try write("operation,chain,gas\nvote,l1,9\n", "l1only.csv", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "gas", "l2only.csv", "--set", "built", "--db", "l.sqlite"], in: dir).code, 0)
        let added = try lip(["ledger", "import", "gas", "l1only.csv", "--set", "built", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(added.code, 0, added.stderr)
        XCTAssertTrue(added.stdout.contains("1 row added"), added.stdout)
        let built = try lip(["costs", "--set", "built", "--db", "l.sqlite", "--format", "json"], in: dir).stdout
        XCTAssertTrue(built.contains("\"gas\": \"9\"") && built.contains("\"gas\": \"7\""), built)
        // The default set is the one stored last.
        try write("operation,chain,gas\nvote,l1,5\n", "second.csv", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "gas", "second.csv", "--set", "second", "--db", "l.sqlite"], in: dir).code, 0)
        XCTAssertTrue(try lip(["costs", "--db", "l.sqlite", "--format", "json"], in: dir).stdout.contains("\"set\": \"second\""))
        let unknown = try lip(["costs", "--set", "third", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(unknown.code, 2)
        XCTAssertTrue(unknown.stderr.contains("no gas benchmark set third (it has: devnet-2026-12, built, second)"), unknown.stderr)
    }

    func testBadInputIsNamedWithExitTwoAndTheLedgerUnchanged() throws {
        let dir = try workspace()
        let before = try sqlite3(dir.appendingPathComponent("l.sqlite"), ".dump")
        let cases: [(file: String, args: [String], message: String)] = [
            ("operation,chain,gas\nbond,l1,-5\n", ["gas", "--set", "x"], "bad.csv:2: gas `-5` is not a non-negative whole number"),
            ("operation,chain,gas\nbond,l1,1.5\n", ["gas", "--set", "x"], "bad.csv:2: gas `1.5` is not a non-negative whole number"),
            ("operation,chain,gas\nbond,l3,1\n", ["gas", "--set", "x"], "bad.csv:2: chain `l3` is not l1 or l2"),
            (
                "operation,chain,gas\nbond,l1,1\nvote,l1,2\nbond,l1,3\n", ["gas", "--set", "x"],
                "bad.csv:4: operation bond on l1 appears twice without a transaction (first at line 2)"
            ),
            (
                "operation,chain,gas,tx\nbond,l2,1,0x\(String(repeating: "ab", count: 32))\nbond,l2,3,0x\(String(repeating: "AB", count: 32))\n", ["gas", "--set", "x"],
                "bad.csv:3: operation bond on l2 measures transaction 0x\(String(repeating: "ab", count: 32)) twice (first at line 2)"
            ),
            (
                "operation,chain,gas,tx\nbond,l2,1,0x\(String(repeating: "ab", count: 32))\nbond,l2,3,\n", ["gas", "--set", "x"],
                "bad.csv:3: operation bond on l2 appears twice, once without a transaction (first at line 2)"
            ),
            ("operation,chain,gas,gas_used_for_l1\nbond,l1,10,5\n", ["gas", "--set", "x"], "bad.csv:2: gas_used_for_l1 is Arbitrum's (an l2 receipt's), not l1's"),
            ("operation,chain,gas,gas_used_for_l1\nbond,l2,10,11\n", ["gas", "--set", "x"], "bad.csv:2: gas_used_for_l1 11 is more than gas 10, which includes it"),
            ("operation,chain,gas,source\nbond,l1,10,\"a\u{1b}[2Jb\"\n", ["gas", "--set", "x"], "bad.csv:2: source `a\\u{1b}[2Jb` is not one line of visible text"),
            ("operation,chain,gas,fee\nbond,l1,10,5\n", ["gas", "--set", "x"], "bad.csv:1: unknown column `fee`"),
            ("operation,chain,gas\nbo nd,l1,1\n", ["gas", "--set", "x"], "bad.csv:2: operation `bo nd` is not a label"),
            ("operation,chain,gas,tx\nbond,l1,1,0x12\n", ["gas", "--set", "x"], "bad.csv:2: tx `0x12` is not a transaction hash"),
            ("operation,chain,gas\nbond,l1,1\n", ["gas", "--set", "a b"], "--set `a b` is not a name"),
            (
                "block,timestamp,base_fee_wei,priority_fee_wei\n7,100,12gwei,0\n", ["gas-prices", "--chain", "l1"],
                "bad.csv:2: base_fee_wei `12gwei` is not a non-negative whole number of wei"
            ),
            ("block,timestamp,base_fee_wei,priority_fee_wei\n7,100,12,-1\n", ["gas-prices", "--chain", "l1"], "bad.csv:2: priority_fee_wei `-1` is not"),
            ("block,timestamp,base_fee_wei,priority_fee_wei\n7,1.5,12,0\n", ["gas-prices", "--chain", "l1"], "bad.csv:2: timestamp `1.5` is not Unix seconds"),
            (
                "block,timestamp,base_fee_wei,priority_fee_wei\n9999,1,1,0\n1001,\(Self.day + 21_600),999,0\n", ["gas-prices", "--chain", "l1"],
                "bad.csv:3: block 1001 on l1 has timestamp \(Self.day + 21_600), base fee 999, priority fee 0, but the ledger has timestamp \(Self.day + 21_600), base fee 19000000000, priority fee 1000000000 for it"
            ),
        ]
        for c in cases {
            try write(c.file, "bad.csv", in: dir)
            let r = try lip(["ledger", "import", c.args[0], "bad.csv"] + c.args.dropFirst() + ["--db", "l.sqlite"], in: dir)
            XCTAssertEqual(r.code, 2, "\(c.message): \(r.stdout)")
            XCTAssertTrue(r.stderr.contains(c.message), "\(c.message)\n\(r.stderr)")
            XCTAssertEqual(try sqlite3(dir.appendingPathComponent("l.sqlite"), ".dump"), before, c.message)
        }
        // Reports: an ETH/USD file that lacks a day, a bad price, bad dates.
        try write("date,usd\n2026-01-01,3000\n", "short.csv", in: dir)
        try write("date,usd\n2026-01-01,3000\n2026-01-01,3001\n", "twice.csv", in: dir)
        for (args, message) in [
            (["--eth-usd", "short.csv"], "short.csv: no ETH/USD price for 2026-01-02 (block 1004 on l1 is of that day)"),
            (["--eth-usd", "twice.csv"], "twice.csv:3: 2026-01-01 appears twice (first on line 2)"),
            (["--from", "2026-02-30"], "The value '2026-02-30' is invalid for '--from <YYYY-MM-DD>'"),
            (["--from", "2026-01-03", "--to", "2026-01-01"], "--to 2026-01-01 is before --from 2026-01-03"),
        ] {
            let r = try lip(["costs", "--db", "l.sqlite"] + args, in: dir)
            XCTAssertEqual(r.code, 2, message)
            XCTAssertTrue(r.stderr.contains(message), "\(message)\n\(r.stderr)")
        }
        // A ledger edited outside lip: each bad cell of a sample is named, read however the report reads it.
        for (sql, message) in [
            (
                "UPDATE gas_prices SET base_fee = '12gwei' WHERE chain = 'l1' AND block = 1003",
                "row chain `l1`, block 1003, column base_fee holds `12gwei`, not a decimal amount of wei"
            ),
            (
                "UPDATE gas_prices SET priority_fee = '007' WHERE chain = 'l2' AND block = 500100",
                "row chain `l2`, block 500100, column priority_fee holds `007`, not a decimal amount of wei"
            ),
            ("UPDATE gas_prices SET timestamp = 'noon' WHERE chain = 'l2' AND block = 500200", "row chain `l2`, block 500200, column timestamp holds `noon`, not an integer"),
            ("UPDATE gas_prices SET block = 'x' WHERE chain = 'l1' AND block = 1001", "row chain `l1`, block `x`, column block holds `x`, not an integer"),
        ] {
            let edited = try temporaryDirectory(self)
            try FileManager.default.copyItem(at: dir.appendingPathComponent("l.sqlite"), to: edited.appendingPathComponent("l.sqlite"))
            try sqlite3(edited.appendingPathComponent("l.sqlite"), sql)
            let r = try lip(["costs", "--db", "l.sqlite"], in: edited)
            XCTAssertEqual(r.code, 2, sql)
            XCTAssertTrue(r.stderr.contains("table gas_prices, \(message)"), "\(message)\n\(r.stderr)")
        }
        let empty = try temporaryDirectory(self)
        try write("account,delegate,stake\n", "s.csv", in: empty)
        XCTAssertEqual(try lip(["ledger", "import", "snapshot", "s.csv", "--chain", "l1", "--block", "1", "--db", "l.sqlite"], in: empty).code, 0)
        let none = try lip(["costs", "--db", "l.sqlite"], in: empty)
        XCTAssertEqual(none.code, 2)
        XCTAssertTrue(none.stderr.contains("the ledger has no gas benchmarks: import a set with `lip ledger import gas FILE --set NAME`"), none.stderr)
    }

    /// Costs/sample is what `lip-dev sample-costs` writes from its own gas.csv, and the Quick start's
    /// report of it is the golden one.
    func testTheShippedSampleIsWhatTheGeneratorWritesAndReports() throws {
        let dir = try temporaryDirectory(self)
        let sample = packageRoot.appendingPathComponent("Costs/sample")
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("lip-dev")
        process.arguments = ["sample-costs", sample.appendingPathComponent("l2-gas.csv").path, dir.appendingPathComponent("out").path]
        process.currentDirectoryURL = dir
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for file in ["l2-gas.csv", "l1-prices.csv", "l2-prices.csv", "eth-usd.csv"] {
            XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("out/\(file)")), try Data(contentsOf: sample.appendingPathComponent(file)), file)
        }
        for args in [
            ["gas", sample.appendingPathComponent("l2-gas.csv").path, "--set", "confluence-sample"],
            ["gas", sample.appendingPathComponent("l1-gas.csv").path, "--set", "confluence-sample"],
            ["gas-prices", sample.appendingPathComponent("l1-prices.csv").path, "--chain", "l1"],
            ["gas-prices", sample.appendingPathComponent("l2-prices.csv").path, "--chain", "l2"],
        ] {
            XCTAssertEqual(try lip(["ledger", "import"] + args + ["--db", "l.sqlite"], in: dir).code, 0)
        }
        let report = try lip(["costs", "--set", "confluence-sample", "--eth-usd", sample.appendingPathComponent("eth-usd.csv").path, "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(report.code, 0, report.stderr)
        assertGolden(report.stdout, "sample-costs.txt")
        // The sample's L1 is only what was measured on L1: no L2 figure is copied to L1.
        XCTAssertTrue(report.stdout.contains("redeemWinningTicket  l1"), report.stdout)
        XCTAssertFalse(report.stdout.contains("reward               l1"), report.stdout)
        XCTAssertTrue(report.stdout.contains("L2 gas is execution only for"), report.stdout)
    }
}
