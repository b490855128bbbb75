import Foundation
import LIPCore

/// A governance workspace: a folder with `LIPs/`, and usually `README.md`, `Polls/` and `Templates/`.
public struct Workspace: Sendable {
    /// The workspace's root folder.
    public let root: URL

    /// Opens the workspace at `root` without checking it.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// Finds the workspace: `explicit` (from `--workspace`), else `$LIP_WORKSPACE`, else the nearest
    /// ancestor of `directory` that has a `LIPs/` folder.
    public static func locate(explicit: String?, environment: [String: String], from directory: URL) throws -> Workspace {
        if let explicit = explicit ?? environment["LIP_WORKSPACE"], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit, relativeTo: directory).standardizedFileURL
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("LIPs").path, isDirectory: &isDir), isDir.boolValue else {
                throw LIPError.usage("\(explicit): not a workspace (it has no LIPs/ folder); run `lip init \(explicit)` to make one")
            }
            return Workspace(root: url)
        }
        var current = directory.standardizedFileURL
        while true {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: current.appendingPathComponent("LIPs").path, isDirectory: &isDir), isDir.boolValue {
                return Workspace(root: current)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        throw LIPError.noWorkspace(searchedFrom: directory.path)
    }

    /// `LIPs/`.
    public var lipsDirectory: URL { root.appendingPathComponent("LIPs") }
    /// `README.md`, which holds the index.
    public var readme: URL { root.appendingPathComponent("README.md") }
    /// `Polls/`.
    public var pollsDirectory: URL { root.appendingPathComponent("Polls") }
    /// The default ledger, `.lip/ledger.sqlite`.
    public var defaultLedger: URL { root.appendingPathComponent(".lip/ledger.sqlite") }

    /// The template `lip new` fills in: `Templates/LIP-X.md`, else `LIP-X.md` at the root.
    public var template: URL? {
        for candidate in ["Templates/LIP-X.md", "LIP-X.md"] {
            let url = root.appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// `Polls/LIP-<n>/`.
    public func pollDirectory(lip: Int) -> URL { pollsDirectory.appendingPathComponent("LIP-\(lip)") }

    /// The path of `url` relative to the root, for messages and findings.
    public func relativePath(_ url: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }

    /// The LIP files (`LIPs/LIP-*.md`), sorted numbered first by number, then drafts by name.
    public func lipFiles() throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: lipsDirectory.path)
        } catch {
            throw LIPError.unreadable(path: "LIPs", reason: FileProblem.describe(error, at: lipsDirectory))
        }
        let files = names.filter { $0.hasPrefix("LIP-") && $0.hasSuffix(".md") }
        return files.sorted(by: Workspace.fileOrder).map { lipsDirectory.appendingPathComponent($0) }
    }

    /// The order of LIP file names: numbered ones by number, then drafts by name.
    public static func fileOrder(_ a: String, _ b: String) -> Bool {
        switch (LIPDocument.number(fromFileName: a), LIPDocument.number(fromFileName: b)) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a < b
        }
    }

    /// Loads every LIP file.
    public func documents() throws -> [LIPDocument] {
        try lipFiles().map { try LIPDocument.load($0, path: relativePath($0)) }
    }

    /// The file of LIP `number`, `LIPs/LIP-<n>.md`.
    public func fileURL(lip number: Int) -> URL { lipsDirectory.appendingPathComponent("LIP-\(number).md") }

    /// Loads LIP `number`, or says it does not exist.
    public func document(lip number: Int) throws -> LIPDocument {
        let url = fileURL(lip: number)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw LIPError.usage("LIP-\(number): no such LIP (no file \(relativePath(url)))")
        }
        return try LIPDocument.load(url, path: relativePath(url))
    }

    /// Loads the README index, or nil when there is no README.
    public func readmeIndex() throws -> ReadmeIndex? {
        guard FileManager.default.fileExists(atPath: readme.path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: readme) } catch {
            throw LIPError.unreadable(path: "README.md", reason: FileProblem.describe(error, at: readme))
        }
        guard let text = String(validatingUTF8Data: data) else {
            throw LIPError.invalidInput(file: "README.md", location: "", message: "not UTF-8 text")
        }
        return ReadmeIndex(text: text)
    }
}
