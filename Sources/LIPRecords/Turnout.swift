import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPTally

/// Turnout of every ended poll and proposal a ledger holds (records.md), oldest first: vote stake
/// against total stake, quorum, outcome, and the five largest orchestrators that did not vote.
public struct Turnout: Sendable {
    /// An orchestrator that did not vote, and what its vote would have counted.
    public struct NonVoter: Sendable, Equatable {
        public var address: Address
        public var weight: BigUInt
    }

    /// One ended poll or proposal.
    public struct Row: Sendable, Equatable {
        public var kind: VoteEntry.Kind
        /// The poll's address (lowercase) or the proposal's decimal id.
        public var id: String
        public var lip: Int?
        public var createdBlock: Int
        public var endBlock: Int?
        public var endRound: Int?
        /// A poll's tally `totalVoteStake`; a proposal's for + against + abstain as counted.
        public var totalVoteStake: BigUInt
        /// A poll's tally `totalStake`; a proposal's `getPastTotalSupply` at its snapshot round.
        public var totalStake: BigUInt
        public var quorumMet: Bool
        /// As `lip voter` names it: the poll's result, the proposal's state name.
        public var outcome: String
        /// The five largest orchestrators that did not vote, largest first.
        public var largestNonVoters: [NonVoter]

        /// totalVoteStake / totalStake, 4 decimals truncated; nil when the total is 0.
        public var participation: String? { truncatedShare(totalVoteStake, of: totalStake) }

        /// records.md's JSON row.
        public var json: JSONValue {
            .object([
                ("kind", .string(kind.rawValue)), ("id", .string(id)), ("lip", lip.map(JSONValue.int) ?? .null), ("createdBlock", .int(createdBlock)),
                ("endBlock", endBlock.map(JSONValue.int) ?? .null), ("endRound", endRound.map(JSONValue.int) ?? .null),
                ("totalVoteStake", .string(Amount.decimal(totalVoteStake))), ("totalStake", .string(Amount.decimal(totalStake))),
                ("participation", .string(participation)), ("quorumMet", .bool(quorumMet)), ("outcome", .string(outcome)),
                (
                    "largestNonVoters",
                    .array(largestNonVoters.map { .object([("address", .string($0.address.checksummed)), ("weight", .string(Amount.decimal($0.weight)))]) })
                ),
            ])
        }

        /// A poll's quorum share or a proposal's quorum numerator, of 1,000,000 (for the chart's line).
        public var quorum: BigUInt
    }

    /// The rows, oldest first (by creation block, poll before proposal, then id).
    public var rows: [Row]
    /// Polls and proposals left out, in words (not weighed: the ledger lacks their stake).
    public var warnings: [String]

    /// How many of the largest non-voters a row names.
    public static let nonVoterCount = VoteSummaries.nonVoterCount

    /// The turnout of `ledger`, polls by their poll.yaml's rules in `workspace`.
    public static func build(ledger: Ledger, workspace: Workspace?) throws -> Turnout {
        var rows: [Row] = []
        var warnings: [String] = []
        let polls = try ledger.polls(countingVotes: false)
        let files = try workspace.map { try PollFile.all(in: $0) } ?? []
        for poll in polls {
            let resolved = try PollResolver.resolve(poll.address.checksummed, polls: polls, files: files)
            guard try PollVoting.ended(resolved.parameters, ledger: ledger) != nil else { continue }
            let parameters = resolved.parameters
            do {
                let summary = try VoteSummaries.poll(resolved, ledger: ledger)
                rows.append(
                    Row(
                        kind: .poll, id: poll.address.lowercased, lip: parameters.lip, createdBlock: poll.createdBlock ?? 0, endBlock: parameters.endBlock, endRound: nil,
                        totalVoteStake: summary.totalVoteStake, totalStake: summary.totalStake, quorumMet: summary.quorumMet, outcome: summary.outcome,
                        largestNonVoters: nonVoters(summary), quorum: parameters.quorum))
            } catch let error as LIPError {
                guard case .usage(let message) = error else { throw error }
                warnings.append("poll \(poll.address.checksummed): left out: \(message)")
            }
        }
        for proposal in try ledger.proposals() {
            guard let views = try ledger.proposalViews(governor: proposal.governor, id: proposal.id, delegations: false), !views.state.isVoting else { continue }
            let summary = try VoteSummaries.proposal(proposal, views: views, ledger: ledger)
            rows.append(
                Row(
                    kind: .proposal, id: String(proposal.id), lip: ProposalDescription(proposal.description).lip, createdBlock: proposal.block, endBlock: nil,
                    endRound: proposal.voteEnd, totalVoteStake: summary.totalVoteStake, totalStake: summary.totalStake, quorumMet: summary.quorumMet,
                    outcome: summary.outcome, largestNonVoters: nonVoters(summary), quorum: views.quorumNumerator))
        }
        rows.sort { VoteEntry.precedes(($0.createdBlock, $0.kind, $0.id), ($1.createdBlock, $1.kind, $1.id)) }
        return Turnout(rows: rows, warnings: warnings)
    }

    /// A summary's largest non-voters as a row names them.
    static func nonVoters(_ summary: VoteSummary) -> [NonVoter] { summary.largestNonVoters.map { NonVoter(address: $0.address, weight: $0.weight) } }

    /// records.md's JSON: an array of rows.
    public var json: JSONValue { .array(rows.map(\.json)) }
}
