import Foundation

/// A set of file writes, renames and removals applied all or nothing.
///
/// Every new content is first written to a temporary file beside its target; then the
/// temporaries are renamed into place one by one. If any step fails, every file already
/// replaced is restored and every temporary removed, so the tree is as it was.
package struct FileTransaction {
    private enum Step {
        case write(URL, Data)
        case remove(URL)
    }

    private var steps: [Step] = []

    /// Creates an empty transaction.
    package init() {}

    /// Schedules `data` to be written to `url`.
    package mutating func write(_ data: Data, to url: URL) { steps.append(.write(url, data)) }

    /// Schedules `text` (UTF-8) to be written to `url`.
    package mutating func write(_ text: String, to url: URL) { write(Data(text.utf8), to: url) }

    /// Schedules the removal of `url` (done last, after every write).
    package mutating func remove(_ url: URL) { steps.append(.remove(url)) }

    /// Applies every step or none. `root` shortens paths in error messages.
    package func commit(relativeTo root: URL? = nil) throws {
        let fm = FileManager.default
        func name(_ url: URL) -> String {
            let full = url.standardizedFileURL.path
            guard let root else { return full }
            let base = root.standardizedFileURL.path.hasSuffix("/") ? root.standardizedFileURL.path : root.standardizedFileURL.path + "/"
            return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
        }
        var temporaries: [(temp: URL, target: URL)] = []
        var backups: [(target: URL, original: Data?)] = []
        func rollBack() {
            for (temp, _) in temporaries { try? fm.removeItem(at: temp) }
            for (target, original) in backups.reversed() {
                if let original { try? original.write(to: target, options: .atomic) } else { try? fm.removeItem(at: target) }
            }
        }
        let writes: [(URL, Data)] = steps.compactMap {
            if case .write(let u, let d) = $0 { return (u, d) }; return nil
        }
        let removals: [URL] = steps.compactMap {
            if case .remove(let u) = $0 { return u }; return nil
        }
        // The step under way, so that any failure names its file and says what is wrong.
        var current: URL?
        do {
            for (target, data) in writes {
                current = target
                if FileTransaction.isFolder(target) { throw LIPError.writeFailed(path: name(target), reason: "is a folder, not a file") }
                let dir = target.deletingLastPathComponent()
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
                let temp = dir.appendingPathComponent(".\(target.lastPathComponent).lip-\(getpid())-\(temporaries.count).tmp")
                do { try data.write(to: temp) } catch {
                    throw LIPError.writeFailed(path: name(target), reason: FileProblem.describeWrite(at: target))
                }
                temporaries.append((temp, target))
            }
            for (temp, target) in temporaries {
                current = target
                let original = fm.fileExists(atPath: target.path) ? try Data(contentsOf: target) : nil
                if original != nil, FileTransaction.isReadOnly(target) {
                    throw LIPError.writeFailed(path: name(target), reason: "the file is read-only")
                }
                if rename(temp.path, target.path) != 0 {
                    throw LIPError.writeFailed(path: name(target), reason: String(cString: strerror(errno)))
                }
                backups.append((target, original))
            }
            temporaries.removeAll()
            for target in removals {
                current = target
                guard fm.fileExists(atPath: target.path) else { continue }
                if FileTransaction.isFolder(target) { throw LIPError.writeFailed(path: name(target), reason: "is a folder, not a file") }
                let original = try Data(contentsOf: target)
                try fm.removeItem(at: target)
                backups.append((target, original))
            }
        } catch let error as LIPError {
            rollBack()
            throw error
        } catch {
            rollBack()
            let path = current.map(name) ?? "(no file)"
            throw LIPError.writeFailed(path: path, reason: current.map { FileProblem.describeWrite(at: $0) } ?? "\(error)")
        }
    }

    /// Whether `url` is a folder (or a link to one).
    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A file whose mode has no write bit is treated as read-only, also for root
    /// (who could otherwise replace it): the user marked it so on purpose.
    static func isReadOnly(_ url: URL) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let mode = attributes[.posixPermissions] as? NSNumber
        else { return false }
        return mode.intValue & 0o222 == 0
    }
}
