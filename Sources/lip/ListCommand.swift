import ArgumentParser
import Foundation
import LIPKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the workspace's LIPs: number, status, type and title.",
        discussion: "Examples:\n  lip list --status proposed\n  lip list --type standard-track --format json\n\nManual: docs/user-guide.md (in the lip repository).")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: ArgumentHelp("Only LIPs with this status.", valueName: "STATUS"))
    var status: LIPStatus?

    @Option(help: ArgumentHelp("Only LIPs of this type.", valueName: "TYPE"))
    var type: LIPType?

    @Option(help: "table or json.")
    var format: ListFormat = .table

    func run() throws {
        let workspace = try workspaceOptions.locate()
        // A path that cannot be read (a folder, a dangling link) is named once; the others are listed.
        var docs: [LIPDocument] = []
        for url in try workspace.lipFiles() {
            let document = LIPDocument.loadOrProblem(url, path: workspace.relativePath(url))
            guard case .failure(.unreadable(let reason)) = document.preambleResult else {
                docs.append(document)
                continue
            }
            warn("lip: warning: \(document.path): \(reason); not listed (`lip lint` reports it)")
        }
        if let status { docs = docs.filter { $0.status == status } }
        if let type { docs = docs.filter { $0.type == type } }
        switch format {
        case .json:
            say(JSONValue.array(docs.map(DocumentReport.summaryJSON)).serialized(), terminator: "")
        case .table:
            let rows = docs.map { d in
                [
                    d.numberFromFileName.map(String.init) ?? (d.slugFromFileName ?? d.fileName),
                    d.preamble?.value("status") ?? "?", d.preamble?.value("type") ?? "?", d.title ?? "(no title)",
                ]
            }
            say(TextTable.render(header: ["LIP", "Status", "Type", "Title"], rows: rows), terminator: "")
        }
    }
}
