import Foundation
import LIPCore

extension Workspace {
    /// The commit the workspace's git HEAD points to (40 hex digits).
    public func gitHead() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "rev-parse", "HEAD"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw LIPError.usage("cannot run git to find HEAD: pass --commit SHA") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let sha = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, sha.count == 40 else {
            throw LIPError.usage("\(root.path) is not a git repository with a commit: pass --commit SHA")
        }
        return sha
    }
}
