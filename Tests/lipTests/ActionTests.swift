import Foundation
import LIPTestSupport
import XCTest
import Yams

/// action.yml, run as a plain shell script: its steps, with their inputs set, install the released
/// binary (checking its SHA-256) and print the same annotations as `lip lint --format github`.
final class ActionTests: XCTestCase {
    func testTheActionParsesAndItsStepsAnnotateTheFindings() throws {
        let action = try XCTUnwrap(try Yams.load(yaml: read("action.yml", in: packageRoot)) as? [String: Any])
        let inputs = try XCTUnwrap(action["inputs"] as? [String: [String: Any]])
        XCTAssertEqual(Set(inputs.keys), ["version", "release-url", "from-source", "workspace", "strict"])
        for (name, input) in inputs { XCTAssertNotNil(input["description"], "input \(name) is documented") }
        XCTAssertEqual(Set((action["outputs"] as? [String: Any])?.keys.map { $0 } ?? []), ["findings", "errors"])
        let runs = try XCTUnwrap(action["runs"] as? [String: Any])
        XCTAssertEqual(runs["using"] as? String, "composite")
        let steps = try XCTUnwrap(runs["steps"] as? [[String: Any]])
        XCTAssertEqual(steps.count, 2)

        guard let tarball = ProcessInfo.processInfo.environment["LIP_RELEASE_TARBALL"], !tarball.isEmpty else {
            throw XCTSkip("no release tarball: `bash Scripts/release.sh` and set LIP_RELEASE_TARBALL to run the action's steps")
        }
        let version = try XCTUnwrap((tarball as NSString).lastPathComponent.split(separator: "-").dropFirst().first).description
        let ws = try initWorkspace(self)
        try write(
            "---\nlip: 1\ntitle: One\nauthor: A (@a)\ntype: Meta\nstatus: Drafty\ncreated: 2024-01-01\ndiscussions-to: https://forum.livepeer.org/t/1\n---\n\n## Abstract\n\nText.\n",
            "LIPs/LIP-1.md", in: ws)
        let runner = try temporaryDirectory(self)
        let pathFile = runner.appendingPathComponent("path"), outputFile = runner.appendingPathComponent("output")
        try write("", "path", in: runner)
        try write("", "output", in: runner)
        let values = ["version": version, "release-url": "file://" + tarball, "from-source": "false", "workspace": ws.path, "strict": "false"]
        var environment = [
            "PATH": "/usr/bin:/bin", "HOME": runner.path, "RUNNER_TEMP": runner.path, "GITHUB_ACTION_PATH": packageRoot.path, "GITHUB_PATH": pathFile.path,
            "GITHUB_OUTPUT": outputFile.path, "LIP_TODAY": "2024-03-01",
        ]
        var results: [CLIResult] = []
        for step in steps {
            var env = environment
            for (key, value) in step["env"] as? [String: String] ?? [:] {
                var v = value
                for (name, input) in values { v = v.replacingOccurrences(of: "${{ inputs.\(name) }}", with: input) }
                env[key] = v.replacingOccurrences(of: "${{ github.action_repository }}", with: "example/lip")
            }
            let script = try XCTUnwrap(step["run"] as? String)
            results.append(try shell(script, environment: env))
            // GITHUB_PATH takes effect for the steps after.
            let added = try read("path", in: runner).split(separator: "\n").map(String.init)
            environment["PATH"] = (added + ["/usr/bin", "/bin"]).joined(separator: ":")
        }
        XCTAssertEqual(results[0].code, 0, results[0].stderr)
        XCTAssertTrue(results[0].stdout.hasPrefix("\(version) (commit "), results[0].stdout)
        XCTAssertEqual(results[1].code, 1, results[1].stderr)
        let direct = try lip(["lint", "--format", "github"], in: ws)
        XCTAssertEqual(results[1].stdout, direct.stdout, "the action prints lip lint's annotations")
        XCTAssertTrue(direct.stdout.contains("::error file=LIPs/LIP-1.md,line=6,title=preamble-invalid-status::"), direct.stdout)
        let annotations = direct.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }.count
        XCTAssertEqual(try read("output", in: runner), "findings=\(annotations)\nerrors=\(annotations)\n")

        // A tarball whose SHA-256 does not match is refused.
        let bad = runner.appendingPathComponent((tarball as NSString).lastPathComponent)
        try FileManager.default.copyItem(atPath: tarball, toPath: bad.path)
        try write("0000000000000000000000000000000000000000000000000000000000000000  \(bad.lastPathComponent)\n", bad.lastPathComponent + ".sha256", in: runner)
        var env = environment
        env["INPUT_VERSION"] = version
        env["INPUT_RELEASE_URL"] = "file://" + bad.path
        env["RUNNER_TEMP"] = runner.appendingPathComponent("again").path
        let refused = try shell(try XCTUnwrap(steps[0]["run"] as? String), environment: env)
        XCTAssertNotEqual(refused.code, 0)
        XCTAssertTrue(refused.stderr.contains("does not match its SHA-256"), refused.stderr)

        // A .sha256 naming another file (here /dev/null, whose hash it gives) is no proof of the
        // tarball: the expected hash is compared with the tarball's own.
        try Data("not a tarball".utf8).write(to: bad)
        try write("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  /dev/null\n", bad.lastPathComponent + ".sha256", in: runner)
        env["RUNNER_TEMP"] = runner.appendingPathComponent("third").path
        let named = try shell(try XCTUnwrap(steps[0]["run"] as? String), environment: env)
        XCTAssertEqual(named.code, 2, named.stderr)
        XCTAssertTrue(named.stderr.contains("does not match its SHA-256 (expected e3b0c442"), named.stderr)
    }

    /// The scripts stop at the first failing command, and a workspace that is not a folder fails
    /// the step naming it.
    func testTheCheckStepNamesAWorkspaceThatIsNotAFolder() throws {
        for script in ["Scripts/action-check.sh", "Scripts/action-install.sh"] {
            XCTAssertTrue(try read(script, in: packageRoot).contains("\nset -euo pipefail\n"), script)
        }
        let runner = try temporaryDirectory(self)
        try write("a file", "file.txt", in: runner)
        for (workspace, words) in [(runner.appendingPathComponent("missing").path, "does not exist"), (runner.appendingPathComponent("file.txt").path, "is not a folder")] {
            let env = ["PATH": productsDirectory.path + ":/usr/bin:/bin", "HOME": runner.path, "INPUT_WORKSPACE": workspace, "GITHUB_OUTPUT": "/dev/null"]
            let r = try runProcess("/bin/bash", [packageRoot.appendingPathComponent("Scripts/action-check.sh").path], in: runner, environment: env)
            XCTAssertEqual(r.code, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains("the workspace '\(workspace)' \(words)"), r.stderr)
        }
        // A real workspace still runs lip (exit 0 for a clean one).
        let ws = try initWorkspace(self)
        let env = ["PATH": productsDirectory.path + ":/usr/bin:/bin", "HOME": runner.path, "INPUT_WORKSPACE": ws.path, "GITHUB_OUTPUT": "/dev/null", "LIP_TODAY": "2024-03-01"]
        let ok = try runProcess("/bin/bash", [packageRoot.appendingPathComponent("Scripts/action-check.sh").path], in: runner, environment: env)
        XCTAssertEqual(ok.code, 0, ok.stderr)
    }

    /// Runs a step's script in its runner's folder (`RUNNER_TEMP`'s parent, as the tests make it).
    func shell(_ script: String, environment: [String: String]) throws -> CLIResult {
        try runProcess("/bin/bash", ["-c", script], in: URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()), environment: environment)
    }
}
