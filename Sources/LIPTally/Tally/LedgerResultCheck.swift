import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// Checks a saved `result.json` against the workspace's ledger: tallied again by the poll's rules,
/// the ledger must give the file in every field (a file edited to say `no`, digest kept, is
/// refused). Without a ledger in the workspace, the committed result is the evidence.
public struct LedgerResultCheck: PollResultCheck {
    /// The workspace.
    public let workspace: Workspace
    /// The ledger that is the evidence (default: the workspace's `.lip/ledger.sqlite`).
    public let ledgerPath: String

    /// Creates the check.
    public init(workspace: Workspace, ledgerPath: String? = nil) {
        self.workspace = workspace
        self.ledgerPath = ledgerPath ?? workspace.defaultLedger.path
    }

    /// The ledger as messages name it: relative to the workspace when inside it.
    var shownLedger: String { workspace.relativePath(URL(fileURLWithPath: ledgerPath)) }

    public func problem(with saved: PollResultFile, lip: Int) throws -> String? {
        guard FileManager.default.fileExists(atPath: ledgerPath) else { return nil }
        let path = workspace.relativePath(PollResultFile.url(workspace: workspace, lip: lip))
        let fresh: PollTally
        do {
            fresh = try PollTally.run(reference: String(lip), ledger: try Ledger(path: ledgerPath, create: false), workspace: workspace, stake: nil, quorumBase: nil)
        } catch let error as LIPError {
            return
                "\(path) cannot be checked: the ledger \(shownLedger) does not tally LIP-\(lip) (\(error)); import what the result lists, or remove \(shownLedger) to rely on the committed result"
        }
        let url = PollResultFile.url(workspace: workspace, lip: lip)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
        do {
            try SavedResult.require(file: data, path: path, equals: fresh.result.json, ledger: shownLedger, retally: "lip poll tally \(lip) --save")
        } catch let LIPError.refused(message) {
            return message
        }
        return nil
    }
}
