import Foundation
import LIPCore

/// The folder a site is written into. A page that replaces one is written to a temporary file
/// beside it and renamed over it, so that a reader of the folder never finds half a page where a
/// whole one was; a page new to the folder is written in place (created with `O_EXCL`: a file
/// that appears meanwhile is replaced as any other), which spares a rebuild into a new folder a
/// second name and a rename for each of its ten thousand files. No fsync per file: a site is
/// rebuilt from the ledger at will. Written from several threads: the folders made so far are
/// kept under a lock.
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
        // A new file is written where it will stay; an existing one is replaced whole.
        var file = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        let replaces = file < 0 && errno == EEXIST
        let written = replaces ? folder.appendingPathComponent(".\(url.lastPathComponent).lip-tmp").path : url.path
        if replaces { file = open(written, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard file >= 0 else { throw LIPError.writeFailed(path: written, reason: String(cString: strerror(errno))) }
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
            unlink(written)
            throw LIPError.writeFailed(path: written, reason: String(cString: strerror(failure)))
        }
        guard !replaces || rename(written, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(written)
            throw LIPError.writeFailed(path: url.path, reason: reason)
        }
    }
}
