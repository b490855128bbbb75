import ArgumentParser
import Foundation
import LIPKit

struct LedgerImportMigrationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrations",
        abstract: "Import L1-to-L2 stake migrations from a CSV: kind,l1_account,l2_account,l2_block,pool.",
        discussion: """
            kind is delegator (l1_account moved to l2_account), claim (a snapshot claim) or orchestrator (moved to l2_account, with pool holding its remaining L1 delegators).

            Examples:
              lip ledger import migrations migrations.csv

            Manual: docs/ledger.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The migrations files, each in its own transaction.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one FILE") }
    }

    func run() throws {
        try importEach(files, into: ledger) { ledger, url, path, _ in try ledger.importMigrations(url, path: path) }
    }
}
