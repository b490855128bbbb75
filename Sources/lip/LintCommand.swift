import ArgumentParser
import Foundation
import LIPKit

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check LIP files (and the README index) against the LIP rules.",
        discussion: """
        With no PATH, lints every LIP of the workspace and the README index. Exit status:
        0 no errors, 1 at least one error, 2 could not run.

        Examples:
          lip lint
          lip lint LIPs/LIP-73.md --format json
          lip lint --format github --strict
          lip lint --list-rules
        """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: ArgumentHelp("LIP files or folders to lint (default: the whole workspace).", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: "text, json, or github (GitHub Actions annotations).")
    var format: FindingFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("list-rules"), help: "List every rule id with its severity and exit.")
    var listRules = false

    func run() throws {
        try reporting {
            if listRules {
                say(TextTable.render(header: ["rule", "severity", "fires when"], rows: LintRegistry.all.map { [$0.id, $0.severity.rawValue, $0.summary] }), terminator: "")
                return 0
            }
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let report: LintReport
            if paths.isEmpty {
                report = try Linter().lint(workspace: try workspaceOptions.locate())
            } else {
                var files: [URL] = []
                for p in paths {
                    let url = URL(fileURLWithPath: p, relativeTo: cwd).standardizedFileURL
                    var isDir: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
                        throw LIPError.usage("\(p): no such file or folder")
                    }
                    if isDir.boolValue {
                        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".md") && $0.hasPrefix("LIP-") }
                        files += names.sorted(by: Workspace.fileOrder)
                            .map { url.appendingPathComponent($0) }
                    } else {
                        files.append(url)
                    }
                }
                let workspace = workspaceOptions.locateIfPresent()
                let inside = workspace.map { ws in files.allSatisfy { $0.path.hasPrefix(ws.root.path + "/") } } ?? false
                report = try Linter().lint(files: files, workspace: inside ? workspace : nil, includeIndex: false)
            }
            return renderFindings(report.findings, format: format, strict: strict, filesChecked: report.filesChecked)
        }
    }
}
