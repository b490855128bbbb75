import ArgumentParser
import Foundation
import LIPKit

struct PollExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a poll's result: a forum post (Discourse markdown), CSV, JSON or an SVG chart.",
        discussion: """
            A LIP whose result is saved (Polls/LIP-<n>/result.json, from `lip poll tally --save`) is exported as saved, so the post, the CSV and the file never disagree; when the workspace's ledger no longer gives the result's inputs digest the export is refused. Without a saved result the poll is tallied by the rules in its poll.yaml.

            The forum post links the LIP, sums up the result and the LIP-16 rule that decided it, lists the voters (orchestrators first; inside [details] when long), the warnings, the inputs digest and the exact commands that reproduce it.

            Examples:
              lip poll export 120 --format forum --names Polls/LIP-120/names.csv
              lip poll export 120 --format csv -o LIP-120-votes.csv
              lip poll export 120 --format svg -o LIP-120.svg

            Manual: docs/user-guide.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("A poll address, or a LIP number.", valueName: "POLL"))
    var poll: String

    @OptionGroup var export: ExportOptions

    @Option(help: "Whose stake counts, for a poll without poll.yaml (else its `stake:`; a flag that contradicts it is refused).")
    var stake: StakeMode?

    @Option(name: .customLong("quorum-base"), help: "What participation is measured against, for a poll without poll.yaml (else its `quorum-base:`).")
    var quorumBase: QuorumBase?

    func run() throws {
        let report = try PollExport.report(
            reference: poll, ledgerPath: try? ledger.path(), dbArgument: ledger.db, workspace: ledger.workspaceOptions.locateIfPresent(), stake: stake,
            quorumBase: quorumBase, names: try export.nameMap(), linkBase: export.linkBase)
        if let notice = report.notice { warn(notice) }
        let text: String
        switch export.format {
        case .forum: text = report.forumPost
        case .csv: text = report.csv
        case .json: text = report.json.serialized()
        case .svg: text = report.svg
        }
        try export.emit(text)
    }
}
