import LIPTestSupport
import XCTest

final class DocumentCommandTests: XCTestCase {
    func testInitMakesAWorkspaceOnce() throws {
        let ws = try initWorkspace(self)
        for path in ["LIPs", "Polls", "Templates/LIP-X.md", "README.md", ".gitignore"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: ws.appendingPathComponent(path).path), path)
        }
        XCTAssertEqual(try read(".gitignore", in: ws), ".lip/\n")
        assertGolden(try read("README.md", in: ws), "init-README.md")
        let existing = try temporaryDirectory(self)
        try write("node_modules/", ".gitignore", in: existing)
        XCTAssertEqual(try lip(["init"], in: existing).code, 0)
        XCTAssertEqual(try read(".gitignore", in: existing), "node_modules/\n.lip/\n", "an existing .gitignore gains .lip/")
        let again = try lip(["init", ws.path], in: ws)
        XCTAssertEqual(again.code, 1)
        XCTAssertTrue(again.stderr.contains("is a workspace already"), again.stderr)
        XCTAssertEqual(try lip(["lint"], in: ws).code, 0)
    }

    func testNewAssignListShow() throws {
        let ws = try initWorkspace(self)
        let new = try lip(
            [
                "new", "--title", "Treasury Reward Cut", "--author", "Ann (@ann)", "--type", "parameter",
                "--discussions-to", "https://forum.livepeer.org/t/treasury/1", "--requires", "1",
            ], in: ws)
        XCTAssertEqual(new.code, 0, new.stderr)
        assertGolden(try read("LIPs/LIP-treasury-reward-cut.md", in: ws), "new-LIP-treasury-reward-cut.md")
        let dup = try lip(["new", "--title", "Treasury Reward Cut", "--author", "B", "--type", "meta"], in: ws)
        XCTAssertEqual(dup.code, 1)
        XCTAssertTrue(dup.stderr.contains("LIPs/LIP-treasury-reward-cut.md exists already"), dup.stderr)
        let escape = try lip(["new", "--title", "X", "--author", "B", "--type", "meta", "--slug", "../../etc/x"], in: ws)
        XCTAssertEqual(escape.code, 2)
        XCTAssertTrue(escape.stderr.contains("must name a file inside LIPs/"), escape.stderr)
        XCTAssertEqual(try lip(["new", "--title", "X", "--author", "B", "--type", "nonsense"], in: ws).code, 2)

        XCTAssertEqual(try lip(["new", "--title", "Second Idea", "--author", "Bo (@bo)", "--type", "meta", "--discussions-to", "https://forum.livepeer.org/t/2"], in: ws).code, 0)
        let assign = try lip(["assign", "second-idea"], in: ws)
        XCTAssertEqual(assign.code, 0, assign.stderr)
        XCTAssertEqual(assign.stdout, "assigned LIP-1: LIPs/LIP-1.md, index row added to README.md\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.appendingPathComponent("LIPs/LIP-second-idea.md").path))
        let taken = try lip(["assign", "treasury-reward-cut", "--number", "1"], in: ws)
        XCTAssertEqual(taken.code, 1)
        XCTAssertTrue(taken.stderr.contains("LIP-1 is taken"), taken.stderr)
        XCTAssertEqual(try lip(["assign", "treasury-reward-cut", "--number", "7"], in: ws).code, 0)
        XCTAssertEqual(try lip(["assign", "no-such-draft"], in: ws).code, 2)
        assertGolden(try read("README.md", in: ws), "assign-README.md")
        XCTAssertEqual(try lip(["lint"], in: ws).code, 0)
        XCTAssertEqual(try lip(["index", "--check"], in: ws).code, 0)

        assertGolden(try lip(["list"], in: ws).stdout, "list.txt")
        assertGolden(try lip(["list", "--format", "json", "--type", "parameter"], in: ws).stdout, "list-parameter.json")
        XCTAssertEqual(try lip(["list", "--status", "final"], in: ws).stdout, "LIP  Status  Type  Title\n")
        assertGolden(try lip(["show", "7"], in: ws).stdout, "show-7.txt")
        assertGolden(try lip(["show", "7", "--format", "json"], in: ws).stdout, "show-7.json")
        XCTAssertEqual(try lip(["show", "99"], in: ws).code, 2)
    }

    func testNewUsesTheRootTemplateOfTheRealRepository() throws {
        let ws = try temporaryDirectory(self)
        try write("# LIPs\n\n## Index\n\n| LIP | Title | Status |\n| --- | ----- | ------ |\n", "README.md", in: ws)
        try write(
            """
            ---
            lip: <to be assigned>
            title: <LIP Title>
            author: <list of authors' names and/or username(s)>
            type: <Standard Track | Parameter | Informational | Meta>
            status: Draft
            created: <date created on, in ISO 8601 (yyyy-mm-dd) format>
            discussions-to: <URL>
            requires (*optional): <LIP number(s)>
            replaces (*optional): <LIP number(s)>
            part-of (*optional): <LIP number(s)>
            ---

            ## Abstract

            A short description.

            """, "LIP-X.md", in: ws)
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("LIPs"), withIntermediateDirectories: true)
        let new = try lip(["new", "--title", "Fee Cut", "--author", "Ann (@ann)", "--type", "meta", "--discussions-to", "https://forum.livepeer.org/t/9"], in: ws)
        XCTAssertEqual(new.code, 0, new.stderr)
        XCTAssertEqual(
            try read("LIPs/LIP-fee-cut.md", in: ws),
            "---\nlip: <to be assigned>\ntitle: Fee Cut\nauthor: Ann (@ann)\ntype: Meta\nstatus: Draft\ncreated: 2024-03-01\ndiscussions-to: https://forum.livepeer.org/t/9\n---\n\n## Abstract\n\nA short description.\n"
        )
        let lint = try lip(["lint"], in: ws)
        XCTAssertEqual(lint.code, 0, lint.stdout)
    }

    func testLintFormatsAndExitCodes() throws {
        let ws = try initWorkspace(self)
        try write(
            "---\nlip: 5\ntitle: Broken\nauthor: A (@a) \ntype: Meta\nstatus: Drafty\ncreated: 2024-01-01\ndiscussion-to: https://x.org/1\n---\n\nBody\n", "LIPs/LIP-5.md", in: ws)
        let text = try lip(["lint"], in: ws)
        XCTAssertEqual(text.code, 1)
        assertGolden(text.stdout, "lint-broken.txt")
        XCTAssertEqual(text.stderr, "1 file checked: 3 errors, 2 warnings\n")
        let json = try lip(["lint", "--format", "json"], in: ws)
        assertGolden(json.stdout, "lint-broken.json")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.count, 5)
        assertGolden(try lip(["lint", "--format", "github"], in: ws).stdout, "lint-broken.github.txt")

        // Warnings alone exit 0, or 1 with --strict.
        try write(
            "---\nlip: 5\ntitle: Broken\nauthor: A (@a) \ntype: Meta\nstatus: Draft\ncreated: 2024-01-01\ndiscussions-to: https://x.org/1\n---\n\nBody\n", "LIPs/LIP-5.md", in: ws)
        XCTAssertEqual(try lip(["index"], in: ws).code, 0)
        XCTAssertEqual(try lip(["lint", "LIPs/LIP-5.md"], in: ws).code, 0)
        let strict = try lip(["lint", "--strict", "LIPs/LIP-5.md"], in: ws)
        XCTAssertEqual(strict.code, 1)
        XCTAssertTrue(strict.stdout.contains("error[preamble-trailing-whitespace]"), strict.stdout)
        XCTAssertEqual(try lip(["lint", "LIPs/LIP-404.md"], in: ws).code, 2)
        XCTAssertEqual(try lip(["lint", "--format", "yaml"], in: ws).code, 2)
        let outside = try temporaryDirectory(self)
        XCTAssertEqual(try lip(["lint"], in: outside).code, 2)
    }

    func testIndexRewriteAndCheck() throws {
        let ws = try initWorkspace(self)
        try write("---\nlip: 2\ntitle: Two\nauthor: A (@a)\ntype: Meta\nstatus: Final\ncreated: 2024-01-01\ndiscussions-to: https://x.org/1\n---\n", "LIPs/LIP-2.md", in: ws)
        let check = try lip(["index", "--check"], in: ws)
        XCTAssertEqual(check.code, 1)
        XCTAssertEqual(check.stdout, "README.md:8: error[index-missing-entry]: LIP-2 (LIPs/LIP-2.md) has no row in the index\n  = help: run `lip index` to add it\n")
        let before = try read("README.md", in: ws)
        XCTAssertEqual(try read("README.md", in: ws), before, "--check writes nothing")
        XCTAssertEqual(try lip(["index"], in: ws).stdout, "README.md index rewritten\n")
        XCTAssertEqual(try lip(["index"], in: ws).stdout, "README.md index is up to date\n")
        XCTAssertEqual(try lip(["index", "--check", "--format", "json"], in: ws).stdout, "[]\n")
    }

    func testEveryCommandHelpHasAnExample() throws {
        let dir = try temporaryDirectory(self)
        for command in [
            ["init"], ["new"], ["assign"], ["list"], ["show"], ["lint"], ["index"], ["advance"], ["ledger"], ["ledger", "import"],
            ["ledger", "status"], ["ledger", "verify-snapshot"], ["poll"], ["poll", "open"], ["poll", "tally"], ["poll", "export"],
        ] {
            let r = try lip(command + ["--help"], in: dir)
            XCTAssertEqual(r.code, 0, "\(command)")
            XCTAssertTrue(r.stdout.contains("  lip \(command.joined(separator: " "))") && r.stdout.contains("Example"), "\(command) help has no example:\n\(r.stdout)")
        }
    }

    /// Every command's help names the manual page it belongs to, and that page exists.
    func testEveryCommandHelpPointsToItsManualPage() throws {
        let dir = try temporaryDirectory(self)
        for command in [
            [], ["init"], ["new"], ["assign"], ["list"], ["show"], ["lint"], ["index"], ["advance"], ["ledger"], ["ledger", "import"], ["ledger", "import", "snapshot"],
            ["ledger", "import", "logs"], ["ledger", "import", "votes"], ["ledger", "import", "migrations"], ["ledger", "import", "governor-state"],
            ["ledger", "status"], ["ledger", "verify"], ["ledger", "verify-snapshot"], ["ledger", "sync"], ["ledger", "sync", "poll"], ["ledger", "sync", "proposals"],
            ["poll"], ["poll", "open"], ["poll", "tally"], ["poll", "export"], ["proposal"], ["proposal", "list"], ["proposal", "tally"], ["proposal", "export"],
            ["reconcile"],
        ] {
            let r = try lip(command + ["--help"], in: dir)
            XCTAssertEqual(r.code, 0, "\(command)")
            let page = try XCTUnwrap(r.stdout.range(of: #"Manual: docs/[a-z-]+\.md"#, options: .regularExpression).map { String(r.stdout[$0].dropFirst(8)) }, "\(command)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(page).path), "\(command): \(page)")
        }
        // The quorum base of a partial snapshot, where a user looks for it.
        let tally = try lip(["poll", "tally", "--help"], in: dir).stdout
        XCTAssertTrue(tally.contains("is partial") && tally.contains("--full, which makes the snapshot whole"), tally)
    }

    func testWorkspaceDiscovery() throws {
        let ws = try initWorkspace(self)
        let sub = ws.appendingPathComponent("Polls")
        XCTAssertEqual(try lip(["list"], in: sub).code, 0, "found from a subfolder")
        let elsewhere = try temporaryDirectory(self)
        XCTAssertEqual(try lip(["list", "--workspace", ws.path], in: elsewhere).code, 0)
        XCTAssertEqual(try lip(["list"], in: elsewhere, environment: ["LIP_WORKSPACE": ws.path]).code, 0)
    }

    /// The repository's workspace as the tests know it lints clean (the live one is checked by
    /// .ci/run, so that a LIP a user adds never fails `swift test`).
    func testTheRepositoryWorkspaceLintsClean() throws {
        let ws = try repositoryCopy(self, asCommitted: true)
        let lint = try lip(["lint"], in: ws)
        XCTAssertEqual(lint.code, 0, lint.stdout)
        XCTAssertEqual(lint.stdout, "")
        let index = try lip(["index", "--check"], in: ws)
        XCTAssertEqual(index.code, 0, index.stdout)
    }

    /// `lip --version` names the commit it was built from (BuildCommitPlugin), a build from source
    /// as well as a release.
    func testTheVersionNamesTheCommitItWasBuiltFrom() throws {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", packageRoot.path, "rev-parse", "HEAD"]
        let out = Pipe()
        git.standardOutput = out
        git.standardError = FileHandle.nullDevice
        try git.run()
        let head = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        git.waitUntilExit()
        let version = try lip(["--version"], in: try temporaryDirectory(self))
        XCTAssertEqual(version.code, 0)
        if git.terminationStatus == 0 {
            XCTAssertTrue(version.stdout.hasPrefix("0.1.0 (commit \(head)"), "\(version.stdout) vs \(head)")
        } else {
            XCTAssertEqual(version.stdout, "0.1.0 (commit source)\n", "no git checkout: a build from source says so")
        }
    }

    /// A LIP a user adds to the live workspace changes nothing the tests read: no test source
    /// reaches the repository's own LIPs/, Polls/, Templates/ or README.md (they use
    /// `repositoryFixture`).
    func testTestsReadTheirOwnWorkspace() throws {
        let tests = packageRoot.appendingPathComponent("Tests")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(files.count, 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for live in ["LIPs", "Polls", "Templates", "README.md"] {
                XCTAssertFalse(text.contains("packageRoot.appendingPathComponent(\"" + live), "\(file.lastPathComponent) reads the live \(live)")
            }
            // Nor finds it from the test process's folder (the repository, under `swift test`).
            XCTAssertFalse(text.contains("currentDirectory" + "Path"), "\(file.lastPathComponent) reads the folder swift test runs in")
            // Nor runs `lip` in the repository, where it would find the live workspace.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines where line.contains("lip([") {
                XCTAssertFalse(line.contains("in: packageRoot"), "\(file.lastPathComponent) runs lip in the repository: \(line)")
            }
            // Nor starts lip, lip-dev or a script with no folder of its own (it would inherit the
            // test process's folder, the repository): each such Process says where it runs.
            for (i, line) in lines.enumerated() where line.contains("= Process()") {
                let block = lines[i..<min(lines.count, i + 12)].joined(separator: "\n")
                guard block.contains("productsDirectory") || block.contains("Scripts/") else { continue }
                XCTAssertTrue(block.contains("currentDirectoryURL"), "\(file.lastPathComponent):\(i + 1) starts a process without a folder of its own")
            }
        }
    }
}
