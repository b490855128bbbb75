import ArgumentParser
import Foundation
import LIPKit

struct LedgerImportLogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Import raw event logs (eth_getLogs output, or a JSON-RPC response around it).",
        discussion: """
            PollCreated, Vote and the L2Migrator's events are decoded by topic0; other topics are stored and counted as skipped. A PollCreated whose proposal is the CID in a Polls/LIP-<n>/poll.yaml is linked to LIP n.

            Examples:
              lip ledger import logs poll-logs.json --chain l2
              lip ledger import logs migrator-logs.json more-logs.json --chain l2

            Manual: docs/ledger.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The logs files, each in its own transaction.", valueName: "FILE"))
    var files: [String]

    @Option(help: "The chain the logs are from.")
    var chain: Chain

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one FILE") }
    }

    func run() throws {
        let links = try PollFile.links(in: ledger.workspaceOptions.locateIfPresent())
        try importEach(files, into: ledger) { ledger, url, path, progress in
            try ledger.importLogs(url, path: path, chain: chain, links: links, progress: progress)
        }
    }
}
