import Foundation
import LIPCore

extension Workspace {
    /// Runs git in the workspace; nil when git is missing or fails.
    private func git(_ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path] + arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// The full hash of `revision` (a commit hash, short or long, or `HEAD`) in the workspace's git repository.
    package func gitCommit(_ revision: String = "HEAD") throws -> String {
        guard !revision.hasPrefix("-"), let data = git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]) else {
            throw LIPError.usage(
                revision == "HEAD"
                    ? "\(root.path) is not a git repository with a commit: commit the LIP, or pass --commit SHA"
                    : "`\(revision)` is not a commit of the git repository at \(root.path)")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The bytes of `relativePath` (relative to the workspace) as committed in `commit`.
    package func gitFile(_ relativePath: String, at commit: String) throws -> Data {
        guard let data = git(["show", "\(commit):./\(relativePath)"]) else {
            throw LIPError.usage("\(relativePath) is not in commit \(commit.prefix(12)): commit it first, or name the commit that has it with --commit SHA")
        }
        return data
    }
}
