import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
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
        if case .lip = try PollReference(reference), workspace == nil {
            throw LIPError.usage("`lip poll tally \(reference)` needs a workspace to find Polls/LIP-\(reference)/poll.yaml; or give the poll address and --db")
        }
        let resolved = try PollResolver.resolve(reference, ledger: ledger, workspace: workspace)
        let parameters = resolved.parameters
        let rules = try PollRules.resolve(file: resolved.file, stake: stake, quorumBase: quorumBase, chain: parameters.chain)
        let inputs = try TallyInputs.load(from: ledger, poll: parameters, stakeMode: rules.stake, quorumBase: rules.quorumBase)
        return try PollTally(reference: reference, result: TallyEngine.tally(inputs), workspace: workspace, ledger: ledger)
    }

    /// The tally `result` of the poll named `reference` (as `run` makes it, from inputs read by
    /// its rules), with its LIP's document when `workspace` has it.
    public init(reference: String, result: TallyResult, workspace: Workspace?, ledger: Ledger) throws {
        self.reference = reference
        self.result = result
        self.document = try result.poll.lip.flatMap { n in
            try workspace.flatMap { ws in FileManager.default.fileExists(atPath: ws.fileURL(lip: n).path) ? try ws.document(lip: n) : nil }
        }
        self.ledger = ledger
    }

    /// Writes the result to `Polls/LIP-<n>/result.json`, which `lip advance` reads; returns the file.
    public func save(in workspace: Workspace) throws -> URL {
        guard let lip = result.poll.lip else { throw LIPError.usage("--save: the poll is linked to no LIP (add its address to Polls/LIP-<n>/poll.yaml)") }
        return try PollResultFile.save(result.json, workspace: workspace, lip: lip)
    }
}
