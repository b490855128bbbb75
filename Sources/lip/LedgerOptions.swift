import ArgumentParser
import Foundation
import LIPKit

/// `--db PATH`, shared by commands that use the ledger.
struct LedgerOptions: ParsableArguments {
    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: ArgumentHelp("The ledger file (default: $LIP_LEDGER, else .lip/ledger.sqlite in the workspace).", valueName: "PATH"))
    var db: String?

    /// Where the ledger is: --db, $LIP_LEDGER, else the workspace's.
    func path() throws -> String {
        if let path = db ?? ProcessInfo.processInfo.environment["LIP_LEDGER"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL.path
        }
        return try workspaceOptions.locate().defaultLedger.path
    }

    /// Opens the ledger to read it: a missing one is an error, and nothing is created.
    func open() throws -> Ledger { try Ledger(path: try path(), create: false) }

    /// Opens the ledger to import into it, creating it when needed.
    func openForImport() throws -> Ledger { try Ledger(path: try path(), create: true) }
}
