import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// What one account's vote on a governor proposal weighs, given the votes so far, as
/// GovernorCountingOverridable counts it: its votes at the proposal's snapshot round
/// (`getPastVotes`), less those of its delegators who voted (an orchestrator's); a delegator's vote
/// comes off its orchestrator's.
public struct ProposalWeight: Sendable {
    /// What BondingVotes says of an account at a round: its votes and its delegate.
    public struct Stake: Sendable, Equatable {
        public var votes: BigUInt
        public var delegate: Address

        public init(votes: BigUInt, delegate: Address) {
            self.votes = votes
            self.delegate = delegate
        }
    }

    /// A delegator of this account who voted, and what comes off its weight.
    public struct VotedDelegator: Sendable, Equatable {
        public var address: Address
        public var weight: BigUInt
        public var support: VoteSupport
    }

    /// The proposal.
    public var governor: Address, id: BigUInt
    /// Its snapshot round.
    public var snapshot: Int
    /// The account.
    public var account: Address
    /// `orchestrator` (delegated to itself), `delegator` (to an orchestrator), or `other`.
    public var role: ProposalCount.Role
    /// Its delegate at the snapshot round.
    public var delegate: Address
    /// Its votes at the snapshot round.
    public var votes: BigUInt
    /// For an orchestrator: its delegators who voted.
    public var votedDelegators: [VotedDelegator]
    /// For a delegator: whether its orchestrator voted.
    public var delegateVoted: Bool
    /// For a delegator: how its orchestrator voted, nil when it has not.
    public var delegateSupport: VoteSupport?
    /// What its vote counts for, given the votes so far.
    public var weight: BigUInt
    /// How it voted, nil when it has not.
    public var voted: VoteSupport?
    /// The governor's state as the ledger last saw it.
    public var state: ProposalState

    /// The weight of `account` on proposal `reference`. `read` asks BondingVotes (a node) for what
    /// the ledger lacks: an account's votes and delegate at a round; nil when no node was given.
    public static func of(
        _ account: Address, reference: String, ledger: Ledger, read: ((Address, Int) throws -> Stake)?
    ) throws -> ProposalWeight {
        let (governor, id) = try ProposalTally.resolve(reference, ledger: ledger)
        guard let proposal = try ledger.proposals(governor: governor).first(where: { $0.id == id }) else {
            throw LIPError.usage("the ledger has views of proposal \(id) but not its ProposalCreated: sync the governor's proposals")
        }
        guard var views = try ledger.proposalViews(governor: governor, id: id, delegations: false) else {
            throw LIPError.usage("the ledger has no views of proposal \(id) yet (it is pending, or not synced): `lip ledger sync proposals` once its voting starts")
        }
        let near = try ledger.proposalVotes(governor: governor, id: id, around: account)
        views.delegations = near.delegations
        return try weighing(account, proposal: proposal, views: views, votes: near.votes, ledger: ledger, read: read)
    }

    /// The weight of `account` on `proposal`, counted from `votes` and `views`' delegations: every
    /// vote, or only what decides this account's weight (`Ledger.proposalVotes(around:)`: its
    /// own vote, its delegate's, its delegators'), which weighs it the same.
    package static func weighing(
        _ account: Address, proposal: GovernorProposal, views: ProposalViews, votes cast: [GovernorVote], ledger: Ledger, read: ((Address, Int) throws -> Stake)?
    ) throws -> ProposalWeight {
        let (governor, id) = (proposal.governor, proposal.id)
        var votes = cast
        var delegations = views.delegations
        func stake(_ a: Address) throws -> Stake {
            guard let read else {
                throw LIPError.usage(
                    "the ledger has no votes of \(a.checksummed) at round \(proposal.voteStart): give --rpc URL (BondingVotes is checkpointed by round: any node will do)")
            }
            let s = try read(a, proposal.voteStart)
            delegations[a] = s.delegate
            return s
        }
        let mine = votes.first { $0.voter == account }
        var accountVotes: BigUInt
        if let mine {
            accountVotes = mine.weight
        } else {
            accountVotes = try stake(account).votes
            // As if it voted now, after every vote so far.
            votes.append(GovernorVote(voter: account, support: .for, weight: accountVotes, reason: "", block: Int.max, logIndex: 0))
        }
        if delegations[account] == nil { _ = try stake(account) }
        let delegate = delegations[account]!
        if delegate != account, !votes.contains(where: { $0.voter == delegate }) {
            // Votes read around an account the views name no delegate of lack its delegate's.
            let near = try ledger.proposalVotes(governor: governor, id: id, around: delegate)
            let have = Set(votes.map(\.voter))
            votes += near.votes.filter { !have.contains($0.voter) }
            delegations.merge(near.delegations) { mine, _ in mine }
        }
        if delegations[delegate] == nil { _ = try stake(delegate) }
        let counted: [ProposalCount.CountedVote]
        do { counted = try ProposalCount.count(votes, delegations: delegations).votes } catch let problem as ProposalCount.Problem {
            throw LIPError.invalidInput(file: ledger.path, location: "proposal \(id)", message: problem.description)
        }
        let me = counted.first { $0.vote.voter == account }!
        let delegateSupport = delegate == account ? nil : counted.first { $0.vote.voter == delegate && $0.vote.block != Int.max }?.vote.support
        let delegators = counted.filter { $0.vote.voter != account && $0.delegate == account && $0.role == .delegator }
        return ProposalWeight(
            governor: governor, id: id, snapshot: proposal.voteStart, account: account, role: me.role, delegate: delegate, votes: accountVotes,
            votedDelegators: me.role == .orchestrator ? delegators.map { VotedDelegator(address: $0.vote.voter, weight: $0.vote.weight, support: $0.vote.support) } : [],
            delegateVoted: delegateSupport != nil, delegateSupport: delegateSupport, weight: me.countedWeight,
            voted: mine?.support, state: views.state)
    }

    /// As JSON: `account`, `role`, `weight` (wei), `voted`, `provisional` and what explains the weight.
    public var json: JSONValue {
        .object([
            ("governor", .string(governor.checksummed)), ("proposal", .string(String(id))), ("snapshot", .int(snapshot)), ("account", .string(account.checksummed)),
            ("role", .string(role.rawValue)), ("delegate", .string(delegate.checksummed)), ("votes", .string(Amount.decimal(votes))),
            (
                "votedDelegators",
                .array(
                    votedDelegators.map {
                        .object([("address", .string($0.address.checksummed)), ("weight", .string(Amount.decimal($0.weight))), ("support", .string($0.support.name))])
                    })
            ),
            ("delegateVoted", .bool(delegateVoted)), ("weight", .string(Amount.decimal(weight))), ("voted", .string(voted?.name)),
            ("state", .string(state.name)), ("provisional", .bool(state.isVoting)),
        ])
    }

}

extension ProposalWeight {
    /// What the votes of the orchestrators among `stakes` that did not vote would each count for
    /// if cast now, after every vote so far, as `of` weighs one: an account delegated to itself
    /// with votes above 0, counted with the others by `ProposalCount` (an orchestrator's vote takes
    /// nothing off another's). `lip turnout` names the largest with it.
    package static func unvotedWeights(of stakes: [ProposalStake], votes: [GovernorVote], delegations: [Address: Address]) throws -> [Address: BigUInt] {
        let voters = Set(votes.map(\.voter))
        let orchestrators = stakes.filter { $0.delegate == $0.account && $0.votes > 0 && !voters.contains($0.account) }
        guard !orchestrators.isEmpty else { return [:] }
        var all = delegations
        for s in orchestrators { all[s.account] = s.account }
        let asIf = votes + orchestrators.map { GovernorVote(voter: $0.account, support: .for, weight: $0.votes, reason: "", block: Int.max, logIndex: 0) }
        let counted = try ProposalCount.count(asIf, delegations: all).votes.filter { $0.vote.block == Int.max }
        return Dictionary(counted.map { ($0.vote.voter, $0.countedWeight) }, uniquingKeysWith: { a, _ in a })
    }
}
