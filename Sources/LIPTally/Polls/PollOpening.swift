import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// What `lip poll open` produces for a LIP.
public struct PollOpening: Sendable {
    /// The LIP.
    public var lip: Int
    /// The commit whose LIP text is the proposal.
    public var commit: String
    /// `proposal.json`'s exact bytes.
    public var proposalJSON: String
    /// Its IPFS CIDv0.
    public var cid: String
    /// `PollCreator.createPoll(bytes)` calldata with the CID as the bytes, 0x-hex.
    public var calldata: String
    /// The poll.yaml written, with the poll's rules.
    public var pollFile: PollFile
    /// Whether the LIP file in the working copy differs from the committed text the proposal holds.
    public var workingCopyDiffers: Bool

    /// Opens the poll of LIP `number` from the text committed at `commit` (default: git HEAD),
    /// read with `git show`, so that the proposal and its gitCommitHash always agree.
    public static func open(
        lip number: Int, commit: String?, sentiment: Bool, chain: Chain, stake: StakeMode?, quorumBase: QuorumBase?, workspace: Workspace, ledger: Ledger?
    ) throws -> PollOpening {
        let sha = try workspace.gitCommit(commit ?? "HEAD")
        let relative = workspace.relativePath(workspace.fileURL(lip: number))
        guard FileManager.default.fileExists(atPath: workspace.fileURL(lip: number).path) else {
            throw LIPError.usage("no LIP-\(number): there is no \(relative)")
        }
        let committed = try workspace.gitFile(relative, at: sha)
        let document = LIPDocument(path: relative, data: committed)
        // Opened again (the text changed), a poll keeps the rules its poll.yaml states unless told otherwise.
        let existing = try PollFile.load(lip: number, in: workspace)
        var opening = try prepare(
            document: document, commit: sha, sentiment: sentiment, chain: chain,
            stake: try stake ?? existing?.stake ?? defaultStake(chain: chain, ledger: ledger), quorumBase: quorumBase ?? existing?.quorumBase ?? .bonded,
            workspace: workspace)
        opening.workingCopyDiffers = (try? Data(contentsOf: workspace.fileURL(lip: number))) != committed
        return opening
    }

    /// The stake mode a new poll gets unless told: its chain's, and `l1+l2` on L2 while the ledger
    /// knows an open migration window (it holds an L1 snapshot and migrations to L2).
    public static func defaultStake(chain: Chain, ledger: Ledger?) throws -> StakeMode {
        guard chain == .l2 else { return .l1 }
        guard let ledger else { return .l2 }
        let hasL1Snapshot = try ledger.snapshots().contains { $0.chain == .l1 }
        let hasMigrations = try ledger.migrationCount(after: Int.min) > 0
        return hasL1Snapshot && hasMigrations ? .l1l2 : .l2
    }

    /// Prepares the poll of `document` (the LIP text as committed at `commit`); refuses a LIP that
    /// is not Proposed (unless `sentiment`) or that is part of a bundle.
    public static func prepare(
        document: LIPDocument, commit: String, sentiment: Bool, chain: Chain, stake: StakeMode, quorumBase: QuorumBase, workspace: Workspace
    ) throws -> PollOpening {
        guard let number = document.numberFromFileName else { throw LIPError.usage("\(document.path) is not a numbered LIP") }
        if let parent = document.partOf.first(where: { $0 != number }) {
            throw LIPError.refused("LIP-\(number) is part of the LIP-\(parent) bundle and is never polled on its own: open the poll of LIP-\(parent)")
        }
        if document.status != .proposed && !sentiment {
            throw LIPError.refused(
                "LIP-\(number) is \(document.preamble?.value("status") ?? "without a status") in commit \(commit.prefix(12)), not Proposed: a poll decides a Proposed LIP (use --sentiment for a sentiment poll)"
            )
        }
        if stake == .l1l2 && quorumBase == .active {
            throw LIPError.usage("--quorum-base active is refused in stake mode l1+l2: unmigrated L1 stake has no active set on L2")
        }
        guard commit.count == 40, Hex.decode(commit) != nil else {
            throw LIPError.usage("commit `\(commit)` is not a 40-digit git commit hash")
        }
        // Exactly what JavaScript's JSON.stringify({gitCommitHash, text}) gives.
        let proposal = "{\"gitCommitHash\":" + JSONValue.quote(commit.lowercased()) + ",\"text\":" + JSONValue.quote(document.text) + "}"
        let cid: String
        do { cid = try IPFSCID.cidV0(Array(proposal.utf8)) } catch let p as IPFSCID.Problem {
            throw LIPError.refused("Polls/LIP-\(number)/proposal.json: \(p)")
        }
        let calldata = Hex.prefixed(ABI.calldata(signature: "createPoll(bytes)", bytesArgument: Array(cid.utf8)))
        var file = PollFile(lip: number, cid: cid, chain: chain, stake: stake, quorumBase: quorumBase)
        if let existing = try PollFile.load(lip: number, in: workspace), let address = existing.address {
            guard existing.cid == cid else {
                throw LIPError.refused(
                    "\(existing.path) names the created poll \(address.checksummed) for proposal \(existing.cid); the LIP text or commit changed since (now \(cid)): remove the address to open a new poll"
                )
            }
            file.address = address
        }
        return PollOpening(
            lip: number, commit: commit.lowercased(), proposalJSON: proposal, cid: cid, calldata: calldata, pollFile: file, workingCopyDiffers: false)
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
