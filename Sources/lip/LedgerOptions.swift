import ArgumentParser
import Foundation
import LIPKit

/// `--db PATH`, `--network NAME` and `--networks FILE`, shared by commands that use the ledger: a
/// ledger belongs to one network, and each network has its own file in the workspace.
struct LedgerOptions: ParsableArguments {
    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(
        help: ArgumentHelp(
            "The ledger file (default: $LIP_LEDGER, else the network's own file in the workspace: .lip/ledger.sqlite for mainnet, .lip/ledger-NAME.sqlite for any other).",
            valueName: "PATH"))
    var db: String?

    @Option(
        help: ArgumentHelp(
            "The network: mainnet, or a name from networks.yaml (default: the network the ledger records, else mainnet). A ledger that records another network is refused.",
            valueName: "NAME"))
    var network: String?

    @Option(help: ArgumentHelp("A networks.yaml to read networks from (default: the workspace's).", valueName: "FILE"))
    var networks: String?

    /// What the options choose, for the library to resolve.
    var choice: LedgerChoice {
        let environment = ProcessInfo.processInfo.environment["LIP_LEDGER"]
        return LedgerChoice(
            db: db ?? environment.flatMap { $0.isEmpty ? nil : $0 }, network: network, networksPath: networks, directory: currentDirectory,
            workspaceRoot: { try workspaceOptions.locate().root }, knownWorkspaceRoot: workspaceOptions.locateIfPresent()?.root)
    }

    /// Where the ledger is: --db, $LIP_LEDGER, else the network's file in the workspace.
    func path() throws -> String { try choice.path() }

    /// Opens the ledger to read it: a missing one is an error, and nothing is created.
    func open() throws -> Ledger { try choice.open() }

    /// Opens the ledger to write into it, creating it when needed, stamped with its network
    /// (`network` when the command resolved it already).
    func openForImport(network: LedgerNetwork? = nil) throws -> Ledger { try choice.openForWriting(network: network) }

    /// The network a command that writes works on (--network, else the ledger's, else mainnet).
    func writingNetwork() throws -> LedgerNetwork { try choice.writingNetwork() }

    /// The contracts of `network`.
    func contracts(of network: LedgerNetwork) throws -> Network { try choice.contracts(of: network) }

    /// The network's name and chain ids that `ledger` works on.
    func networkIdentity(of ledger: Ledger) throws -> LedgerNetwork { try choice.networkIdentity(of: ledger) }
}
