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

    /// The saved inputs digest of proposal `id`, nil when nothing is saved.
    public static func savedDigest(workspace: Workspace, id: BigUInt) throws -> String? {
        let url = url(workspace: workspace, id: id)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let path = workspace.relativePath(url)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let digest = object["inputsDigest"] as? String else {
            throw LIPError.invalidInput(file: path, location: "", message: "not a proposal result (no \"inputsDigest\" string)")
        }
        return digest
    }
}
