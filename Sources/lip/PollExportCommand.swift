import ArgumentParser
import Foundation
import LIPKit

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case forum, csv, json, svg }

struct PollExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a poll's result: a forum post (Discourse markdown), CSV, JSON or an SVG chart.",
        discussion: """
        The forum post links the LIP, sums up the result and the LIP-16 rule that decided it, lists the
        voters (orchestrators first; inside [details] when long), the warnings, the inputs digest and the
        exact commands that reproduce it.

        Examples:
          lip poll export 120 --format forum --names Polls/LIP-120/names.csv
          lip poll export 120 --format csv -o LIP-120-votes.csv
          lip poll export 120 --format svg -o LIP-120.svg
        """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("A poll address, or a LIP number.", valueName: "POLL"))
    var poll: String

    @Option(help: "forum, csv, json or svg.")
    var format: ExportFormat = .forum

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("A CSV `address,name` of display names (e.g. orchestrators).", valueName: "FILE"))
    var names: String?

    @Option(help: "Whose stake counts: l1, l2 or l1+l2 (default: the poll's chain).")
    var stake: StakeMode?

    @Option(name: .customLong("quorum-base"), help: "bonded or active.")
    var quorumBase: QuorumBase = .bonded

    @Option(name: .customLong("link-base"), help: ArgumentHelp("Where LIP files are linked to in the forum post.", valueName: "URL"))
    var linkBase = "https://github.com/livepeer/LIPs/blob/master/"

    func run() throws {
        try reporting {
            let (result, document, opened) = try tally(ledger: ledger, poll: poll, stake: stake, quorumBase: quorumBase)
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let nameMap = try names.map { try PollReport.names(URL(fileURLWithPath: $0, relativeTo: cwd), path: $0) } ?? [:]
            var report = PollReport(result: result, names: nameMap, linkBase: linkBase)
            if let doc = document {
                report.lipTitle = doc.title
                report.lipStatus = doc.preamble?.value("status")
                report.lipFile = doc.path
            }
            report.commands = try opened.importCommands().map { ($0.command, $0.sha256) }
            var tallyCommand = "lip poll tally \(poll) --stake \(result.stakeMode.rawValue) --quorum-base \(result.quorumBase.rawValue)"
            if ledger.db != nil { tallyCommand += " --db \(ledger.db!)" }
            report.commands.append((tallyCommand, nil))
            let text: String
            switch format {
            case .forum: text = report.forumPost
            case .csv: text = report.csv
            case .json: text = report.json.serialized()
            case .svg: text = report.svg
            }
            if let output {
                var t = FileTransaction()
                t.write(text, to: URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL)
                try t.commit()
                warn("lip: wrote \(output)")
            } else {
                say(text, terminator: "")
            }
            return 0
        }
    }
}
