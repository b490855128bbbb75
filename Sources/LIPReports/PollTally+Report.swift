import Foundation
import LIPGovernor
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger
import LIPTally

extension PollTally {
    /// The report every export renders: the result, the LIP, the names, and the commands that
    /// rebuild the ledger and the tally (`ledgerPath` is the `--db` given, if any).
    public func report(names: [Address: String], linkBase: String, ledgerPath: String?, workspace: Workspace? = nil) throws -> PollReport {
        var report = PollReport(result: result, names: names, linkBase: linkBase)
        // The imports read once for both the explorers and the commands (a site reads them for
        // each of hundreds of polls).
        let records = try reproduceCommandRecords()
        report.explorers = Self.explorers(records, workspace: workspace)
        if let document {
            report.lipTitle = document.title
            report.lipStatus = document.preamble?.value("status")
            report.lipFile = document.path
        }
        report.commands = ReproduceCommand.commands(records, network: try ledgerNetwork())
        report.commands.append(ReproduceCommand(tallying: reference, result: result, ledgerPath: ledgerPath, network: try ledgerNetwork()))
        return report
    }

    /// Where the report links addresses: the explorers of the network this poll was synced from
    /// (mainnet's for a poll imported from files).
    public func explorers(workspace: Workspace?) throws -> Explorers {
        Self.explorers(try reproduceCommandRecords(), workspace: workspace)
    }

    /// The explorers of the network the first sync of `records` names.
    static func explorers(_ records: [ImportRecord], workspace: Workspace?) -> Explorers {
        Explorers.of(network: records.first { $0.kind == .sync && $0.network != nil }?.network, workspace: workspace)
    }

    /// The records behind `reproduceCommands`.
    func reproduceCommandRecords() throws -> [ImportRecord] {
        let scope = Ledger.ImportScope.poll(
            result.poll.address ?? .zero, snapshots: result.snapshots.map { ($0.chain, $0.block) }, migrations: result.stakeMode == .l1l2)
        return try ledger.imports(for: scope)
    }

    /// The imports and syncs that rebuild THIS poll's inputs (its snapshots, its logs and votes,
    /// the migrations when they count), never every import of `ledger`.
    public func reproduceCommands() throws -> [ReproduceCommand] {
        ReproduceCommand.commands(try reproduceCommandRecords(), network: try ledgerNetwork())
    }

    /// The name of the network the ledger belongs to (mainnet for one that records none).
    func ledgerNetwork() throws -> String { try ledger.network()?.name ?? "mainnet" }
}
