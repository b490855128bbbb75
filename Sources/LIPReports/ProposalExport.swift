import BigInt
import Foundation
import LIPGovernor
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger
import LIPTally

/// What `lip proposal export` renders: the proposal tallied from the ledger, refused when a saved
/// `Proposals/<id>/result.json` was tallied from other inputs (the post and the file never disagree).
public enum ProposalExport {
    /// The report of proposal `reference`; `dbArgument` is the `--db` given, for the reproduce commands.
    public static func report(
        _ reference: String, ledger: Ledger, dbArgument: String?, workspace: Workspace?, names: [Address: String], linkBase: String
    ) throws -> ProposalReport {
        let result = try ProposalTally.run(reference, ledger: ledger)
        var lipFile: String?
        if let workspace {
            // A saved result is evidence from a pull request: the ledger's tally must give it, field by field.
            let url = ProposalResultFile.url(workspace: workspace, id: result.proposal.id)
            if FileManager.default.fileExists(atPath: url.path) {
                let path = workspace.relativePath(url)
                let data: Data
                do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
                try SavedResult.require(file: data, path: path, equals: result.json, ledger: ledger.path, retally: "lip proposal tally \(result.proposal.id) --save")
            }
            if let lip = result.description.lip, FileManager.default.fileExists(atPath: workspace.fileURL(lip: lip).path) {
                lipFile = workspace.relativePath(workspace.fileURL(lip: lip))
            }
        }
        let network = try ledger.network()?.name ?? "mainnet"
        var words = ["lip", "proposal", "tally", String(result.proposal.id)]
        if let dbArgument { words += ["--db", dbArgument] }
        let records = try ledger.imports(for: .governor)
        let commands = ReproduceCommand.commands(records, network: network) + [ReproduceCommand(line: ShellWord.line(words + ReproduceCommand.networkWords(network)))]
        var report = ProposalReport(result: result, names: names, commands: commands, lipFile: lipFile, linkBase: linkBase)
        report.explorers = Explorers.of(network: records.first { $0.kind == .proposalSync && $0.network != nil }?.network, workspace: workspace)
        return report
    }
}
