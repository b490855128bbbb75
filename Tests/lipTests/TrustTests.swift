import BigInt
import Foundation
import LIPTestSupport
import XCTest

import LIPKit

/// Nothing from outside lies through `lip` (issue: chain text, node answers, saved results, YAML,
/// the Action): each class, as a user meets it, through the built `lip`.
final class TrustTests: XCTestCase {
    static let esc = "\u{1b}"

    func lipFile(_ n: Int, title: String, status: String = "Draft") -> String {
        "---\nlip: \(n)\ntitle: \(title)\nauthor: A (@a)\ntype: Meta\nstatus: \(status)\ncreated: 2024-01-01\ndiscussions-to: https://forum.livepeer.org/t/1\n---\n\n## Abstract\n\nText.\n"
    }

    /// No control character written by a stranger reaches the terminal raw.
    func assertNoRawControl(_ r: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
        for (name, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
            let bad = text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
            XCTAssertTrue(bad.isEmpty, "\(name) has raw controls \(bad.map(\.value)): \(text)", file: file, line: line)
        }
    }

    func testTextFromOutsideNeverReachesTheTerminalRaw() throws {
        let ws = try initWorkspace(self)
        try write(lipFile(5, title: "Evil \(TrustTests.esc)]8;;https://x\u{07}link\(TrustTests.esc)[2J\u{9b}31m"), "LIPs/LIP-5.md", in: ws)
        for args in [["list"], ["show", "5"], ["lint"], ["index", "--check"], ["lint", "--format", "github"]] {
            let r = try lip(args, in: ws)
            assertNoRawControl(r)
        }
        let list = try lip(["list"], in: ws)
        XCTAssertTrue(list.stdout.contains(#"Evil \u{1b}]8;;https://x\u{7}link\u{1b}[2J\u{9b}31m"#), list.stdout)

        // A proposal's title and vote reasons are written on chain by anyone.
        var s = GovernorScenario()
        let o1 = GovernorScenario.address(0x01)
        s.description = "# Fund \(TrustTests.esc)[31mred\(TrustTests.esc)[0m\r\n| forged | row |\n"
        s.votes = [.init(o1, 1, 1000, reason: "yes\r\n## \(TrustTests.esc)[2Jcleared\u{2028}[details=\"x\"]")]
        s.delegations = [o1: o1]
        s.totalSupply = 3000
        let dir = try temporaryDirectory(self)
        try write(s.logsJSON(), "logs.json", in: dir)
        try write(s.stateJSON(), "state.json", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "logs", "logs.json", "--chain", "l2", "--db", "l.sqlite"], in: dir).code, 0)
        XCTAssertEqual(try lip(["ledger", "import", "governor-state", "state.json", "--db", "l.sqlite"], in: dir).code, 0)
        let id = String(s.proposalID)
        for args in [["proposal", "list"], ["proposal", "tally", id], ["proposal", "export", id], ["proposal", "export", id, "--format", "csv"]] {
            let r = try lip(args + ["--db", "l.sqlite"], in: dir)
            XCTAssertEqual(r.code, 0, r.stderr)
            assertNoRawControl(r)
        }
        let forum = try lip(["proposal", "export", id, "--db", "l.sqlite"], in: dir).stdout
        XCTAssertEqual(forum.components(separatedBy: "\n").filter { $0.hasPrefix("#") }.count, 1, "a reason starts no heading: \(forum)")
        XCTAssertEqual(forum.components(separatedBy: "\n").filter { $0.hasPrefix("[details") }.count, 0, forum)
        let csv = try lip(["proposal", "export", id, "--db", "l.sqlite", "--format", "csv"], in: dir).stdout
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 2, "one CSV row per voter: \(csv)")
        let list2 = try lip(["proposal", "list", "--db", "l.sqlite"], in: dir).stdout
        XCTAssertEqual(list2.split(separator: "\n").count, 2, "one row per proposal: \(list2)")
    }

    /// A result.json edited in a pull request (yes and no swapped, result `no`, digest kept) is
    /// refused by export, advance and reconcile --fix, naming the first field that differs.
    func testAnEditedResultIsRefusedWhereTheLedgerCanTallyAgain() throws {
        let ws = try repositoryCopy(self)
        try importSample(ws)
        XCTAssertEqual(try lip(["poll", "tally", "120", "--save"], in: ws).code, 0)
        let url = ws.appendingPathComponent("Polls/LIP-120/result.json")
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        XCTAssertEqual(object["result"] as? String, "yes")
        let (yes, no) = (object["yes"] as! String, object["no"] as! String)
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"yes\": \"\(yes)\"", with: "\"yes\": \"\(no)\"").replacingOccurrences(of: "\"no\": \"\(no)\"", with: "\"no\": \"\(yes)\"")
            .replacingOccurrences(of: "\"result\": \"yes\"", with: "\"result\": \"no\"")
        try text.write(to: url, atomically: true, encoding: .utf8)
        object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        XCTAssertEqual(object["result"] as? String, "no")
        let before = try read("LIPs/LIP-120.md", in: ws)

        let export = try lip(["poll", "export", "120"], in: ws)
        XCTAssertEqual(export.code, 1, export.stderr)
        XCTAssertTrue(export.stderr.contains(#""yes" is "\#(no)" in the file but "\#(yes)" by the ledger"#), export.stderr)
        XCTAssertEqual(export.stdout, "", "nothing exported")
        let advance = try lip(["advance", "120", "rejected"], in: ws)
        XCTAssertEqual(advance.code, 1, advance.stderr)
        XCTAssertTrue(advance.stderr.contains(#""yes" is "\#(no)" in the file"#), advance.stderr)
        let fix = try lip(["reconcile", "--fix"], in: ws)
        XCTAssertEqual(fix.code, 1, fix.stderr)
        XCTAssertTrue(fix.stderr.contains(#""yes" is "\#(no)" in the file"#), fix.stderr)
        XCTAssertEqual(try read("LIPs/LIP-120.md", in: ws), before, "nothing moved")
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), text, "the file is left as it is")

        // Without a ledger the committed file is taken as it is, and the user is told once.
        try FileManager.default.removeItem(at: ws.appendingPathComponent(".lip"))
        let taken = try lip(["advance", "120", "rejected", "--dry-run"], in: ws)
        XCTAssertEqual(taken.code, 0, taken.stderr)
        XCTAssertEqual(
            taken.stderr.components(separatedBy: "is taken as committed").count, 2,
            "said once: \(taken.stderr)")
        let exported = try lip(["poll", "export", "120", "--format", "json"], in: ws)
        XCTAssertEqual(exported.code, 0, exported.stderr)
        XCTAssertEqual(exported.stderr.components(separatedBy: "is taken as committed").count, 2, exported.stderr)
    }

    func testYAMLIsBoundedBeforeAnythingIsExpanded() throws {
        let ws = try initWorkspace(self)
        try write(lipFile(5, title: "Five"), "LIPs/LIP-5.md", in: ws)
        // The billion laughs: 9 aliases on each of 8 levels.
        var bomb = "lip: 5\ncid: Qm\nl0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...8 { bomb += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        try write(bomb, "Polls/LIP-5/poll.yaml", in: ws)
        try write("voter,choice,block,log_index\n", "votes.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "votes", "votes.csv", "--poll", "0x" + String(repeating: "22", count: 20)], in: ws).code, 0)
        let r = try lip(["poll", "tally", "5"], in: ws)
        XCTAssertEqual(r.code, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("Polls/LIP-5/poll.yaml: uses 72 YAML aliases; lip reads at most 16"), r.stderr)
        // Few aliases, but a large expansion: counted without expanding it.
        var wide = "lip: 5\ncid: Qm\nl0: &l0 [" + Array(repeating: "\"x\"", count: 200).joined(separator: ",") + "]\n"
        for level in 1...7 { wide += "l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
        try write(wide, "Polls/LIP-5/poll.yaml", in: ws)
        let w = try lip(["poll", "tally", "5"], in: ws)
        XCTAssertEqual(w.code, 2, w.stderr)
        XCTAssertTrue(w.stderr.contains("Polls/LIP-5/poll.yaml: holds more than 10000 YAML nodes"), w.stderr)
        // Over 1 MiB.
        try write("lip: 5\ncid: Qm\n#" + String(repeating: "x", count: 1 << 20) + "\n", "Polls/LIP-5/poll.yaml", in: ws)
        let big = try lip(["poll", "tally", "5"], in: ws)
        XCTAssertEqual(big.code, 2, big.stderr)
        XCTAssertTrue(big.stderr.contains("Polls/LIP-5/poll.yaml: is 1048593 bytes of YAML; lip reads at most 1048576"), big.stderr)
        // networks.yaml, before any node is asked.
        try write(bomb.replacingOccurrences(of: "lip: 5\ncid: Qm\n", with: ""), "networks.yaml", in: ws)
        let sync = try lip(["ledger", "sync", "poll", "0x" + String(repeating: "11", count: 20), "--network", "devnet", "--rpc", "http://127.0.0.1:9/KEY"], in: ws)
        XCTAssertEqual(sync.code, 2, sync.stderr)
        XCTAssertTrue(sync.stderr.contains("networks.yaml: uses 72 YAML aliases"), sync.stderr)
    }

    func testForcedMovesAreValidatedRecords() throws {
        let ws = try initWorkspace(self)
        try write(lipFile(5, title: "Five", status: "Accepted"), "LIPs/LIP-5.md", in: ws)
        XCTAssertEqual(try lip(["index"], in: ws).code, 0)
        let record = ws.appendingPathComponent("Polls/LIP-5/forced.yaml")
        try FileManager.default.createDirectory(at: record, withIntermediateDirectories: true)
        var r = try lip(["reconcile"], in: ws)
        XCTAssertEqual(r.code, 2, r.stderr)
        XCTAssertEqual(r.stderr, "lip: error: Polls/LIP-5/forced.yaml: cannot read: is a folder, not a file\n")
        try FileManager.default.removeItem(at: record)
        for (content, message) in [
            ("", "not a record of forced moves"), ("# only a comment\n", "not a record of forced moves"), ("just: a map\n", "not a record of forced moves"),
            ("- date: 2024-01-01\n  from: Proposed\n  to: Accepted\n  overrode:\n    - a guard\n", "move 1: `reason` is missing"),
            ("- date: soon\n  from: Proposed\n  to: Accepted\n  reason: r\n  overrode: [g]\n", "move 1: date `soon` is not a YYYY-MM-DD date"),
            ("- date: 2024-01-01\n  from: Proposed\n  to: Acepted\n  reason: r\n  overrode: [g]\n", "move 1: to `Acepted` is not a LIP status"),
        ] {
            try write(content, "Polls/LIP-5/forced.yaml", in: ws)
            r = try lip(["reconcile"], in: ws)
            XCTAssertEqual(r.code, 2, "\(content): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("Polls/LIP-5/forced.yaml: \(message)"), r.stderr)
        }
        try write(
            "- date: 2024-01-01\n  from: \"Proposed\"\n  to: \"Accepted\"\n  reason: \"decided by the editors\"\n  overrode:\n    - \"a guard\"\n", "Polls/LIP-5/forced.yaml",
            in: ws)
        r = try lip(["reconcile"], in: ws)
        XCTAssertEqual(r.code, 0, r.stderr + r.stdout)
    }

    func testAnRPCURLTypedAnywhereIsShownByHostOnly() throws {
        let dir = try temporaryDirectory(self)
        for args in [
            ["ledger", "sync", "poll", "https://user:KEY1@node.example.org/v2/KEY2?key=KEY3", "0x" + String(repeating: "11", count: 20)],
            ["ledger", "sync", "poll", "0x" + String(repeating: "11", count: 20), "--rpcurl", "https://node.example.org/v2/KEY2"],
            ["lint", "--bogus=wss://node.example.org/KEY2"],
        ] {
            let r = try lip(args, in: dir)
            XCTAssertEqual(r.code, 2, r.stderr)
            XCTAssertFalse(r.stderr.contains("KEY"), r.stderr)
        }
        // The URL typed where the poll belongs, with a workspace-less --db: named by host only.
        let r = try lip(["poll", "tally", "https://user:KEY1@node.example.org/v2/KEY2", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(r.code, 2, r.stderr)
        XCTAssertFalse(r.stderr.contains("KEY"), r.stderr)
        XCTAssertEqual(
            RedactedURLs.redact("see 'https://u:KEY@node.example.org:8545/v2/KEY?k=KEY' and wss://x.example/KEY"), "see 'https://node.example.org:8545' and wss://x.example")
        XCTAssertEqual(RedactedURLs.redact("http://127.0.0.1:8545: eth_chainId: no (see http://a.example/KEY)."), "http://127.0.0.1:8545: eth_chainId: no (see http://a.example).")
    }

    func testAHandEditedGovernorLedgerIsAnErrorNeverATrap() throws {
        var s = GovernorScenario()
        let o1 = GovernorScenario.address(0x01)
        s.votes = [.init(o1, 1, 1000)]
        s.delegations = [o1: o1]
        s.totalSupply = 3000
        for edit in [
            "UPDATE proposal_votes SET weight = '-5'", "UPDATE proposal_votes SET voter = 42", "UPDATE proposals SET targets = '[\"0xnot\"]'",
            "UPDATE proposal_views SET total_supply = 'lots'",
            "INSERT INTO proposal_events (governor, proposal, kind, eta, block) SELECT governor, id, 'queued', 'soon', 1 FROM proposals",
        ] {
            let dir = try temporaryDirectory(self)
            try write(s.logsJSON(), "logs.json", in: dir)
            try write(s.stateJSON(), "state.json", in: dir)
            XCTAssertEqual(try lip(["ledger", "import", "logs", "logs.json", "--chain", "l2", "--db", "l.sqlite"], in: dir).code, 0)
            XCTAssertEqual(try lip(["ledger", "import", "governor-state", "state.json", "--db", "l.sqlite"], in: dir).code, 0)
            try sqlite3(dir.appendingPathComponent("l.sqlite"), edit)
            for args in [["proposal", "tally", String(s.proposalID)]] {
                let r = try lip(args + ["--db", "l.sqlite"], in: dir)
                XCTAssertEqual(r.code, 2, "\(edit): \(args): \(r.stderr)")
                XCTAssertTrue(r.stderr.hasPrefix("lip: error: ") && r.stderr.contains("edited outside lip"), "\(edit): \(r.stderr)")
            }
        }
    }
}
