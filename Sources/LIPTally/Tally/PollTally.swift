import Foundation
import LIPCore
import LIPDocuments
import LIPLedger

/// A poll found from what the user typed and tallied from the ledger: what `lip poll tally`
/// prints and saves and what `lip poll export` renders.
public struct PollTally: Sendable {
    /// The poll as the user named it (an address or a LIP number).
    public var reference: String
    /// The result.
    public var result: TallyResult
    /// The LIP document, when the workspace has it.
    public var document: LIPDocument?
    /// The ledger it was tallied from.
    public let ledger: Ledger

    /// Resolves `reference` and tallies it by the poll's rules (`PollRules`: its poll.yaml's; the
    /// flags only for a poll without one).
    public static func run(reference: String, ledger: Ledger, workspace: Workspace?, stake: StakeMode?, quorumBase: QuorumBase?) throws -> PollTally {
        if Address(reference) == nil && workspace == nil {
            throw LIPError.usage("`lip poll tally \(reference)` needs a workspace to find Polls/LIP-\(reference)/poll.yaml; or give the poll address and --db")
        }
        let resolved = try PollResolver.resolve(reference, ledger: ledger, workspace: workspace)
        let parameters = resolved.parameters
        let rules = try PollRules.resolve(file: resolved.file, stake: stake, quorumBase: quorumBase, chain: parameters.chain)
        let inputs = try TallyInputs.load(from: ledger, poll: parameters, stakeMode: rules.stake, quorumBase: rules.quorumBase)
        let document = try parameters.lip.flatMap { n in
            try workspace.flatMap { ws in FileManager.default.fileExists(atPath: ws.fileURL(lip: n).path) ? try ws.document(lip: n) : nil }
        }
        return PollTally(reference: reference, result: TallyEngine.tally(inputs), document: document, ledger: ledger)
    }

    /// Writes the result to `Polls/LIP-<n>/result.json`, which `lip advance` reads; returns the file.
    public func save(in workspace: Workspace) throws -> URL {
        guard let lip = result.poll.lip else { throw LIPError.usage("--save: the poll is linked to no LIP (add its address to Polls/LIP-<n>/poll.yaml)") }
        return try PollResultFile.save(result.json, workspace: workspace, lip: lip)
    }

    /// The report every export renders: the result, the LIP, the names, and the commands that
    /// rebuild the ledger and the tally (`ledgerPath` is the `--db` given, if any).
    public func report(names: [Address: String], linkBase: String, ledgerPath: String?, workspace: Workspace? = nil) throws -> PollReport {
        var report = PollReport(result: result, names: names, linkBase: linkBase)
        report.explorers = try explorers(workspace: workspace)
        if let document {
            report.lipTitle = document.title
            report.lipStatus = document.preamble?.value("status")
            report.lipFile = document.path
        }
        report.commands = try reproduceCommands()
        report.commands.append(ReproduceCommand(tallying: reference, result: result, ledgerPath: ledgerPath))
        return report
    }

    /// Where the report links addresses: the explorers of the network this poll was synced from
    /// (mainnet's for a poll imported from files).
    public func explorers(workspace: Workspace?) throws -> Explorers {
        let network = try reproduceCommandRecords().first { $0.kind == .sync && $0.network != nil }?.network
        return Explorers.of(network: network, workspace: workspace)
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
        try reproduceCommandRecords().map(ReproduceCommand.init)
    }
}
