import ArgumentParser
import Foundation
import LIPKit

struct LedgerSyncGasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gas",
        abstract: "Read a gas benchmark set from transaction receipts: OPERATION=TXHASH, one per operation.",
        discussion: """
            Each receipt's gasUsed (and Arbitrum's gasUsedForL1 when the node gives it) is stored as a measurement of the operation on --chain, in one transaction; a failed transaction is refused. An operation given several times is measured several times (lip costs uses the median). The devnet records the transactions of every protocol operation it runs (devnet_gas). A set is built chain by chain: a sync adds the rows of a chain the set has none of; the same receipts again change nothing; other rows for a chain the set has need --replace, which replaces that chain's rows only. The network's entry needs only `chain-id`.

            Examples:
              lip ledger sync gas --set devnet --chain l2 bond=0x63f5… reward=0x10c6… --network devnet --rpc http://127.0.0.1:8545

            Manual: docs/costs.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @Option(help: ArgumentHelp("The set's name: letters, digits, `.`, `_` or `-` (at most 64).", valueName: "NAME"))
    var set: String

    @Option(help: "The chain the transactions are on (l1 or l2).")
    var chain: Chain

    @Flag(help: "Replace the set's rows when the ledger has the set with other rows.")
    var replace = false

    @Argument(
        help: ArgumentHelp(
            "An operation and a transaction that measured it (0x + 64 hex digits); an operation may be given several times, each with its own transaction.",
            valueName: "OPERATION=TXHASH"))
    var transactions: [MeasuredTransaction]

    func validate() throws {
        guard !transactions.isEmpty else { throw ValidationError("name at least one OPERATION=TXHASH") }
    }

    func run() throws {
        let network = try ledger.writingNetwork()
        let reader = try node.connect(chain: chain, network: network)
        let rows = try GasSync(node: reader).receipts(transactions.map { ($0.operation, $0.hash) }, chain: chain)
        let summary = try ledger.openForImport(network: network).storeGasReceipts(rows, name: set, chain: chain, network: network.name, replace: replace)
        say("set \(set) from \(reader.client.endpoint.display): \(summary.line); \(reader.client.roundTrips) HTTP requests")
    }
}
