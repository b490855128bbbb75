import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPTally

/// The open polls and proposals and their deadlines (records.md, `lip due`), and for an account
/// whether it or its orchestrator voted.
public struct Deadlines: Sendable {
    /// One open vote.
    public struct Item: Sendable, Equatable {
        public var kind: VoteEntry.Kind
        /// The poll's address (lowercase) or the proposal's decimal id.
        public var id: String
        public var lip: Int?
        /// What it is called: a LIP's title, a proposal's description heading.
        public var title: String
        /// A proposal still Pending: voting has not started.
        public var pending: Bool
        /// The last block position in which a vote counts: a poll's end block; the last block of a
        /// proposal's voteEnd round (nil without the round's length).
        public var deadlineBlock: Int?
        /// A proposal's voteEnd round.
        public var endRound: Int?
        /// Blocks from the head's position to the deadline.
        public var blocksLeft: Int?
        /// Rounds from the current round to the deadline's.
        public var roundsLeft: Int?
        /// The estimated time of the deadline, Unix seconds (an estimate from recent block times).
        public var estimatedTime: Int?
        /// The account's part, when one was asked.
        public var account: AccountPart?
    }

    /// An account's part in an open vote.
    public struct AccountPart: Sendable, Equatable {
        /// Its choice, nil when it has not voted.
        public var voted: String?
        /// `orchestrator`, `delegator` or `none`; nil when unknown.
        public var role: String?
        /// What its vote counts for now; nil when unknown.
        public var weight: BigUInt?
        /// A delegator's orchestrator, and its choice (nil when it has not voted).
        public var delegate: Address?
        public var delegateVoted: String?
        /// Whether a vote awaits it: it has not voted, voting is open, and its vote would weigh
        /// more than 0 (or its weight is unknown).
        public var awaits: Bool
    }

    /// The open votes, by deadline, then kind, then id.
    public var items: [Item]
    /// The clock they were measured with.
    public var clock: ChainClock
    /// The account asked about.
    public var account: Address?
    /// The ledger's network (the vote commands name it).
    public var network: String
    /// What could not be weighed, in words.
    public var warnings: [String]

    /// Whether a vote awaits the account.
    public var awaitsVote: Bool { items.contains { $0.account?.awaits == true } }

    /// The open votes of `ledger` on the chain `clock` measures (`chain`), with `account`'s part.
    public static func build(
        ledger: Ledger, workspace: Workspace?, network: String, chain: Chain, clock: ChainClock, account: Address?, readers: VoterRecord.Readers
    ) throws -> Deadlines {
        var items: [Item] = []
        var warnings: [String] = []
        let polls = try ledger.polls(countingVotes: false)
        let files = try workspace.map { try PollFile.all(in: $0) } ?? []
        for poll in polls where poll.chain == chain && clock.position < poll.endBlock {
            let resolved = try PollResolver.resolve(poll.address.checksummed, polls: polls, files: files)
            let lip = resolved.parameters.lip
            var item = Item(
                kind: .poll, id: poll.address.lowercased, lip: lip, title: title(lip: lip, workspace: workspace) ?? "Poll \(poll.address.checksummed)", pending: false,
                deadlineBlock: poll.endBlock, endRound: nil, blocksLeft: poll.endBlock - clock.position,
                roundsLeft: clock.round.map { ($0.current + (poll.endBlock - $0.startBlock) / max(1, $0.length)) - $0.current },
                estimatedTime: clock.estimate(poll.endBlock), account: nil)
            if let account {
                let (entry, warning) = try VoterRecord.pollEntry(account, poll: poll, polls: polls, files: files, ledger: ledger, read: readers.pollRow)
                if let warning { warnings.append(warning) }
                item.account = part(entry, votable: true)
            }
            items.append(item)
        }
        for proposal in try ledger.proposals() {
            // Its state alone: the delegations (ten thousand rows a proposal) decide nothing here.
            let views = try ledger.proposalViews(governor: proposal.governor, id: proposal.id, delegations: false)
            guard views?.state.isVoting ?? true else { continue }
            if let round = clock.round, round.current > proposal.voteEnd { continue }  // ended since the ledger's last sync
            let pending = views?.state == nil || views?.state == .pending || clock.round.map { $0.current < proposal.voteStart } == true
            let last = clock.round.map { $0.startBlock + (proposal.voteEnd - $0.current + 1) * $0.length - 1 }
            let description = ProposalDescription(proposal.description)
            var item = Item(
                kind: .proposal, id: String(proposal.id), lip: description.lip, title: description.title, pending: pending, deadlineBlock: last,
                endRound: proposal.voteEnd, blocksLeft: last.map { $0 - clock.position }, roundsLeft: clock.round.map { proposal.voteEnd - $0.current },
                estimatedTime: last.flatMap(clock.estimate), account: nil)
            if let account {
                if pending {
                    item.account = AccountPart(voted: nil, role: nil, weight: nil, delegate: nil, delegateVoted: nil, awaits: false)
                } else {
                    let (entry, warning) = try VoterRecord.proposalEntry(account, proposal: proposal, ledger: ledger, read: readers.bondingVotes)
                    if let warning { warnings.append(warning) }
                    item.account = part(entry, votable: true)
                }
            }
            items.append(item)
        }
        items.sort { a, b in
            let x = a.deadlineBlock ?? Int.max, y = b.deadlineBlock ?? Int.max
            if x != y { return x < y }
            return VoteEntry.precedes((0, a.kind, a.id), (0, b.kind, b.id))
        }
        return Deadlines(items: items, clock: clock, account: account, network: network, warnings: VoterRecord.summarized(warnings))
    }

    /// An account's part from its record entry.
    static func part(_ entry: VoteEntry, votable: Bool) -> AccountPart {
        AccountPart(
            voted: entry.voted, role: entry.role, weight: entry.weight, delegate: entry.delegate, delegateVoted: entry.delegateVoted,
            awaits: votable && entry.voted == nil && (entry.weight.map { $0 > 0 } ?? true))
    }

    /// `LIP-N: title` from the workspace's LIP file, nil without one.
    static func title(lip: Int?, workspace: Workspace?) -> String? {
        guard let lip, let workspace, FileManager.default.fileExists(atPath: workspace.fileURL(lip: lip).path),
            let document = try? workspace.document(lip: lip)
        else { return lip.map { "LIP-\($0) poll" } }
        return "LIP-\(lip): \(document.title ?? "poll")"
    }

    /// The command that casts a vote on `item`, as the calendar's description gives it.
    public func voteCommand(_ item: Item) -> String {
        let networkFlag = network == "mainnet" ? "" : " --network \(network)"
        switch item.kind {
        case .poll: return "lip poll vote \(item.id) yes|no\(networkFlag)"
        case .proposal: return "lip proposal vote \(item.id) for|against|abstain\(networkFlag)"
        }
    }

    /// records.md's JSON.
    public var json: JSONValue {
        .object([
            ("network", .string(network)), ("account", .string(account?.checksummed)), ("headBlock", .int(clock.headBlock)), ("position", .int(clock.position)),
            ("timestamp", .int(clock.timestamp)), ("round", clock.round.map { JSONValue.int($0.current) } ?? .null),
            (
                "votes",
                .array(
                    items.map { item in
                        var fields: [(String, JSONValue)] = [
                            ("kind", .string(item.kind.rawValue)), ("id", .string(item.id)), ("lip", item.lip.map(JSONValue.int) ?? .null), ("title", .string(item.title)),
                            ("pending", .bool(item.pending)), ("deadlineBlock", item.deadlineBlock.map(JSONValue.int) ?? .null),
                            ("endRound", item.endRound.map(JSONValue.int) ?? .null), ("blocksLeft", item.blocksLeft.map(JSONValue.int) ?? .null),
                            ("roundsLeft", item.roundsLeft.map(JSONValue.int) ?? .null),
                            ("estimatedTime", .string(item.estimatedTime.map(UTCTimestamp.iso))), ("estimated", .bool(true)),
                        ]
                        if let part = item.account {
                            fields.append(
                                (
                                    "account",
                                    .object([
                                        ("voted", .string(part.voted)), ("role", .string(part.role)), ("weight", .string(part.weight.map(Amount.decimal))),
                                        ("delegate", .string(part.delegate?.checksummed)), ("delegateVoted", .string(part.delegateVoted)), ("awaits", .bool(part.awaits)),
                                    ])
                                ))
                        }
                        return .object(fields)
                    })
            ),
            ("awaitsVote", .bool(awaitsVote)),
        ])
    }
}
