import Foundation
import LIPCore

/// Runs lint rules over a workspace or a set of files, one document in memory at a time.
public struct Linter {
    /// Creates a linter.
    public init() {}

    /// Lints every LIP in the workspace, and the README index.
    public func lint(workspace: Workspace) throws -> LintReport {
        try lint(files: workspace.lipFiles(), workspace: workspace, includeIndex: true)
    }

    /// Lints the files and folders named by `paths` (relative to `directory`); a folder stands for
    /// its `LIP-*.md` files. Inside `workspace`, references are checked against it; the index is not.
    public func lint(paths: [String], relativeTo directory: URL, workspace: Workspace?) throws -> LintReport {
        var files: [URL] = []
        for p in paths {
            let url = URL(fileURLWithPath: p, relativeTo: directory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                // A dangling link is a finding of its own (file-unreadable); a mistyped path is usage.
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
                    files.append(url)
                    continue
                }
                throw LIPError.usage("\(p): no such file or folder")
            }
            if isDirectory.boolValue && !(url.lastPathComponent.hasPrefix("LIP-") && url.lastPathComponent.hasSuffix(".md")) {
                let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".md") && $0.hasPrefix("LIP-") }
                files += names.sorted(by: Workspace.fileOrder).map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        let inside = workspace.map { ws in files.allSatisfy { $0.path.hasPrefix(ws.root.path + "/") } } ?? false
        return try lint(files: files, workspace: inside ? workspace : nil, includeIndex: false)
    }

    /// Runs only the index rules (`lip index --check`).
    public func checkIndex(workspace: Workspace) throws -> LintReport {
        let files = try workspace.lipFiles()
        var summaries: [DocumentSummary] = []
        for url in files {
            let document = LIPDocument.loadOrProblem(url, path: workspace.relativePath(url))
            if document.isReadable { summaries.append(DocumentSummary(document)) }
        }
        let context = try makeContext(files: files, workspace: workspace)
        var findings: [Finding] = []
        for rule in LintRegistry.workspaceRules where rule.isIndexRule { findings += rule.check(summaries, context: context) }
        return LintReport(findings: findings.sorted(by: Finding.reportOrder), filesChecked: files.count)
    }

    /// Lints `files`. With a workspace, references and the index are checked against it;
    /// without one, references are checked against the files' own folders.
    public func lint(files: [URL], workspace: Workspace?, includeIndex: Bool) throws -> LintReport {
        let context = try makeContext(files: files, workspace: workspace, index: includeIndex)
        // Documents are independent: check them on every core, one document per worker at a time.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunk = max(1, (files.count + workers - 1) / workers)
        let chunks = stride(from: 0, to: files.count, by: chunk).map { Array(files[$0..<min(files.count, $0 + chunk)]) }
        let slots = ChunkResults(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            var local = ChunkResults.Slot()
            for url in chunks[index] {
                let path = workspace?.relativePath(url) ?? url.relativePath
                let document = LIPDocument.loadOrProblem(url, path: path)
                for rule in LintRegistry.documentRules { local.findings += rule.check(document, context: context) }
                if document.isReadable { local.summaries.append(DocumentSummary(document)) }
            }
            slots.store(local, at: index)
        }
        let results = slots.all
        var findings = results.flatMap(\.findings)
        let summaries = results.flatMap(\.summaries)
        // Bundle checks need every parent, also those outside the files named.
        var all = summaries
        if let workspace {
            let named = Set(files.map(\.standardizedFileURL.path))
            for url in try workspace.lipFiles() where !named.contains(url.standardizedFileURL.path) {
                let document = LIPDocument.loadOrProblem(url, path: workspace.relativePath(url))
                if document.isReadable { all.append(DocumentSummary(document)) }
            }
        }
        let namedPaths = Set(summaries.map(\.path))
        for rule in LintRegistry.workspaceRules {
            if rule.isIndexRule {
                guard includeIndex else { continue }
                findings += rule.check(all, context: context)
            } else {
                findings += rule.check(all, context: context).filter { namedPaths.contains($0.file) }
            }
        }
        return LintReport(findings: findings.sorted(by: Finding.reportOrder), filesChecked: files.count)
    }

    private func makeContext(files: [URL], workspace: Workspace?, index: Bool = true) throws -> LintContext {
        var known = Set<Int>()
        var folders = Set<String>()
        if let workspace {
            folders.insert(workspace.lipsDirectory.path)
        }
        for url in files { folders.insert(url.deletingLastPathComponent().standardizedFileURL.path) }
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names { if let n = LIPDocument.number(fromFileName: name) { known.insert(n) } }
        }
        guard let workspace, index else { return LintContext(knownNumbers: known, index: nil, checksIndex: false) }
        return LintContext(knownNumbers: known, index: try workspace.readmeIndex(), checksIndex: true)
    }
}

/// The results of the chunks a lint run checks at once, each stored by its own worker under a lock.
private final class ChunkResults: @unchecked Sendable {
    /// What one chunk found.
    struct Slot {
        var findings: [Finding] = []
        var summaries: [DocumentSummary] = []
    }

    private let lock = NSLock()
    private var slots: [Slot]

    init(count: Int) { slots = Array(repeating: Slot(), count: count) }

    /// Stores a chunk's result.
    func store(_ slot: Slot, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = slot
    }

    /// Every chunk's result, in chunk order.
    var all: [Slot] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
