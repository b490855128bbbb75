import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPTally

/// The full count of each ended poll and proposal, as records use it (outcome, participation, the
/// largest orchestrators that did not vote): kept in the ledger once counted (`VoteSummary`), and
/// counted again only when the ledger has changed since (or the poll's rules have).
enum VoteSummaries {
    /// How many of the largest non-voters a summary names.
    static let nonVoterCount = 5

    /// The summary of the ended poll `resolved`, by its poll.yaml's rules. `counted`: its inputs
    /// (read with the rows of `registered`, the snapshot's registered accounts) and their count,
    /// when the caller has them.
    static func poll(
        _ resolved: ResolvedPoll, ledger: Ledger, counted: (inputs: TallyInputs, result: TallyResult, registered: [Address])? = nil
    ) throws -> VoteSummary {
        let parameters = resolved.parameters
        let rules = try PollRules.resolve(file: resolved.file, stake: nil, quorumBase: nil, chain: parameters.chain)
        let id = parameters.address?.lowercased ?? "lip-\(parameters.lip.map(String.init) ?? "?")"
        let key = [
            "lip=\(parameters.lip.map(String.init) ?? "-")", "chain=\(parameters.chain.rawValue)", "end=\(parameters.endBlock)", "quorum=\(parameters.quorum)",
            "quota=\(parameters.quota)", "stake=\(rules.stake.rawValue)", "base=\(rules.quorumBase?.rawValue ?? "-")",
        ].joined(separator: ";")
        let revisions = try ledger.summaryRevisions(.poll)
        if let kept = try ledger.voteSummary(.poll, id: id, rules: key, revisions: revisions) { return kept }
        let (inputs, tally, registered) =
            try counted
            ?? {
                let snapshot = try ledger.snapshot(chain: parameters.chain, forEndBlock: parameters.endBlock)
                let registered = try ledger.registeredAccounts(of: snapshot)
                let inputs = try TallyInputs.load(from: ledger, poll: parameters, stakeMode: rules.stake, quorumBase: rules.quorumBase, alsoRead: registered)
                return (inputs, TallyEngine.tally(inputs), registered)
            }()
        let summary = VoteSummary(
            kind: .poll, id: id, rules: key, totalVoteStake: tally.totalVoteStake, totalStake: tally.totalStake, quorumMet: tally.quorumMet,
            outcome: tally.result.rawValue, largestNonVoters: largest(PollWeight.unvotedWeights(of: registered, inputs: inputs)))
        keep(summary, revisions, governor: nil, in: ledger)
        return summary
    }

    /// The summary of the decided `proposal`; `views` as the ledger holds them (their delegations
    /// may be left out: they are read when it is counted).
    /// `read`: its votes, stored stakes and views with every delegation, when the caller has them.
    static func proposal(
        _ proposal: GovernorProposal, views: ProposalViews, ledger: Ledger, read: (votes: [GovernorVote], stakes: [ProposalStake], whole: ProposalViews)? = nil
    ) throws -> VoteSummary {
        let id = VoteSummary.proposalID(governor: proposal.governor, id: proposal.id)
        let revisions = try ledger.summaryRevisions(.proposal, governor: proposal.governor)
        if let kept = try ledger.voteSummary(.proposal, id: id, rules: "", revisions: revisions) { return kept }
        let votes = try read?.votes ?? ledger.proposalVotes(governor: proposal.governor, id: proposal.id)
        let stakes = try read?.stakes ?? ledger.proposalStakes(governor: proposal.governor, id: proposal.id)
        // The views with every delegation: the count needs them all.
        let whole = try read?.whole ?? ledger.proposalViews(governor: proposal.governor, id: proposal.id) ?? views
        let decision: ProposalTally.Decision
        let unvoted: [Address: BigUInt]
        do {
            decision = try ProposalTally.decide(views: whole, votes: votes)
            unvoted = try ProposalWeight.unvotedWeights(of: stakes, votes: votes, delegations: whole.delegations)
        } catch let problem as ProposalCount.Problem {
            throw LIPError.invalidInput(file: ledger.path, location: "proposal \(proposal.id)", message: problem.description)
        }
        let summary = VoteSummary(
            kind: .proposal, id: id, rules: "", totalVoteStake: decision.totals.sum, totalStake: views.totalSupply, quorumMet: decision.quorumMet,
            outcome: ProposalOutcomeName.of(views.state), largestNonVoters: largest(unvoted))
        keep(summary, revisions, governor: proposal.governor, in: ledger)
        return summary
    }

    /// Keeps a summary for the next reader. A ledger this user cannot write (or one written by
    /// another process meanwhile) keeps none: the next reader counts again, with the same result.
    private static func keep(_ summary: VoteSummary, _ revisions: String, governor: Address?, in ledger: Ledger) {
        _ = try? ledger.keep(summary, countedAt: revisions, governor: governor)
    }

    /// The largest `nonVoterCount` of `weights` above 0, largest first, then by address.
    static func largest(_ weights: [Address: BigUInt]) -> [VoteSummary.NonVoter] {
        weights.filter { $0.value > 0 }.map { VoteSummary.NonVoter(address: $0.key, weight: $0.value) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.address < $1.address }.prefix(nonVoterCount).map { $0 }
    }
}

extension Turnout {
    /// Counts each ended poll and proposal whose kept summary no longer holds, and keeps it: what
    /// `lip ledger sync polls` and `sync proposals` do after writing, so that the records read
    /// next (`lip voter`, `lip turnout`, `lip poll list`) read one row per vote.
    public static func keepSummaries(ledger: Ledger, workspace: Workspace?) throws {
        _ = try build(ledger: ledger, workspace: workspace)
    }
}
