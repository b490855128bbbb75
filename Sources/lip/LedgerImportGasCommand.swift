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

struct LedgerImportGasPricesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gas-prices",
        abstract: "Import gas price samples of one chain from a CSV: block,timestamp,base_fee_wei,priority_fee_wei.",
        discussion: """
            timestamp is the block's, in Unix seconds (UTC); fees are whole numbers of wei per gas. A sample the ledger has with the same values changes nothing; with other values it is an error (a chain does not change its past), and nothing of the file is stored.

            Examples:
              lip ledger import gas-prices Polls/costs/l2-prices.csv --chain l2

            Manual: docs/costs.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The price CSVs, each in its own transaction.", valueName: "FILE"))
    var files: [String]

    @Option(help: "The chain the samples are of (l1 or l2).")
    var chain: Chain

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one FILE") }
    }

    func run() throws {
        try importEach(files, into: ledger) { ledger, url, path, _ in try ledger.importGasPrices(url, path: path, chain: chain) }
    }
}
