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
    public static let nonVoterCount = 5

    /// The turnout of `ledger`, polls by their poll.yaml's rules in `workspace`.
    public static func build(ledger: Ledger, workspace: Workspace?) throws -> Turnout {
        var rows: [Row] = []
        var warnings: [String] = []
        let polls = try ledger.polls()
        let files = try workspace.map { try PollFile.all(in: $0) } ?? []
        for poll in polls {
            let resolved = try PollResolver.resolve(poll.address.checksummed, polls: polls, files: files)
            guard try PollVoting.ended(resolved.parameters, ledger: ledger) != nil else { continue }
            let parameters = resolved.parameters
            do {
                let rules = try PollRules.resolve(file: resolved.file, stake: nil, quorumBase: nil, chain: parameters.chain)
                let snapshot = try ledger.snapshot(chain: parameters.chain, forEndBlock: parameters.endBlock)
                let registered = try ledger.registeredAccounts(of: snapshot)
                let inputs = try TallyInputs.load(from: ledger, poll: parameters, stakeMode: rules.stake, quorumBase: rules.quorumBase, alsoRead: registered)
                let tally = TallyEngine.tally(inputs)
                let unvoted = PollWeight.unvotedWeights(of: registered, inputs: inputs)
                rows.append(
                    Row(
                        kind: .poll, id: poll.address.lowercased, lip: parameters.lip, createdBlock: poll.createdBlock ?? 0, endBlock: parameters.endBlock, endRound: nil,
                        totalVoteStake: tally.totalVoteStake, totalStake: tally.totalStake, quorumMet: tally.quorumMet, outcome: tally.result.rawValue,
                        largestNonVoters: largest(unvoted), quorum: parameters.quorum))
            } catch let error as LIPError {
                guard case .usage(let message) = error else { throw error }
                warnings.append("poll \(poll.address.checksummed): left out: \(message)")
            }
        }
        for proposal in try ledger.proposals() {
            guard let views = try ledger.proposalViews(governor: proposal.governor, id: proposal.id), !views.state.isVoting else { continue }
            let votes = try ledger.proposalVotes(governor: proposal.governor, id: proposal.id)
            let stakes = try ledger.proposalStakes(governor: proposal.governor, id: proposal.id)
            let result: ProposalTally.Decision
            let unvoted: [Address: BigUInt]
            do {
                result = try ProposalTally.decide(views: views, votes: votes)
                unvoted = try ProposalWeight.unvotedWeights(of: stakes, votes: votes, delegations: views.delegations)
            } catch let problem as ProposalCount.Problem {
                throw LIPError.invalidInput(file: ledger.path, location: "proposal \(proposal.id)", message: problem.description)
            }
            rows.append(
                Row(
                    kind: .proposal, id: String(proposal.id), lip: ProposalDescription(proposal.description).lip, createdBlock: proposal.block, endBlock: nil,
                    endRound: proposal.voteEnd, totalVoteStake: result.totals.sum, totalStake: views.totalSupply, quorumMet: result.quorumMet,
                    outcome: ProposalOutcomeName.of(views.state), largestNonVoters: largest(unvoted), quorum: views.quorumNumerator))
        }
        rows.sort { VoteEntry.precedes(($0.createdBlock, $0.kind, $0.id), ($1.createdBlock, $1.kind, $1.id)) }
        return Turnout(rows: rows, warnings: warnings)
    }

    /// The largest `nonVoterCount` of `weights` above 0, largest first, then by address.
    static func largest(_ weights: [Address: BigUInt]) -> [NonVoter] {
        weights.filter { $0.value > 0 }.map { NonVoter(address: $0.key, weight: $0.value) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.address < $1.address }.prefix(nonVoterCount).map { $0 }
    }

    /// records.md's JSON: an array of rows.
    public var json: JSONValue { .array(rows.map(\.json)) }
}
