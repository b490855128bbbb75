import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPTally

/// An account's part in every poll and governor proposal a ledger holds (records.md): each entry
/// is what `PollWeight` or `ProposalWeight` says at that vote's deciding point, so the record is
/// their fold, never a second rule.
public struct VoterRecord: Sendable {
    /// The account.
    public var account: Address
    /// The ledger's network.
    public var network: String
    /// Its entries, by creation block, then poll before proposal, then id.
    public var entries: [VoteEntry]
    /// What could not be weighed, in words.
    public var warnings: [String]

    /// Ended entries whose weight is known and above 0, or in which it voted.
    public var eligible: Int { entries.filter(\.isEligible).count }
    /// Ended entries in which it voted.
    public var voted: Int { entries.filter(\.countsAsVoted).count }
    /// Ended entries in which its choice was the outcome.
    public var withOutcome: Int { entries.filter(\.votedWithOutcome).count }
    /// voted / eligible, 4 decimals truncated; nil when nothing was eligible.
    public var participation: String? { truncatedShare(BigUInt(voted), of: BigUInt(eligible)) }

    /// Where what the ledger lacks comes from: a node's row of an account at a snapshot (as `lip
    /// poll weight --rpc` reads it), and BondingVotes at a round; nil when no node was given.
    public struct Readers {
        public var pollRow: ((Address, SnapshotReference) throws -> SnapshotAccount)?
        public var bondingVotes: ((Address, Int) throws -> ProposalWeight.Stake)?

        public init(pollRow: ((Address, SnapshotReference) throws -> SnapshotAccount)?, bondingVotes: ((Address, Int) throws -> ProposalWeight.Stake)?) {
            self.pollRow = pollRow
            self.bondingVotes = bondingVotes
        }
    }

    /// Why an entry's weight is unknown: the ledger lacks a row and no node was given.
    struct Gap: Error {}

    /// The record of `account` in `ledger` (of network `network`), the polls' rules from
    /// `workspace`'s poll.yaml files.
    public static func build(account: Address, ledger: Ledger, workspace: Workspace?, network: String, readers: Readers) throws -> VoterRecord {
        var entries: [VoteEntry] = []
        var warnings: [String] = []
        let polls = try ledger.polls(countingVotes: false)
        let files = try workspace.map { try PollFile.all(in: $0) } ?? []
        for poll in polls {
            let (entry, warning) = try pollEntry(account, poll: poll, polls: polls, files: files, ledger: ledger, read: readers.pollRow)
            entries.append(entry)
            if let warning { warnings.append(warning) }
        }
        for proposal in try ledger.proposals() {
            let (entry, warning) = try proposalEntry(account, proposal: proposal, ledger: ledger, read: readers.bondingVotes)
            entries.append(entry)
            if let warning { warnings.append(warning) }
        }
        return VoterRecord(account: account, network: network, entries: entries.sorted(by: VoteEntry.precedes), warnings: summarized(warnings))
    }

    /// Warnings as a person reads them: the same warning for many votes once, with their count.
    static func summarized(_ warnings: [String]) -> [String] {
        guard warnings.count > 3 else { return warnings }
        return Array(warnings.prefix(2)) + ["… and \(warnings.count - 2) more votes whose weight the ledger cannot give (the last: \(warnings.last!))"]
    }

    /// The entry of one poll, and a warning when its weight is unknown.
    static func pollEntry(
        _ account: Address, poll: PollInfo, polls: [PollInfo], files: [PollFile], ledger: Ledger, read: ((Address, SnapshotReference) throws -> SnapshotAccount)?
    ) throws -> (VoteEntry, String?) {
        let resolved = try PollResolver.resolve(poll.address.checksummed, polls: polls, files: files)
        let open = try PollVoting.ended(resolved.parameters, ledger: ledger) == nil
        var entry = VoteEntry(
            kind: .poll, id: poll.address.lowercased, lip: resolved.parameters.lip, createdBlock: poll.createdBlock ?? 0, endBlock: poll.endBlock, endRound: nil,
            open: open, role: nil, delegate: nil, voted: nil, reason: nil, weight: nil, delegateVoted: nil, outcome: nil)
        let w: PollWeight
        do {
            w = try PollWeight.weighing(account, poll: resolved, ledger: ledger, read: { a, s in try (read ?? { _, _ in throw Gap() })(a, s) })
            if !open { entry.outcome = try VoteSummaries.poll(resolved, ledger: ledger).outcome }
        } catch is Gap {
            entry.voted = try ledger.votes(poll: poll.address, voters: [account]).max { ($0.block, $0.logIndex) < ($1.block, $1.logIndex) }
                .flatMap { VoteChoice(choiceID: $0.choice)?.rawValue }
            return (entry, "poll \(poll.address.checksummed): the partial snapshot has no row for \(account.checksummed); its weight is unknown (give --rpc URL)")
        } catch let error as LIPError where !error.isRefusal {
            guard case .usage(let message) = error else { throw error }
            entry.outcome = nil
            return (entry, "poll \(poll.address.checksummed): not weighed: \(message)")
        }
        entry.role = w.role.rawValue
        entry.delegate = w.delegate
        entry.voted = w.voted?.rawValue
        entry.weight = w.weight
        entry.delegateVoted = w.role == .delegator ? w.delegateChoice?.rawValue : nil
        return (entry, nil)
    }

    /// The entry of one proposal, and a warning when its weight is unknown.
    static func proposalEntry(
        _ account: Address, proposal: GovernorProposal, ledger: Ledger, read: ((Address, Int) throws -> ProposalWeight.Stake)?
    ) throws -> (VoteEntry, String?) {
        let views = try ledger.proposalViews(governor: proposal.governor, id: proposal.id, delegations: false)
        let description = ProposalDescription(proposal.description)
        var entry = VoteEntry(
            kind: .proposal, id: String(proposal.id), lip: description.lip, createdBlock: proposal.block, endBlock: nil, endRound: proposal.voteEnd,
            open: views?.state.isVoting ?? true, role: nil, delegate: nil, voted: nil, reason: nil, weight: nil, delegateVoted: nil, outcome: nil)
        let near = try ledger.proposalVotes(governor: proposal.governor, id: proposal.id, around: account)
        let votes = near.votes
        if let mine = votes.last(where: { $0.voter == account }) {
            entry.voted = mine.support.name
            entry.reason = mine.reason.isEmpty ? nil : mine.reason
        }
        guard var views else { return (entry, nil) }
        if !entry.open { entry.outcome = ProposalOutcomeName.of(views.state) }
        views.delegations = near.delegations
        let stored = Dictionary(
            try ledger.proposalStakes(governor: proposal.governor, id: proposal.id).map { ($0.account, $0) }, uniquingKeysWith: { a, _ in a })
        let weight: ProposalWeight
        do {
            weight = try ProposalWeight.weighing(account, proposal: proposal, views: views, votes: votes, ledger: ledger) { a, round in
                if let s = stored[a] { return ProposalWeight.Stake(votes: s.votes, delegate: s.delegate) }
                guard let read else { throw Gap() }
                return try read(a, round)
            }
        } catch is Gap {
            return (entry, "proposal \(proposal.id): the ledger has no votes of \(account.checksummed) at round \(proposal.voteStart); its weight is unknown (give --rpc URL)")
        }
        switch weight.role {
        case .orchestrator: entry.role = weight.votes > 0 ? "orchestrator" : "none"
        // Delegated to the zero address: never bonded, no delegate.
        case .delegator, .other: entry.role = weight.delegate.isZero ? "none" : "delegator"
        }
        entry.delegate = entry.role == "delegator" ? weight.delegate : nil
        entry.weight = weight.weight
        entry.delegateVoted = entry.role == "delegator" ? weight.delegateSupport?.name : nil
        return (entry, nil)
    }

    /// The record as records.md's JSON.
    public var json: JSONValue {
        .object([
            ("account", .string(account.checksummed)), ("network", .string(network)), ("entries", .array(entries.map(\.json))),
            (
                "summary",
                .object([
                    ("eligible", .int(eligible)), ("voted", .int(voted)), ("participation", .string(participation)), ("withOutcome", .int(withOutcome)),
                ])
            ),
        ])
    }
}

/// A proposal's outcome as records name it: its state's name, capitalised (`Defeated`, `Executed`).
public enum ProposalOutcomeName {
    public static func of(_ state: ProposalState) -> String {
        let name = state.name
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
