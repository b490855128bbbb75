import Foundation
import LIPCore

/// The folder a site is written into: each page through a temporary file beside it, renamed over
/// it (never half a page; no fsync per file: a site is ten thousand files, rebuilt from the ledger
/// at will). Written from several threads: the folders made so far are kept under a lock.
package final class SiteFolder: Sendable {
    /// The folder.
    package let root: URL
    private let made = Locked(Set<String>())

    /// The site folder `root` (made when a file is first written).
    package init(_ root: URL) { self.root = root }

    /// Writes `bytes` whole at `path` (relative, `/`-separated), its folders made as needed.
    package func write(_ path: String, _ bytes: some ContiguousBytes) throws {
        let url = root.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        // Made under the lock: a thread that finds a folder in the set finds it on disk.
        try made.withLock { folders in
            guard !folders.contains(folder.path) else { return }
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw LIPError.writeFailed(path: folder.path, reason: FileProblem.describe(error, at: folder))
            }
            folders.insert(folder.path)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).lip-tmp").path
        // One open, write and close (Foundation's createFile writes a temporary file of its own and renames it).
        let file = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw LIPError.writeFailed(path: temporary, reason: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let n = Foundation.write(file, base + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(file) != 0 && failure == 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw LIPError.writeFailed(path: temporary, reason: String(cString: strerror(failure)))
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw LIPError.writeFailed(path: url.path, reason: reason)
        }
    }
}
