import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// What one account's vote in a poll weighs, given the votes so far, by LIP-16 and the poll's
/// rules, from the ledger: the weight `lip poll tally` counts for it once its vote is in.
public struct PollWeight: Sendable {
    /// The account's part in the poll.
    public enum Role: String, Sendable {
        /// A registered orchestrator: its vote counts its delegated stake, less its voting delegators'.
        case orchestrator
        /// Delegated to another account: its vote counts its own stake.
        case delegator
        /// Neither.
        case none

        /// The label the tally's voter tables and `lip poll weight` share, for an account with
        /// `stake` of its own: neither orchestrator nor delegator is `no stake`, or `not delegated`
        /// when it holds stake without a delegate.
        public func label(stake: BigUInt) -> String {
            switch self {
            case .orchestrator: return "orchestrator"
            case .delegator: return "delegator"
            case .none: return stake == 0 ? "no stake" : "not delegated"
            }
        }
    }

    /// A delegator of this orchestrator who voted, and the stake that comes off its weight.
    public struct VotedDelegator: Sendable, Equatable {
        public var address: Address
        public var stake: BigUInt
        public var choice: VoteChoice
    }

    /// The poll.
    public var poll: PollParameters
    /// The account.
    public var account: Address
    /// Its role.
    public var role: Role
    /// Its delegate, for a delegator.
    public var delegate: Address?
    /// Its own stake (all its positions).
    public var ownStake: BigUInt
    /// For an orchestrator: the stake delegated to it.
    public var delegatedStake: BigUInt?
    /// For an orchestrator: its delegators who voted.
    public var votedDelegators: [VotedDelegator]
    /// For a delegator: whether its orchestrator voted (its own vote then takes its stake off it).
    public var delegateVoted: Bool
    /// For a delegator: how its orchestrator voted, nil when it has not.
    public var delegateChoice: VoteChoice?
    /// What its yes or no counts for.
    public var weight: BigUInt
    /// How it voted, nil when it has not (or only with an invalid choice).
    public var voted: VoteChoice?
    /// Whether the stake predates the poll's end block.
    public var provisional: Bool
    /// The snapshots the stake is from.
    public var snapshots: [SnapshotReference]

    /// The weight of `account` in the poll `reference` (an address or a LIP number) by its rules.
    /// An account the ledger has no row for in a partial snapshot (synced: voters and their
    /// delegates only) is an error that says how to read it.
    /// `read` gives the row of an account at a snapshot's chain and block from a node, for an
    /// account a partial snapshot lacks; nil when no node was given.
    public static func of(
        _ account: Address, reference: String, ledger: Ledger, workspace: Workspace?, read: ((Address, SnapshotReference) throws -> SnapshotAccount)? = nil
    ) throws -> PollWeight {
        try weighing(account, poll: try PollResolver.resolve(reference, ledger: ledger, workspace: workspace), ledger: ledger, read: read)
    }

    /// The weight of `account` in the resolved poll, counted by `TallyEngine` from what decides
    /// it alone (`TallyInputs.load(around:)`: the account, its delegate, the voters delegated to
    /// it), which weighs it as the count of every vote does (`PollWeightPropertyTests`).
    package static func weighing(
        _ account: Address, poll resolved: ResolvedPoll, ledger: Ledger, read: ((Address, SnapshotReference) throws -> SnapshotAccount)?
    ) throws -> PollWeight {
        let parameters = resolved.parameters
        let rules = try PollRules.resolve(file: resolved.file, stake: nil, quorumBase: nil, chain: parameters.chain)
        var inputs = try TallyInputs.load(
            from: ledger, poll: parameters, stakeMode: rules.stake, quorumBase: rules.quorumBase, alsoRead: [account], around: account)
        return try weighing(account, inputs: &inputs, ledger: ledger, read: read)
    }

    /// The weight of `account` counted from `inputs` (every vote, or those around it); a row a
    /// partial snapshot lacks is read with `read` and added to them.
    package static func weighing(
        _ account: Address, inputs: inout TallyInputs, ledger: Ledger, read: ((Address, SnapshotReference) throws -> SnapshotAccount)?
    ) throws -> PollWeight {
        let parameters = inputs.poll
        var mine = inputs.positions.filter { $0.account == account }
        if mine.isEmpty {
            for reference in inputs.snapshots where try ledger.snapshot(chain: reference.chain, block: reference.block)?.partial == true {
                guard let read else {
                    throw LIPError.usage(
                        "the \(reference.chain.rawValue) snapshot at block \(reference.block) is partial (synced: voters and their delegates only) and has no row for \(account.checksummed): give --rpc URL to read it at that block, or sync with --full"
                    )
                }
                let row = try read(account, reference)
                let position = Position(
                    account: row.account, delegate: row.delegate, stake: row.stake, delegatedStake: row.delegatedStake, registered: row.registered,
                    active: row.active ?? false, domain: reference.chain)
                inputs.positions.append(position)
                mine.append(position)
                // Inputs read around the account lack its delegate's vote until its row is known.
                if let d = row.delegate, d != account, let poll = parameters.address, !inputs.votes.contains(where: { $0.voter == d }) {
                    inputs.votes += try ledger.votes(poll: poll, voters: [d])
                }
            }
        }
        let now = TallyEngine.tally(inputs)
        let voter = now.voters.first { $0.address == account }
        var weight = voter?.weight ?? 0
        if voter == nil {
            // As if it voted now (after every vote so far): the weight the tally would count.
            var asIf = inputs
            asIf.votes.append(CastVote(voter: account, choice: "0", block: Int.max, logIndex: 0))
            asIf.inputsDigest = "-"
            weight = TallyEngine.tally(asIf).voters.first { $0.address == account }?.weight ?? 0
        }
        let registered = mine.contains { $0.registered }
        let delegate = mine.compactMap(\.delegate).first { $0 != account }
        let role: Role = registered ? .orchestrator : (delegate != nil ? .delegator : .none)
        let voted = now.voters.filter { $0.address != account }.compactMap { v -> VotedDelegator? in
            let stake = v.positions.filter { $0.position.delegate == account }.reduce(BigUInt(0)) { $0 + $1.position.stake }
            return stake > 0 ? VotedDelegator(address: v.address, stake: stake, choice: v.choice) : nil
        }
        let delegateChoice = delegate.flatMap { d in now.voters.first { $0.address == d }?.choice }
        let result = PollWeight(
            poll: parameters, account: account, role: role, delegate: role == .delegator ? delegate : nil, ownStake: mine.reduce(BigUInt(0)) { $0 + $1.stake },
            delegatedStake: registered ? mine.filter(\.registered).reduce(BigUInt(0)) { $0 + $1.delegatedStake } : nil,
            votedDelegators: registered ? voted.sorted { $0.address < $1.address } : [],
            delegateVoted: delegateChoice != nil, delegateChoice: delegateChoice, weight: weight, voted: voter?.choice,
            provisional: inputs.provisional, snapshots: inputs.snapshots)
        return result
    }

    /// What the votes of `accounts`, none of which has voted, would each count for if cast now
    /// (after every vote so far), by one tally in which they all vote: an account whose only
    /// delegate is itself (an orchestrator) takes nothing off another's weight, so their votes
    /// are counted together; any other is weighed by a tally of its own, as `of` weighs it.
    /// `lip turnout` names the largest orchestrators that did not vote with it.
    package static func unvotedWeights(of accounts: [Address], inputs: TallyInputs) -> [Address: BigUInt] {
        let voters = Set(inputs.votes.map(\.voter))
        let wanted = accounts.filter { !voters.contains($0) }
        var selfDelegated: [Address] = []
        var others: [Address] = []
        for a in wanted {
            let positions = inputs.positions.filter { $0.account == a }
            if positions.allSatisfy({ $0.delegate == nil || $0.delegate == a }) { selfDelegated.append(a) } else { others.append(a) }
        }
        func asIf(_ group: [Address]) -> [Address: BigUInt] {
            var asIf = inputs
            asIf.votes += group.map { CastVote(voter: $0, choice: "0", block: Int.max, logIndex: 0) }
            asIf.inputsDigest = "-"
            let counted = TallyEngine.tally(asIf).voters
            return Dictionary(group.map { a in (a, counted.first { $0.address == a }?.weight ?? 0) }, uniquingKeysWith: { a, _ in a })
        }
        var out = selfDelegated.isEmpty ? [:] : asIf(selfDelegated)
        for a in others { out.merge(asIf([a]), uniquingKeysWith: { a, _ in a }) }
        return out
    }

    /// As JSON: `account`, `role`, `weight` (wei, decimal), `voted` (`yes`, `no` or null),
    /// `provisional`, and what explains the weight.
    public var json: JSONValue {
        .object([
            ("poll", .string(poll.address?.checksummed)), ("lip", .int(poll.lip)), ("account", .string(account.checksummed)), ("role", .string(role.rawValue)),
            ("delegate", .string(delegate?.checksummed)), ("ownStake", .string(Amount.decimal(ownStake))),
            ("delegatedStake", .string(delegatedStake.map(Amount.decimal))),
            (
                "votedDelegators",
                .array(
                    votedDelegators.map {
                        .object([("address", .string($0.address.checksummed)), ("stake", .string(Amount.decimal($0.stake))), ("choice", .string($0.choice.rawValue))])
                    })
            ),
            ("delegateVoted", .bool(delegateVoted)), ("weight", .string(Amount.decimal(weight))), ("voted", .string(voted?.rawValue)),
            ("provisional", .bool(provisional)),
            ("snapshots", .array(snapshots.map { .object([("chain", .string($0.chain.rawValue)), ("block", .int($0.block)), ("l1Block", .int($0.l1Block))]) })),
        ])
    }

}
