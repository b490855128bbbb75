import Foundation
import LIPTestSupport
import XCTest

/// The packed binary of Scripts/release.sh runs where no Swift toolchain is: CI builds the tarball
/// first and names it in $LIP_RELEASE_TARBALL.
final class ReleaseBinaryTests: XCTestCase {
    func testThePackedBinaryRunsWithoutTheToolchain() throws {
        guard let tarball = ProcessInfo.processInfo.environment["LIP_RELEASE_TARBALL"], !tarball.isEmpty else {
            throw XCTSkip("no release tarball: `bash Scripts/release.sh` and set LIP_RELEASE_TARBALL to test it")
        }
        let dir = try temporaryDirectory(self)
        // The SHA-256 file names the tarball and its digest.
        let sums = try String(contentsOfFile: tarball + ".sha256", encoding: .utf8)
        XCTAssertTrue(sums.hasSuffix("  " + (tarball as NSString).lastPathComponent + "\n"), sums)
        XCTAssertEqual(
            try run(
                "/usr/bin/env", ["sha256sum", "-c", (tarball as NSString).lastPathComponent + ".sha256"], in: URL(fileURLWithPath: (tarball as NSString).deletingLastPathComponent)
            ).code, 0)
        XCTAssertEqual(try run("/usr/bin/env", ["tar", "-xzf", tarball, "-C", dir.path], in: dir).code, 0)
        let folder = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix("lip-") })
        let binary = dir.appendingPathComponent(folder).appendingPathComponent("lip").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(folder).appendingPathComponent("LICENSE").path))
        // Only system libraries are dynamic: no Swift runtime, no Foundation.
        let needed = try run("/usr/bin/env", ["readelf", "-d", binary], in: dir).stdout.split(separator: "\n")
            .compactMap { line in line.contains("(NEEDED)") ? line.split(separator: "[").last.map { String($0.dropLast()) } : nil }
        XCTAssertEqual(
            Set(needed).subtracting(["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libstdc++.so.6", "libsqlite3.so.0", "libcurl.so.4"]), [],
            "\(needed)")
        // An empty folder, a PATH without the toolchain, no library path.
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let bare = ["PATH": "/usr/bin:/bin", "HOME": dir.path, "LIP_TODAY": "2024-03-01"]
        let version = try run(binary, ["--version"], in: empty, environment: bare)
        XCTAssertEqual(version.code, 0, version.stderr)
        XCTAssertTrue(version.stdout.hasPrefix("0.1.0 (commit "), version.stdout)
        XCTAssertFalse(version.stdout.contains("commit source"), "a release names its commit: \(version.stdout)")
        XCTAssertEqual(try run(binary, ["init", "ws"], in: empty, environment: bare).code, 0)
        let ws = empty.appendingPathComponent("ws")
        try write(
            "---\nlip: 1\ntitle: One\nauthor: A (@a)\ntype: Meta\nstatus: Drafty\ncreated: 2024-01-01\ndiscussions-to: https://forum.livepeer.org/t/1\n---\n\n## Abstract\n\nText.\n",
            "LIPs/LIP-1.md", in: ws)
        let lint = try run(binary, ["lint", "--format", "github", "LIPs"], in: ws, environment: bare)
        XCTAssertEqual(lint.code, 1, lint.stderr)
        XCTAssertTrue(
            lint.stdout.hasPrefix("::error file=LIPs/LIP-1.md,line=6,title=preamble-invalid-status::invalid status `Drafty` (help: one of: Draft, Last Call"), lint.stdout)
    }

    func run(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> CLIResult {
        try runProcess(executable, arguments, in: directory, environment: environment)
    }
}
