import ArgumentParser
import Foundation
import LIPKit

struct LedgerImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import a stake snapshot, raw event logs, votes, migrations, governor state, gas benchmarks or gas prices into the ledger (each file all or nothing, idempotent).",
        discussion: """
            Examples:
              lip ledger import snapshot l1.csv --chain l1 --block 14207040
              lip ledger import logs poll-logs.json --chain l2
              lip ledger import votes votes.csv --poll 0x1111111111111111111111111111111111111111
              lip ledger import migrations migrations.csv
              lip ledger import governor-state governor-state.json
              lip ledger import gas benchmarks.csv --set devnet-2026-12
              lip ledger import gas-prices l2-prices.csv --chain l2

            Manual: docs/ledger.md (in the lip repository).
            """,
        subcommands: [
            LedgerImportSnapshotCommand.self, LedgerImportLogsCommand.self, LedgerImportVotesCommand.self, LedgerImportMigrationsCommand.self,
            LedgerImportGovernorStateCommand.self, LedgerImportGasCommand.self, LedgerImportGasPricesCommand.self,
        ])
}

/// Imports `files` one by one, each in its own transaction, printing a summary line per file;
/// stops at the first file that fails (the ones before it stay imported).
func importEach(_ files: [String], into options: LedgerOptions, _ body: (Ledger, URL, String, ImportProgress?) throws -> ImportSummary) throws {
    let ledger = try options.openForImport()
    let progress: ImportProgress? = stderrIsTerminal ? { n in FileHandle.standardError.write(Data("\r  \(n) rows…".utf8)) } : nil
    for file in files {
        let url = URL(fileURLWithPath: file, relativeTo: currentDirectory).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else { throw LIPError.unreadable(path: file, reason: "no such file") }
        let summary = try body(ledger, url, file, progress)
        if progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for w in summary.warnings { warn("lip: warning: \(file): \(w)") }
        say("\(file): \(summary.line)")
    }
}
