import ArgumentParser
import Foundation
import LIPKit

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
