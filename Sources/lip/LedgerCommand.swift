import ArgumentParser
import Foundation
import LIPKit

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The SQLite ledger of stake snapshots, event logs, votes and migrations.",
        subcommands: [])
}
