import Foundation
import LIPCore
import LIPDocuments
import LIPLedger

/// Checks a saved `result.json` against the workspace's ledger: the ledger must still give the
/// result's inputs digest when tallied by the poll's rules. Without a ledger in the workspace,
/// the committed result is the evidence.
public struct LedgerResultCheck: PollResultCheck {
    /// The workspace whose `.lip/ledger.sqlite` is the evidence.
    public let workspace: Workspace

    /// Creates the check.
    public init(workspace: Workspace) { self.workspace = workspace }

    public func problem(with saved: PollResultFile, lip: Int) throws -> String? {
        let ledgerPath = workspace.defaultLedger.path
        guard FileManager.default.fileExists(atPath: ledgerPath) else { return nil }
        let path = workspace.relativePath(PollResultFile.url(workspace: workspace, lip: lip))
        let fresh: PollTally
        do {
            fresh = try PollTally.run(reference: String(lip), ledger: try Ledger(path: ledgerPath, create: false), workspace: workspace, stake: nil, quorumBase: nil)
        } catch let error as LIPError {
            return
                "\(path) cannot be checked: the workspace's ledger does not tally LIP-\(lip) (\(error)); import what the result lists, or remove .lip/ledger.sqlite to rely on the committed result"
        }
        guard let digest = saved.inputsDigest, digest == fresh.result.inputsDigest else {
            return
                "\(path) was tallied from inputs sha256:\(saved.inputsDigest ?? "(none)"), but the workspace's ledger now gives sha256:\(fresh.result.inputsDigest): run `lip poll tally \(lip) --save` and review the result"
        }
        return nil
    }
}
