import ArgumentParser
import Foundation
import LIPKit

struct LedgerStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List what the ledger holds: snapshots, polls, migrations and logs.",
        discussion: """
            Examples:
              lip ledger status
              lip ledger status --format json --db ledger.sqlite

            Manual: docs/ledger.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "How to print it.")
    var format: TextOrJSON = .text

    func run() throws {
        let status = try ledger.open().status()
        if format == .json {
            say(status.json.serialized(), terminator: "")
            return
        }
        say("ledger: \(status.path)")
        say("network: " + (status.network.map(\.description) ?? "not recorded yet (the next command that writes this ledger records it)"))
        say("snapshots:" + (status.snapshots.isEmpty ? " none" : ""))
        for s in status.snapshots {
            say(
                "  \(s.chain.rawValue) block \(s.block)" + (s.l1Block.map { " (L1 block \($0))" } ?? "")
                    + ": \(s.accounts) accounts, \(Amount.formatLPT(s.totalStake, decimals: 2, grouping: true)) LPT staked, from \(s.source.rawValue)"
                    + (s.partial ? "; partial (voters and their delegates only: `lip ledger sync poll POLL --full` makes it whole)" : ""))
        }
        let polls = status.polls.filter { $0.chain != nil }
        say("polls:" + (polls.isEmpty ? " none" : ""))
        for p in polls {
            say(
                "  \(p.address.checksummed) on \(p.chain?.rawValue ?? "?"): end block \(p.endBlock ?? 0), \(p.votes) vote\(p.votes == 1 ? "" : "s")"
                    + (p.lip.map { ", LIP-\($0)" } ?? ""))
        }
        say("migrations: \(status.migrations)")
        if let window = status.window {
            say("migration window:")
            say(
                "  L1 snapshot: "
                    + (window.l1SnapshotBlock.map { "block \($0)" } ?? "none (import the LIP-73 snapshot: lip ledger import snapshot FILE --chain l1 --block N)"))
            let span = window.firstL2Block.flatMap { first in window.lastL2Block.map { ", L2 blocks \(first)-\($0)" } } ?? ""
            say("  migrations: \(window.migrations)\(span)")
            if window.scans.isEmpty { say("  read from imported files only: lip ledger sync migrations reads them from a node") }
            for scan in window.scans { say("  L2Migrator \(scan.l2Migrator.checksummed) read to \(scan.chain.rawValue) block \(scan.scannedTo)") }
        }
        say("logs: " + JSONValue.object([("imported", .int(status.logsImported)), ("skipped", .int(status.logsSkipped))]).serialized(pretty: false))
    }
}
