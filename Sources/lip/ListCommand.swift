import ArgumentParser
import Foundation
import LIPKit

enum ListFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the workspace's LIPs: number, status, type and title.",
        discussion: "Examples:\n  lip list --status proposed\n  lip list --type standard-track --format json")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: ArgumentHelp("Only LIPs with this status (e.g. last-call).", valueName: "STATUS"))
    var status: String?

    @Option(help: ArgumentHelp("Only LIPs of this type (e.g. meta).", valueName: "TYPE"))
    var type: String?

    @Option(help: "table or json.")
    var format: ListFormat = .table

    func validate() throws {
        if let status, LIPStatus(parsing: status) == nil { throw ValidationError("--status `\(status)` is not a LIP status") }
        if let type, LIPType(parsing: type) == nil { throw ValidationError("--type `\(type)` is not a LIP type") }
    }

    func run() throws {
        try reporting {
            let workspace = try workspaceOptions.locate()
            var docs = try workspace.documents()
            if let s = status.flatMap(LIPStatus.init(parsing:)) { docs = docs.filter { $0.status == s } }
            if let t = type.flatMap(LIPType.init(parsing:)) { docs = docs.filter { $0.type == t } }
            switch format {
            case .json:
                say(JSONValue.array(docs.map(DocumentReport.summaryJSON)).serialized(), terminator: "")
            case .table:
                let rows = docs.map { d in [d.numberFromFileName.map(String.init) ?? (d.slugFromFileName ?? d.fileName),
                                            d.preamble?.value("status") ?? "?", d.preamble?.value("type") ?? "?", d.title ?? "(no title)"] }
                say(TextTable.render(header: ["LIP", "Status", "Type", "Title"], rows: rows), terminator: "")
            }
            return 0
        }
    }
}
