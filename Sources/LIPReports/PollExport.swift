import Foundation
import LIPGovernor
import LIPTally
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// What `lip poll export` renders: the poll's one result. A saved `result.json` is rendered as
/// saved, after checking that the ledger (when the workspace has one) still gives its inputs
/// digest; without a saved result the poll is tallied by its rules.
public enum PollExport {
    /// The report of `reference`; `ledgerPath` is the ledger's file (it may not exist), `dbArgument`
    /// the `--db` given, for the reproduce commands.
    public static func report(
        reference: String, ledgerPath: String?, dbArgument: String?, workspace: Workspace?, stake: StakeMode?, quorumBase: QuorumBase?,
        names: [Address: String], linkBase: String
    ) throws -> PollReport {
        let ledger = try ledgerPath.flatMap { FileManager.default.fileExists(atPath: $0) ? try Ledger(path: $0, create: false) : nil }
        guard let workspace, let lip = try PollReference(reference).lip(in: workspace),
            let saved = try savedResult(lip: lip, workspace: workspace)
        else {
            guard let ledgerPath else { throw LIPError.usage("no ledger: give --db PATH") }
            let tally = try PollTally.run(
                reference: reference, ledger: try ledger ?? Ledger(path: ledgerPath, create: false), workspace: workspace, stake: stake, quorumBase: quorumBase)
            return try tally.report(names: names, linkBase: linkBase, ledgerPath: dbArgument, workspace: workspace)
        }
        let (result, path, file, data) = saved
        // The flags may not contradict the poll's rules, nor the rules the result was tallied by.
        let rules = try PollRules.resolve(file: file, stake: stake ?? result.stakeMode, quorumBase: quorumBase ?? result.quorumBase, chain: result.poll.chain)
        let base = rules.quorumBase ?? result.quorumBase
        if rules.stake != result.stakeMode || base != result.quorumBase {
            throw LIPError.refused(
                "\(path) was tallied with stake \(result.stakeMode.rawValue) and quorum base \(result.quorumBase.rawValue), not \(rules.stake.rawValue) and \(base.rawValue): run `lip poll tally \(lip) --save` to save the result by the poll's rules"
            )
        }
        var commands: [ReproduceCommand] = []
        var notice: String?
        var explorers = Explorers.mainnet
        if let ledger {
            // The file is evidence from a pull request, not authority: the ledger's tally must give it, field by field.
            let fresh = try PollTally.run(reference: reference, ledger: ledger, workspace: workspace, stake: rules.stake, quorumBase: base)
            try SavedResult.require(file: data, path: path, equals: fresh.result.json, ledger: ledger.path, retally: "lip poll tally \(lip) --save")
            commands = try fresh.reproduceCommands()
            explorers = try fresh.explorers(workspace: workspace)
        } else {
            notice = SavedResult.noLedgerNotice(path)
        }
        commands.append(ReproduceCommand(tallying: reference, result: result, ledgerPath: dbArgument, network: try ledger?.network()?.name ?? "mainnet"))
        var report = PollReport(result: result, names: names, commands: commands, linkBase: linkBase)
        report.notice = notice
        report.explorers = explorers
        if FileManager.default.fileExists(atPath: workspace.fileURL(lip: lip).path) {
            let document = try workspace.document(lip: lip)
            report.lipTitle = document.title
            report.lipStatus = document.preamble?.value("status")
            report.lipFile = document.path
        }
        return report
    }

    /// LIP `lip`'s saved result with its path and poll.yaml, nil when it has none.
    static func savedResult(lip: Int, workspace: Workspace) throws -> (TallyResult, String, PollFile?, Data)? {
        let url = PollResultFile.url(workspace: workspace, lip: lip)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        let path = workspace.relativePath(url)
        let data: Data
        do {
            guard !isDirectory.boolValue else { throw CocoaError(.fileReadUnknown) }
            data = try Data(contentsOf: url)
        } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
        let file = try PollFile.load(lip: lip, in: workspace)
        return (try TallyResult(saved: data, path: path, chain: file?.chain ?? .l2), path, file, data)
    }
}
