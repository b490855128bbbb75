import ArgumentParser
import Foundation
import LIPKit

struct LedgerImportGasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gas",
        abstract: "Import a gas benchmark set from a CSV: operation,chain,gas[,tx].",
        discussion: """
            One row per operation and chain: operation a label of letters, digits, `.`, `_` or `-` (at most 64), chain l1 or l2, gas a non-negative whole number, tx optionally the transaction it was measured in. The same file again changes nothing; other rows for a set the ledger has need --replace. `lip costs` reads the set stored last unless told another.

            Examples:
              lip ledger import gas Polls/costs/devnet-gas.csv --set devnet-2026-12
              lip ledger import gas new-run.csv --set devnet-2026-12 --replace

            Manual: docs/costs.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The benchmark CSV.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("The set's name: letters, digits, `.`, `_` or `-` (at most 64).", valueName: "NAME"))
    var set: String

    @Flag(help: "Replace the set's rows when the ledger has the set with other rows.")
    var replace = false

    func run() throws {
        try importEach([file], into: ledger) { ledger, url, path, _ in try ledger.importGas(url, path: path, set: set, replace: replace) }
    }
}
