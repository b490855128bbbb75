import ArgumentParser
import Foundation
import LIPKit

/// `--db PATH`, shared by commands that use the ledger.
struct LedgerOptions: ParsableArguments {
    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: ArgumentHelp("The ledger file (default: $LIP_LEDGER, else .lip/ledger.sqlite in the workspace).", valueName: "PATH"))
    var db: String?

    /// Opens the ledger.
    func open() throws -> Ledger {
        if let path = db ?? ProcessInfo.processInfo.environment["LIP_LEDGER"], !path.isEmpty {
            return try Ledger(path: URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL.path)
        }
        return try Ledger(path: try workspaceOptions.locate().defaultLedger.path)
    }
}
