import Foundation
import LIPCore

/// Every lint rule, in one place, with its stable id.
public enum LintRegistry {
    /// Rules that check one document.
    public static let documentRules: [any DocumentLintRule] = [
        FileNotText(), PreambleMissing(), PreambleMalformedLine(), PreambleMissingField(), PreambleUnknownField(),
        PreambleDuplicateField(), PreambleInvalidStatus(), PreambleInvalidType(), PreambleInvalidDate(),
        PreambleInvalidURL(), PreambleNumberMismatch(), PreambleSelfReference(), PreambleUnknownReference(),
        PreambleTrailingWhitespace(), PreambleLastCallDeadline(), MarkdownMissingSection(),
    ]

    /// Rules that look across the workspace.
    public static let workspaceRules: [any WorkspaceLintRule] = [
        BundleStatus(), IndexMissingTable(), IndexStatusMismatch(), IndexTitleMismatch(), IndexMissingEntry(),
        IndexStaleEntry(), IndexDuplicateEntry(),
    ]

    /// Every rule, for listings.
    public static var all: [any LintRule] { documentRules + workspaceRules }

    /// The rule with this id.
    public static func rule(id: String) -> (any LintRule)? { all.first { $0.id == id } }
}

/// The findings of a lint run.
public struct LintReport: Sendable {
    /// The findings, in report order.
    public var findings: [Finding]
    /// How many files were read.
    public var filesChecked: Int
}

/// Runs lint rules over a workspace or a set of files, one document in memory at a time.
public struct Linter {
    /// Creates a linter.
    public init() {}

    /// Lints every LIP in the workspace, and the README index.
    public func lint(workspace: Workspace) throws -> LintReport {
        try lint(files: workspace.lipFiles(), workspace: workspace, includeIndex: true)
    }

    /// Runs only the index rules (`lip index --check`).
    public func checkIndex(workspace: Workspace) throws -> LintReport {
        let files = try workspace.lipFiles()
        var summaries: [DocumentSummary] = []
        for url in files { summaries.append(DocumentSummary(try LIPDocument.load(url, path: workspace.relativePath(url)))) }
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
        var results = Array(repeating: (findings: [Finding](), summaries: [DocumentSummary](), error: LIPError?.none), count: chunks.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            var local: (findings: [Finding], summaries: [DocumentSummary], error: LIPError?) = ([], [], nil)
            do {
                for url in chunks[index] {
                    let path = workspace?.relativePath(url) ?? url.relativePath
                    let document = try LIPDocument.load(url, path: path)
                    for rule in LintRegistry.documentRules { local.findings += rule.check(document, context: context) }
                    local.summaries.append(DocumentSummary(document))
                }
            } catch {
                local.error = error as? LIPError ?? .unreadable(path: "?", reason: "\(error)")
            }
            lock.lock()
            results[index] = local
            lock.unlock()
        }
        if let error = results.compactMap(\.error).first { throw error }
        var findings = results.flatMap(\.findings)
        let summaries = results.flatMap(\.summaries)
        // Bundle checks need every parent, also those outside the files named.
        var all = summaries
        if let workspace {
            let named = Set(files.map(\.standardizedFileURL.path))
            for url in try workspace.lipFiles() where !named.contains(url.standardizedFileURL.path) {
                all.append(DocumentSummary(try LIPDocument.load(url, path: workspace.relativePath(url))))
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
        guard let workspace, index else { return LintContext(knownNumbers: known, index: nil, hasReadme: false) }
        let readme = try workspace.readmeIndex()
        return LintContext(knownNumbers: known, index: readme, hasReadme: readme != nil)
    }
}
