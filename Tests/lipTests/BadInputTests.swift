import Foundation
import LIPTestSupport
import XCTest

/// Each class of bad input seen in use: a clear error naming the file and the value, the
/// documented exit code, nothing changed, never a trap.
final class BadInputTests: XCTestCase {
    func testAnInvalidLIPTodayIsAnError() throws {
        let ws = try initWorkspace(self)
        for bad in ["garbage", "2025-02-30"] {
            let r = try lip(["new", "--title", "T", "--author", "A (@a)", "--type", "meta"], in: ws, environment: ["LIP_TODAY": bad])
            XCTAssertEqual(r.code, 2)
            XCTAssertEqual(r.stderr, "lip: error: LIP_TODAY `\(bad)` is not a real YYYY-MM-DD date; set it to one, or unset it to use the clock\n")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("LIPs").path), [".gitkeep"])
    }

    func testAMixedCaseAddressWithAWrongChecksumIsNamed() throws {
        let dir = try temporaryDirectory(self)
        let good = "0x38794D2d8e0EB28926A865B546bc68418Dcc0B05"
        let typo = "0x38794d2D8e0EB28926A865B546bc68418Dcc0B05"
        try write(
            "account,delegate,stake\n\(good),,1\n\(good.lowercased().replacingOccurrences(of: "0x3", with: "0x4")),,2\n\(typo.uppercased().replacingOccurrences(of: "0X", with: "0x").replacingOccurrences(of: "387", with: "388")),,3\n",
            "ok.csv", in: dir)
        XCTAssertEqual(
            try lip(["ledger", "import", "snapshot", "ok.csv", "--chain", "l1", "--block", "1", "--db", "l.sqlite"], in: dir).code, 0,
            "checksummed, lowercase and uppercase are accepted")
        try write("account,delegate,stake\n\(typo),,1\n", "typo.csv", in: dir)
        let r = try lip(["ledger", "import", "snapshot", "typo.csv", "--chain", "l1", "--block", "2", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(
            r.stderr,
            "lip: error: typo.csv:2: account `\(typo)` is not an address (its mixed case is not the EIP-55 checksum \(good); a typo? Write it all lowercase to skip the check)\n")
    }

    func testAssignNextToTheLargestNumberIsRefusedNotATrap() throws {
        let ws = try initWorkspace(self)
        let text = "---\nlip: \(Int.max)\ntitle: Last\nauthor: A (@a)\ntype: Meta\nstatus: Draft\ncreated: 2024-01-01\ndiscussions-to: https://x.org/1\n---\n"
        try write(text, "LIPs/LIP-\(Int.max).md", in: ws)
        try write(text.replacingOccurrences(of: "lip: \(Int.max)", with: "lip: <to be assigned>"), "LIPs/LIP-next.md", in: ws)
        let r = try lip(["assign", "next"], in: ws)
        XCTAssertEqual(r.code, 1)
        XCTAssertEqual(r.stderr, "lip: refused: no LIP number follows LIP-\(Int.max): give one with --number N\n")
        XCTAssertEqual(try lip(["assign", "next", "--number", "5"], in: ws).code, 0)
    }

    func testPathsThatAreNotFilesAreNamedInWords() throws {
        let ws = try repositoryCopy(self)
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("LIPs/LIP-125.md"), withIntermediateDirectories: true)
        // lint reports the path as a finding and checks the other files; list lists the others and warns.
        let folder = try lip(["lint"], in: ws)
        XCTAssertEqual(folder.code, 1)
        XCTAssertTrue(folder.stdout.hasPrefix("LIPs/LIP-125.md:1: error[file-unreadable]: is a folder, not a file\n"), folder.stdout)
        XCTAssertEqual(folder.stderr, "6 files checked: 1 error, 0 warnings\n")
        let listed = try lip(["list"], in: ws)
        XCTAssertEqual(listed.code, 0)
        XCTAssertEqual(listed.stderr, "lip: warning: LIPs/LIP-125.md: is a folder, not a file; not listed (`lip lint` reports it)\n")
        XCTAssertEqual(listed.stdout.split(separator: "\n").count, 6, listed.stdout)
        try FileManager.default.removeItem(at: ws.appendingPathComponent("LIPs/LIP-125.md"))
        try FileManager.default.createSymbolicLink(atPath: ws.appendingPathComponent("LIPs/LIP-125.md").path, withDestinationPath: "nowhere.md")
        let dangling = try lip(["lint"], in: ws)
        XCTAssertEqual(dangling.code, 1)
        XCTAssertTrue(dangling.stdout.hasPrefix("LIPs/LIP-125.md:1: error[file-unreadable]: is a link to a file that does not exist\n"), dangling.stdout)
        let named = try lip(["lint", "LIPs/LIP-125.md", "LIPs/LIP-120.md"], in: ws)
        XCTAssertEqual(named.code, 1, named.stderr)
        XCTAssertEqual(named.stderr, "2 files checked: 1 error, 0 warnings\n")
        XCTAssertEqual(try lip(["list", "--format", "json"], in: ws).code, 0)
        try FileManager.default.removeItem(at: ws.appendingPathComponent("LIPs/LIP-125.md"))

        try FileManager.default.createDirectory(at: ws.appendingPathComponent("Polls/LIP-120/result.json"), withIntermediateDirectories: true)
        let advance = try lip(["advance", "120", "accepted"], in: ws)
        XCTAssertEqual(advance.code, 2)
        XCTAssertEqual(advance.stderr, "lip: error: Polls/LIP-120/result.json: cannot read: is a folder, not a file\n")
        try importSample(ws)
        let export = try lip(["poll", "export", "120"], in: ws)
        XCTAssertEqual(export.code, 2)
        XCTAssertEqual(export.stderr, "lip: error: Polls/LIP-120/result.json: cannot read: is a folder, not a file\n")
        try FileManager.default.removeItem(at: ws.appendingPathComponent("Polls/LIP-120/result.json"))

        try FileManager.default.createDirectory(at: ws.appendingPathComponent("out.md"), withIntermediateDirectories: true)
        let output = try lip(["poll", "export", "120", "-o", "out.md"], in: ws)
        XCTAssertEqual(output.code, 2)
        XCTAssertEqual(output.stderr, "lip: error: \(ws.appendingPathComponent("out.md").path): write failed, nothing was changed: is a folder, not a file\n")
        for r in [folder, dangling, advance, export, output] { XCTAssertFalse(r.stderr.contains("NSCocoaErrorDomain"), r.stderr) }
    }

    func testTheIndexIsFoundOutsideCodeAndAMissingReadmeIsAFinding() throws {
        let ws = try initWorkspace(self)
        let text = "---\nlip: 1\ntitle: One\nauthor: A (@a)\ntype: Meta\nstatus: Draft\ncreated: 2024-01-01\ndiscussions-to: https://x.org/1\n---\n"
        try write(text, "LIPs/LIP-1.md", in: ws)
        try write("# LIPs\n\n```md\n## Index\n\n| LIP | Title | Status |\n| --- | --- | --- |\n```\n\n## Index\n\n", "README.md", in: ws)
        XCTAssertEqual(try lip(["index"], in: ws).code, 0)
        let readme = try read("README.md", in: ws)
        XCTAssertTrue(
            readme.hasPrefix("# LIPs\n\n```md\n## Index\n\n| LIP | Title | Status |\n| --- | --- | --- |\n```\n\n## Index\n\n| LIP "),
            "the fenced example stays as it was:\n\(readme)")
        XCTAssertTrue(readme.contains("[1](LIPs/LIP-1.md)"))
        XCTAssertEqual(try lip(["lint"], in: ws).code, 0)
        try FileManager.default.removeItem(at: ws.appendingPathComponent("README.md"))
        let lint = try lip(["lint"], in: ws)
        XCTAssertEqual(lint.code, 1)
        XCTAssertEqual(lint.stdout, "README.md:1: error[index-missing-table]: the workspace has no README.md, so no index lists its LIPs\n  = help: run `lip index` to write it\n")
    }

    func testTitlesWithPipesAndBackslashesSurviveTheIndex() throws {
        let ws = try initWorkspace(self)
        let titles = ["A | B", "A \\| B", "Back\\slash", "Ends with \\", "|lead", "x || y"]
        for (i, title) in titles.enumerated() {
            try write(
                "---\nlip: \(i + 1)\ntitle: \(title)\nauthor: A (@a)\ntype: Meta\nstatus: Draft\ncreated: 2024-01-01\ndiscussions-to: https://x.org/1\n---\n",
                "LIPs/LIP-\(i + 1).md", in: ws)
        }
        XCTAssertEqual(try lip(["index"], in: ws).code, 0)
        let check = try lip(["index", "--check"], in: ws)
        XCTAssertEqual(check.code, 0, check.stdout)
        XCTAssertEqual(try lip(["lint"], in: ws).stdout, "")
    }
}
