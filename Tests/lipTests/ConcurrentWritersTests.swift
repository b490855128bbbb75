import Foundation
import LIPTestSupport
import XCTest

/// Two `lip` writers at once: the workspace lock serializes them, so nothing is lost and no
/// command reports a move the files do not hold.
final class ConcurrentWritersTests: XCTestCase {
    func draft(_ slug: String) -> String {
        "---\nlip: <to be assigned>\ntitle: Draft \(slug)\nauthor: A (@a)\ntype: Meta\nstatus: Draft\ncreated: 2024-01-01\ndiscussions-to: https://forum.livepeer.org/t/1\n---\n\n## Abstract\n\nText.\n"
    }

    func testTwentyPairsOfAssignAndOfAdvance() throws {
        let ws = try initWorkspace(self)
        let pairs = 20
        for n in 0..<(2 * pairs) { try write(draft("d\(n)"), "LIPs/LIP-d\(n).md", in: ws) }

        // Assign: every pair at once; each draft gets its own number, each number one row.
        var assigned: [Int] = []
        for p in 0..<pairs {
            let results = concurrently([["assign", "d\(2 * p)"], ["assign", "d\(2 * p + 1)"]], in: ws)
            for r in results {
                XCTAssertEqual(r.code, 0, r.stderr)
                let number = r.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0.dropFirst(4).dropLast()) }
                assigned.append(try XCTUnwrap(number, r.stdout))
            }
        }
        XCTAssertEqual(assigned.sorted(), Array(1...(2 * pairs)), "two assigns at once give two numbers")
        let files = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("LIPs").path).filter { $0.hasSuffix(".md") }
        XCTAssertEqual(Set(files), Set((1...(2 * pairs)).map { "LIP-\($0).md" }), "no file lost, no draft left")
        let readme = try read("README.md", in: ws)
        for n in 1...(2 * pairs) { XCTAssertTrue(readme.contains("[\(n)](LIPs/LIP-\(n).md)"), "index row of LIP-\(n)") }

        // Advance: two moves of the same LIP at once. Draft -> Last Call and Draft -> Abandoned
        // race; Last Call -> Abandoned is allowed, Abandoned -> Last Call is not.
        for n in 1...pairs {
            let results = concurrently([["advance", "\(n)", "last-call"], ["advance", "\(n)", "abandoned"]], in: ws)
            let status = try XCTUnwrap(read("LIPs/LIP-\(n).md", in: ws).split(separator: "\n").first { $0.hasPrefix("status: ") }).dropFirst(8)
            let (lastCall, abandoned) = (results[0], results[1])
            XCTAssertEqual(abandoned.code, 0, abandoned.stderr)
            XCTAssertEqual(status, "Abandoned", "LIP-\(n)")
            if lastCall.code == 0 {
                XCTAssertTrue(lastCall.stdout.hasPrefix("LIP-\(n): Draft -> Last Call"), lastCall.stdout)
                XCTAssertTrue(abandoned.stdout.hasPrefix("LIP-\(n): Last Call -> Abandoned"), "the later move starts where the earlier one left the file: \(abandoned.stdout)")
            } else {
                XCTAssertEqual(lastCall.code, 1, lastCall.stderr)
                XCTAssertTrue(abandoned.stdout.hasPrefix("LIP-\(n): Draft -> Abandoned"), abandoned.stdout)
            }
        }
        let lint = try lip(["lint"], in: ws)
        XCTAssertEqual(lint.code, 0, "the index agrees with every file: \(lint.stdout)")
    }

    /// Waits until another process holds the lock at `path` (a fixed pause was a guess that a
    /// loaded machine could outlast); false if none does within 30 s.
    func lockIsHeld(_ path: String) throws -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let fd = open(path, O_RDONLY)
            if fd >= 0 {
                let free = flock(fd, LOCK_EX | LOCK_NB) == 0
                close(fd)  // and with it the lock, if this took it
                if !free { return true }
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    func testAWriterWaitsForTheLockThenGivesUpNamingIt() throws {
        let ws = try initWorkspace(self)
        try write(draft("x"), "LIPs/LIP-x.md", in: ws)
        // Hold the lock from another process (flock(1) keeps it while `sleep` runs).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["flock", ws.appendingPathComponent(".lip/lock").path, "sleep", "10"]
        try FileManager.default.createDirectory(at: ws.appendingPathComponent(".lip"), withIntermediateDirectories: true)
        try holder.run()
        defer { holder.terminate() }
        XCTAssertTrue(try lockIsHeld(ws.appendingPathComponent(".lip/lock").path), "flock(1) took the lock within 30 s")
        let r = try lip(["assign", "x"], in: ws, environment: ["LIP_LOCK_TIMEOUT": "0.5"])
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(
            r.stderr, "lip: error: .lip/lock: write failed, nothing was changed: another lip is writing this workspace (waited 0.5 s for its lock); try again when it is done\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: ws.appendingPathComponent("LIPs/LIP-x.md").path), "nothing changed")
    }
}
