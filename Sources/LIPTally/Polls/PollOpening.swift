import Foundation
import LIPCore
import LIPDocuments
import LIPLedger

/// What `lip poll open` produces for a LIP.
public struct PollOpening: Sendable {
    /// The LIP.
    public var lip: Int
    /// `proposal.json`'s exact bytes.
    public var proposalJSON: String
    /// Its IPFS CIDv0.
    public var cid: String
    /// `PollCreator.createPoll(bytes)` calldata with the CID as the bytes, 0x-hex.
    public var calldata: String
    /// The poll.yaml written.
    public var pollFile: PollFile

    /// Prepares the poll of LIP `number` at git commit `commit`; refuses a LIP that is not Proposed
    /// (unless `sentiment`) or that is part of a bundle.
    public static func prepare(lip number: Int, commit: String, sentiment: Bool, chain: Chain, workspace: Workspace) throws -> PollOpening {
        let document = try workspace.document(lip: number)
        if let parent = document.partOf.first(where: { $0 != number }) {
            throw LIPError.refused("LIP-\(number) is part of the LIP-\(parent) bundle and is never polled on its own: open the poll of LIP-\(parent)")
        }
        if document.status != .proposed && !sentiment {
            throw LIPError.refused(
                "LIP-\(number) is \(document.preamble?.value("status") ?? "without a status"), not Proposed: a poll decides a Proposed LIP (use --sentiment for a sentiment poll)")
        }
        guard commit.count == 40, Hex.decode(commit) != nil else {
            throw LIPError.usage("commit `\(commit)` is not a 40-digit git commit hash")
        }
        // Exactly what JavaScript's JSON.stringify({gitCommitHash, text}) gives.
        let proposal = "{\"gitCommitHash\":" + JSONValue.quote(commit.lowercased()) + ",\"text\":" + JSONValue.quote(document.text) + "}"
        let bytes = Array(proposal.utf8)
        let cid: String
        do { cid = try IPFSCID.cidV0(bytes) } catch let p as IPFSCID.Problem {
            throw LIPError.refused("Polls/LIP-\(number)/proposal.json: \(p)")
        }
        let calldata = Hex.prefixed(ABI.calldata(signature: "createPoll(bytes)", bytesArgument: Array(cid.utf8)))
        var file = PollFile(lip: number, cid: cid, chain: chain)
        let yamlURL = workspace.pollDirectory(lip: number).appendingPathComponent("poll.yaml")
        if FileManager.default.fileExists(atPath: yamlURL.path) {
            let existing = try PollFile.load(yamlURL, path: workspace.relativePath(yamlURL))
            if let address = existing.address {
                guard existing.cid == cid else {
                    throw LIPError.refused(
                        "Polls/LIP-\(number)/poll.yaml names the created poll \(address.checksummed) for proposal \(existing.cid); the LIP text or commit changed since (now \(cid)): remove the address to open a new poll"
                    )
                }
                file.address = address
            }
        }
        return PollOpening(lip: number, proposalJSON: proposal, cid: cid, calldata: calldata, pollFile: file)
    }

    /// Writes proposal.json and poll.yaml together.
    public func write(workspace: Workspace) throws {
        var t = FileTransaction()
        let dir = workspace.pollDirectory(lip: lip)
        t.write(proposalJSON, to: dir.appendingPathComponent("proposal.json"))
        t.write(pollFile.yaml, to: dir.appendingPathComponent("poll.yaml"))
        try t.commit(relativeTo: workspace.root)
    }
}
