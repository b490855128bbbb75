import Foundation
import LIPTestSupport
import XCTest

/// The folder holding the built products (`lip` among them).
let productsDirectory: URL = {
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL
}()

/// The package root (for the repository's own workspace and shipped data).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Data handed from a reader thread.
final class DataBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}

/// What one run of `lip` did.
struct CLIResult {
    var code: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `lip` with `arguments` in `directory`, with a fixed date and no inherited workspace.
@discardableResult
func lip(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:], stdin: Data? = nil) throws -> CLIResult {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("lip")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["LIP_TODAY"] = "2024-03-01"
    env.removeValue(forKey: "LIP_WORKSPACE")
    env.removeValue(forKey: "LIP_LEDGER")
    for (k, v) in extra { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    // Read standard output on another thread while this one reads standard error, so that a
    // large output on either cannot block the child.
    let outBox = DataBox()
    let reader = Thread {
        outBox.data = out.fileHandleForReading.readDataToEndOfFile(); outBox.done.signal()
    }
    reader.start()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    outBox.done.wait()
    let outData = outBox.data
    process.waitUntilExit()
    return CLIResult(code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// A new workspace made by `lip init`.
func initWorkspace(_ test: XCTestCase) throws -> URL {
    let dir = try temporaryDirectory(test).appendingPathComponent("ws")
    let r = try lip(["init", dir.path], in: dir.deletingLastPathComponent())
    XCTAssertEqual(r.code, 0, r.stderr)
    return dir
}

/// Compares `actual` with `Golden/<name>`, read from the test bundle's resources; with
/// LIP_UPDATE_GOLDEN=1 rewrites the file in the source tree instead and fails, so that a recording
/// run never passes as a test (review the diff, then run again).
func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    if ProcessInfo.processInfo.environment["LIP_UPDATE_GOLDEN"] == "1" {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        try? FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        let previous = try? Data(contentsOf: source)
        try? Data(actual.utf8).write(to: source)
        if previous != Data(actual.utf8) {
            XCTFail("recorded Golden/\(name): review the diff, then run the tests again without LIP_UPDATE_GOLDEN", file: file, line: line)
        }
        return
    }
    guard let golden = Bundle.module.resourceURL?.appendingPathComponent("Golden/\(name)"),
        let expected = try? String(contentsOf: golden, encoding: .utf8)
    else {
        return XCTFail("no golden file \(name); run with LIP_UPDATE_GOLDEN=1 and review it", file: file, line: line)
    }
    XCTAssertEqual(actual, expected, "golden \(name)", file: file, line: line)
}

/// Runs `sql` on the SQLite file at `path` with the sqlite3 shell, as a user editing the ledger
/// would; returns what it printed.
@discardableResult
func sqlite3(_ path: URL, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", path.path, sql]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "sqlite3 \(sql)")
    return String(decoding: data, as: UTF8.self)
}

/// Runs `lip` once per argument list, all at the same time, and returns their results in order.
func concurrently(_ commands: [[String]], in directory: URL) -> [CLIResult] {
    final class Results: @unchecked Sendable {
        let lock = NSLock()
        var all: [CLIResult]
        init(count: Int) { all = Array(repeating: CLIResult(code: -1, stdout: "", stderr: "did not run"), count: count) }
    }
    let results = Results(count: commands.count)
    DispatchQueue.concurrentPerform(iterations: commands.count) { n in
        let r = (try? lip(commands[n], in: directory)) ?? CLIResult(code: -2, stdout: "", stderr: "could not start lip")
        results.lock.lock()
        results.all[n] = r
        results.lock.unlock()
    }
    return results.all
}

/// Runs git commands in `directory` (with a fixed author), and returns HEAD afterwards.
@discardableResult
func git(_ commands: [String]..., in directory: URL) throws -> String {
    for arguments in commands + [["rev-parse", "HEAD"]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.email=test@example.org", "-c", "user.name=Test", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments.joined(separator: " "))")
        if arguments == ["rev-parse", "HEAD"] { return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }
    return ""
}

/// The tests' own copy of this repository's workspace (LIPs, polls, templates, the README's
/// index): tests never read the live `LIPs/` and `Polls/`, which a user may change.
let repositoryFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/repository")

/// A copy of the repository's workspace (`repositoryFixture`) in a temporary folder. It holds the
/// LIP-120 bundle Accepted, as its sample poll decided (with its result.json); unless
/// `asCommitted`, the copy is the workspace before that poll decided: the bundle Proposed and no
/// result saved.
func repositoryCopy(_ test: XCTestCase, asCommitted: Bool = false) throws -> URL {
    let dir = try temporaryDirectory(test).appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for item in ["LIPs", "Polls", "Templates", "README.md"] {
        try FileManager.default.copyItem(at: repositoryFixture.appendingPathComponent(item), to: dir.appendingPathComponent(item))
    }
    guard !asCommitted else { return dir }
    for n in 120...123 {
        let text = try read("LIPs/LIP-\(n).md", in: dir)
        try write(text.replacingOccurrences(of: "\nstatus: Accepted\n", with: "\nstatus: Proposed\n"), "LIPs/LIP-\(n).md", in: dir)
    }
    var readme = try read("README.md", in: dir)
    for n in 120...123 {
        let lines = readme.components(separatedBy: "\n").map { line in
            line.hasPrefix("| [\(n)](LIPs/LIP-\(n).md)") ? line.replacingOccurrences(of: "| Accepted  |", with: "| Proposed  |") : line
        }
        readme = lines.joined(separator: "\n")
    }
    try write(readme, "README.md", in: dir)
    try FileManager.default.removeItem(at: dir.appendingPathComponent("Polls/LIP-120/result.json"))
    return dir
}

/// Imports the shipped sample poll of LIP-120 into the workspace's ledger.
func importSample(_ ws: URL, file: StaticString = #filePath, line: UInt = #line) throws {
    for args in [
        ["snapshot", "Polls/LIP-120/l1-snapshot.json", "--chain", "l1", "--block", "14207040"],
        ["snapshot", "Polls/LIP-120/l2-snapshot.csv", "--chain", "l2", "--block", "6737210", "--l1-block", "14265000"],
        ["logs", "Polls/LIP-120/l2-logs.json", "--chain", "l2"],
    ] {
        let r = try lip(["ledger", "import"] + args, in: ws)
        XCTAssertEqual(r.code, 0, r.stderr, file: file, line: line)
    }
}

/// Runs `executable` with `arguments` in `directory` (with exactly `environment` when given) and
/// collects its exit code and output. Always in a folder of the test's own: run in the test
/// process's folder (the repository) it could find the live workspace.
func runProcess(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> CLIResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outBox = DataBox()
    let reader = Thread {
        outBox.data = out.fileHandleForReading.readDataToEndOfFile()
        outBox.done.signal()
    }
    reader.start()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    outBox.done.wait()
    process.waitUntilExit()
    return CLIResult(code: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}
