import ArgumentParser
import Foundation
import LIPKit

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The SQLite ledger of stake snapshots, event logs, votes and migrations.",
        discussion: """
            The ledger is .lip/ledger.sqlite in the workspace, or --db PATH, or $LIP_LEDGER; with --db no workspace is needed.

            Examples:
              lip ledger import snapshot l1.csv --chain l1 --block 14207040
              lip ledger status --format json

            Manual: docs/ledger.md (in the lip repository).
            """,
        subcommands: [LedgerImportCommand.self, LedgerSyncCommand.self, LedgerStatusCommand.self, LedgerVerifyCommand.self, LedgerVerifySnapshotCommand.self])
}
