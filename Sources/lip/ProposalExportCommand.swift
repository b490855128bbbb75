import ArgumentParser
import Foundation
import LIPKit

struct ProposalExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a proposal's result: a forum post (Discourse markdown), CSV, JSON or an SVG chart.",
        discussion: """
            The forum post shows For, Against and Abstain, participation against quorum, For against the quota, the on-chain check, and per voter the counted weight (after overrides) beside the cast weight, with the voter's reason. When Proposals/<id>/result.json is saved and the ledger no longer gives its inputs digest, the export is refused.

            Examples:
              lip proposal export 47594449960002004883427627513498014634838446428567917326838470738398214045286 --format forum --names names.csv
              lip proposal export 47594449960002004883427627513498014634838446428567917326838470738398214045286 --format csv -o votes.csv

            Manual: docs/governor.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The proposal id, decimal or 0x hex.", valueName: "ID"))
    var id: String

    @OptionGroup var export: ExportOptions

    func run() throws {
        let report = try ProposalExport.report(
            id, ledger: try ledger.open(), dbArgument: ledger.db, workspace: ledger.workspaceOptions.locateIfPresent(), names: try export.nameMap(), linkBase: export.linkBase)
        let text: String
        switch export.format {
        case .forum: text = report.forumPost
        case .csv: text = report.csv
        case .json: text = report.result.json.serialized()
        case .svg: text = report.svg
        }
        try export.emit(text)
    }
}
