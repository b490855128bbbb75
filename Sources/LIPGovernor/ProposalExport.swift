import BigInt
import Foundation
import LIPCore
import LIPDocuments
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
            if let saved = try ProposalResultFile.savedDigest(workspace: workspace, id: result.proposal.id), saved != result.inputsDigest {
                let path = workspace.relativePath(ProposalResultFile.url(workspace: workspace, id: result.proposal.id))
                throw LIPError.refused(
                    "\(path) was tallied from inputs sha256:\(saved), but the ledger \(ledger.path) now gives sha256:\(result.inputsDigest): run `lip proposal tally \(result.proposal.id) --save` and review the result"
                )
            }
            if let lip = result.description.lip, FileManager.default.fileExists(atPath: workspace.fileURL(lip: lip).path) {
                lipFile = workspace.relativePath(workspace.fileURL(lip: lip))
            }
        }
        var words = ["lip", "proposal", "tally", String(result.proposal.id)]
        if let dbArgument { words += ["--db", dbArgument] }
        let commands = try ledger.imports().map(ReproduceCommand.init) + [ReproduceCommand(line: ShellWord.line(words))]
        return ProposalReport(result: result, names: names, commands: commands, lipFile: lipFile, linkBase: linkBase)
    }
}
