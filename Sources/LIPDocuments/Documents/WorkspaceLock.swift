import Foundation
import LIPCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a workspace (`flock` on `.lip/lock`), held by every command that writes
/// workspace files for its whole read-decide-write, so that two `lip` processes never interleave:
/// two `assign`s give two numbers, and no `advance` reports a move the files do not hold.
package final class WorkspaceLock {
    private let descriptor: Int32

    /// The lock file of the workspace at `root`.
    package static func url(root: URL) -> URL { root.appendingPathComponent(".lip/lock") }

    /// Takes the lock, waiting up to `timeout` seconds (default: `$LIP_LOCK_TIMEOUT`, else 30) for
    /// another `lip` to finish; then fails with an error that names the lock file.
    package init(root: URL, timeout: Double? = nil) throws {
        let url = WorkspaceLock.url(root: root)
        let shown = ".lip/lock"
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw LIPError.writeFailed(path: shown, reason: "cannot create the folder .lip/ for the workspace lock")
        }
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LIPError.writeFailed(path: shown, reason: "cannot open the workspace lock: \(String(cString: strerror(errno)))") }
        let wait = timeout ?? ProcessInfo.processInfo.environment["LIP_LOCK_TIMEOUT"].flatMap(Double.init) ?? 30
        let deadline = Date().addingTimeInterval(wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                throw LIPError.writeFailed(
                    path: shown, reason: "another lip is writing this workspace (waited \(String(format: "%g", wait)) s for its lock); try again when it is done")
            }
            usleep(20_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

extension Workspace {
    /// Runs `body` while holding the workspace's exclusive lock.
    package func locked<T>(_ body: () throws -> T) throws -> T {
        let lock = try WorkspaceLock(root: root)
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }
}
