import BigInt
import Foundation
import LIPCore
import LIPDocuments

/// `Proposals/<id>/result.json`: a proposal's saved tally JSON, committed beside the LIPs.
public enum ProposalResultFile {
    /// The file of proposal `id` in `workspace`.
    public static func url(workspace: Workspace, id: BigUInt) -> URL {
        workspace.root.appendingPathComponent("Proposals").appendingPathComponent(String(id)).appendingPathComponent("result.json")
    }

    /// Writes `result`'s JSON atomically; returns its URL.
    @discardableResult
    public static func save(_ result: ProposalResult, workspace: Workspace) throws -> URL {
        let url = url(workspace: workspace, id: result.proposal.id)
        var transaction = FileTransaction()
        transaction.write(result.json.serialized(), to: url)
        try transaction.commit(relativeTo: workspace.root)
        return url
    }
}
