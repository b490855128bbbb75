import ArgumentParser
import Foundation
import LIPKit

struct PollExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a poll's result: a forum post (Discourse markdown), CSV, JSON or an SVG chart.",
        discussion: """
            The forum post links the LIP, sums up the result and the LIP-16 rule that decided it, lists the voters (orchestrators first; inside [details] when long), the warnings, the inputs digest and the exact commands that reproduce it.

            Examples:
              lip poll export 120 --format forum --names Polls/LIP-120/names.csv
              lip poll export 120 --format csv -o LIP-120-votes.csv
              lip poll export 120 --format svg -o LIP-120.svg
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("A poll address, or a LIP number.", valueName: "POLL"))
    var poll: String

    @Option(help: "What to write.")
    var format: ExportFormat = .forum

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("A CSV `address,name` of display names (e.g. orchestrators).", valueName: "FILE"))
    var names: String?

    @Option(help: "Whose stake counts (default: the poll's chain).")
    var stake: StakeMode?

    @Option(name: .customLong("quorum-base"), help: "What participation is measured against.")
    var quorumBase: QuorumBase = .bonded

    @Option(name: .customLong("link-base"), help: ArgumentHelp("Where LIP files are linked to in the forum post.", valueName: "URL"))
    var linkBase = "https://github.com/livepeer/LIPs/blob/master/"

    func run() throws {
        let tally = try PollTally.run(
            reference: poll, ledger: try ledger.open(), workspace: ledger.workspaceOptions.locateIfPresent(),
            stake: stake, quorumBase: quorumBase)
        let nameMap = try names.map { try PollReport.names(URL(fileURLWithPath: $0, relativeTo: currentDirectory), path: $0) } ?? [:]
        let report = try tally.report(names: nameMap, linkBase: linkBase, ledgerPath: ledger.db)
        let text: String
        switch format {
        case .forum: text = report.forumPost
        case .csv: text = report.csv
        case .json: text = report.json.serialized()
        case .svg: text = report.svg
        }
        guard let output else { return say(text, terminator: "") }
        var transaction = FileTransaction()
        transaction.write(text, to: URL(fileURLWithPath: output, relativeTo: currentDirectory).standardizedFileURL)
        try transaction.commit()
        warn("lip: wrote \(output)")
    }
}
