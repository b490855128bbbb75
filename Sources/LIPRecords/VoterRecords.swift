import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPGovernor
import LIPLedger
import LIPTally

/// Every voter's record at once (`lip site`'s voter pages): each poll and proposal is read and
/// counted once, and every account's part in it taken from that one count, where
/// `VoterRecord.build` reads and counts around one account. The records are the same
/// (`VoterRecordsTests` compares them on random ledgers): a voter's part is its part of the full
/// count, which equals the count around it (`WeightAroundAnAccountTests`); an account that did not
/// vote is weighed by `PollWeight`/`ProposalWeight` from what decides its weight, taken from the
/// votes and rows already read. Held compactly, 24 bytes per account and vote, so that ten
/// thousand voters of two hundred votes fit in under 60 MB; a record is made when asked for.
public struct VoterRecords: Sendable {
    /// Every account that voted in a poll or on a proposal the ledger holds, in address order.
    public let accounts: [Address]
    /// The ledger's network.
    public let network: String
    /// The votes, in the order `VoterRecord.build` meets them (polls, then proposals).
    let columns: [Column]
    /// The columns in the order a record lists them (`VoteEntry.precedes`).
    let order: [Int]

    /// The votes in the order a record lists them: what a page of every voter reads part by part,
    /// without making ten thousand records of VoteEntry values.
    package var columnsInRecordOrder: [Column] { order.map { columns[$0] } }

    /// The record of `accounts[index]`, as `VoterRecord.build` makes it without a node.
    public func record(_ index: Int) -> VoterRecord {
        let entries = order.map { columns[$0].entry(index) }
        return VoterRecord(account: accounts[index], network: network, entries: entries, warnings: warnings(index))
    }

    /// The warnings of `accounts[index]`'s record, as a person reads them.
    package func warnings(_ index: Int) -> [String] {
        var warnings: [String] = []
        for column in columns { if let w = column.warnings[index] { warnings.append(w) } }
        return VoterRecord.summarized(warnings)
    }

    /// The records of every account that voted in `ledger`, the polls' rules from `workspace`.
    /// Each ended vote's summary is kept as `lip turnout` keeps it. The votes are counted on every
    /// core; `each`, when given, is handed each vote's full count as it is made (from any of those
    /// threads), so that a caller showing every vote (the site's pages) need not count it again.
    /// `voters`, when the caller has read them, is `ledger.everyVoter()` (reading it takes a
    /// second at two million votes).
    public static func build(
        ledger: Ledger, workspace: Workspace?, network: String, voters: [Address]? = nil, each: (@Sendable (CountedVote) throws -> Void)? = nil
    ) throws -> VoterRecords {
        let accounts = try voters ?? ledger.everyVoter()
        let polls = try ledger.polls(countingVotes: false)
        let files = try workspace.map { try PollFile.all(in: $0) } ?? []
        let proposals = try ledger.proposals()
        let columns = Locked<[Int: Column]>([:])
        let snapshots = KeptSnapshots(ledger: ledger)
        try forEachConcurrently(polls.count + proposals.count) { i in
            var builder = Builder(accounts: accounts, ledger: ledger, workspace: workspace, snapshots: snapshots, each: each)
            do {
                let column =
                    i < polls.count
                    ? try builder.pollColumn(polls[i], polls: polls, files: files) : try builder.proposalColumn(proposals[i - polls.count])
                columns.withLock { $0[i] = column }
            } catch let failure as CallerFailure {
                throw failure.error
            }
        }
        let all = columns.withLock { made in made.keys.sorted().map { made[$0]! } }
        let order = all.indices.sorted { VoteEntry.precedes(all[$0].shared, all[$1].shared) }
        return VoterRecords(accounts: accounts, network: network, columns: all, order: order)
    }
}

/// One vote as `VoterRecords.build` counted it, for a caller that shows each vote.
public enum CountedVote: Sendable {
    /// A poll and its LIP (its poll.yaml's), tallied by its rules, or why it could not be.
    case poll(PollInfo, lip: Int?, Counted<PollTally>)
    /// A proposal, counted from its views and votes, or why it could not be (no views yet, a
    /// count refused).
    case proposal(GovernorProposal, Counted<ProposalResult>)

    /// A count, or why there is none, in words.
    public enum Counted<Value: Sendable>: Sendable {
        case counted(Value)
        case notCounted(String)
    }
}

extension VoterRecords {
    /// One account's part in one vote, in 24 bytes.
    package struct Part: Sendable {
        /// The weight's low and high 64 bits (a wider one is in the column's `wideWeights`).
        package var low: UInt64 = 0, high: UInt64 = 0
        /// The delegate's index in `delegates`; 0: none.
        var delegate: UInt32 = 0
        /// `roles[role]`.
        package var role: UInt8 = 0
        /// `words[voted - 1]`, `words[delegateVoted - 1]`; 0: nil.
        package var voted: UInt8 = 0, delegateVoted: UInt8 = 0
        package var flags: UInt8 = 0

        package static let weightKnown: UInt8 = 1, wideWeight: UInt8 = 2, withoutOutcome: UInt8 = 4
        package static let roles: [String?] = [nil, "orchestrator", "delegator", "none"]
    }

    /// One vote as every account's record holds it.
    package struct Column: Sendable {
        /// What every account's entry shares (its own fields nil).
        package var shared: VoteEntry
        /// By account index.
        package var parts: [Part]
        /// Delegates named by the parts, by the index a part holds (0: none).
        var delegates: [Address] = [.zero]
        /// The choices' names, by code less one.
        package var words: [String] = []
        var reasons: [Int: String] = [:]
        var warnings: [Int: String] = [:]
        var wideWeights: [Int: BigUInt] = [:]

        /// The entry of account `index`.
        func entry(_ index: Int) -> VoteEntry {
            let part = parts[index]
            var entry = shared
            entry.role = Part.roles[Int(part.role)]
            entry.delegate = part.delegate == 0 ? nil : delegates[Int(part.delegate)]
            entry.voted = part.voted == 0 ? nil : words[Int(part.voted) - 1]
            entry.delegateVoted = part.delegateVoted == 0 ? nil : words[Int(part.delegateVoted) - 1]
            entry.reason = reasons[index]
            entry.weight = weight(index)
            if part.flags & Part.withoutOutcome != 0 { entry.outcome = nil }
            return entry
        }

        /// Account `index`'s weight, nil when unknown.
        package func weight(_ index: Int) -> BigUInt? {
            let part = parts[index]
            guard part.flags & Part.weightKnown != 0 else { return nil }
            return part.flags & Part.wideWeight != 0 ? wideWeights[index] : BigUInt(words: [UInt(part.low), UInt(part.high)])
        }

        /// An entry with `shared`'s fields and the part's codes alone (its voted word by `voted`,
        /// its weight 0 or 1 for none or some, its outcome as `withoutOutcome` says): what the
        /// summary's rules (`VoteEntry.isEligible`, `votedWithOutcome`) read of a part, for a page
        /// of every voter that counts them without making each entry.
        package func entryForSummary(voted: UInt8, weighs: Bool, withoutOutcome: Bool) -> VoteEntry {
            var entry = shared
            entry.voted = voted == 0 ? nil : words[Int(voted) - 1]
            entry.weight = weighs ? 1 : nil
            if withoutOutcome { entry.outcome = nil }
            return entry
        }

        /// An account's own fields of its entry (the rest is `shared`): what a column's walk sets
        /// for each of ten thousand accounts, without a copy of the shared fields for each.
        struct Own {
            var role: String?
            var delegate: Address?
            var voted: String?
            var delegateVoted: String?
            var weight: BigUInt?
            var reason: String?
            /// False: the entry lacks the shared outcome.
            var keepsOutcome = true
        }

        /// Sets account `index`'s part from `entry` (the fields `shared` leaves nil).
        mutating func set(_ index: Int, _ entry: VoteEntry, delegate: UInt32) {
            let own = Own(
                role: entry.role, delegate: entry.delegate, voted: entry.voted, delegateVoted: entry.delegateVoted, weight: entry.weight, reason: entry.reason,
                keepsOutcome: entry.outcome != nil)
            set(index, own, delegate: delegate)
        }

        /// Sets account `index`'s part from its own fields.
        mutating func set(_ index: Int, _ entry: Own, delegate: UInt32) {
            var part = Part()
            part.role = UInt8(Part.roles.firstIndex(of: entry.role) ?? 0)
            part.delegate = delegate
            part.voted = code(entry.voted)
            part.delegateVoted = code(entry.delegateVoted)
            if let weight = entry.weight {
                part.flags |= Part.weightKnown
                if weight.words.count <= 2 {
                    part.low = UInt64(weight.words.first ?? 0)
                    part.high = weight.words.count == 2 ? UInt64(weight.words[1]) : 0
                } else {
                    part.flags |= Part.wideWeight
                    wideWeights[index] = weight
                }
            }
            if !entry.keepsOutcome && shared.outcome != nil { part.flags |= Part.withoutOutcome }
            if let reason = entry.reason { reasons[index] = reason }
            parts[index] = part
        }

        private mutating func code(_ word: String?) -> UInt8 {
            guard let word else { return 0 }
            if let i = words.firstIndex(of: word) { return UInt8(i + 1) }
            words.append(word)
            return UInt8(words.count)
        }
    }

    /// An error of the caller's `each`, carried out of the counting as it is.
    struct CallerFailure: Error { let error: any Error }

    /// Every row of each snapshot a poll is decided by, read once for all the polls it decides
    /// and kept while the records are made.
    final class KeptSnapshots: Sendable {
        let ledger: Ledger
        private let rows = Locked<[Int64: [SnapshotAccount]]>([:])

        init(ledger: Ledger) { self.ledger = ledger }

        /// `snapshot`'s rows in account order (read under the lock: a second thread asking for
        /// the same snapshot waits for the first's read rather than reading it again).
        func rows(of snapshot: SnapshotInfo) throws -> [SnapshotAccount] {
            try rows.withLock { kept in
                if let known = kept[snapshot.id] { return known }
                var read: [SnapshotAccount] = []
                try ledger.forEachAccount(of: snapshot) { read.append($0) }
                kept[snapshot.id] = read
                return read
            }
        }
    }

    /// Reads and counts one vote and sets every account's part.
    struct Builder {
        let accounts: [Address]
        let ledger: Ledger
        let workspace: Workspace?
        let snapshots: KeptSnapshots
        /// Given the vote's full count, when the caller asked for it.
        let each: (@Sendable (CountedVote) throws -> Void)?
        var delegateIndex: [Address: UInt32] = [:]

        mutating func index(of delegate: Address?, in column: inout Column) -> UInt32 {
            guard let delegate else { return 0 }
            if let known = delegateIndex[delegate] { return known }
            column.delegates.append(delegate)
            delegateIndex[delegate] = UInt32(column.delegates.count - 1)
            return UInt32(column.delegates.count - 1)
        }

        mutating func set(_ column: inout Column, _ i: Int, _ entry: VoteEntry) { column.set(i, entry, delegate: index(of: entry.delegate, in: &column)) }
        mutating func set(_ column: inout Column, _ i: Int, _ own: Column.Own) { column.set(i, own, delegate: index(of: own.delegate, in: &column)) }
    }
}

extension VoterRecords.Builder {
    /// The column of one poll, as `VoterRecord.pollEntry` gives each account's entry.
    mutating func pollColumn(_ poll: PollInfo, polls: [PollInfo], files: [PollFile]) throws -> VoterRecords.Column {
        let resolved = try PollResolver.resolve(poll.address.checksummed, polls: polls, files: files)
        let parameters = resolved.parameters
        let open = try PollVoting.ended(parameters, ledger: ledger) == nil
        let shared = VoteEntry(
            kind: .poll, id: poll.address.lowercased, lip: parameters.lip, createdBlock: poll.createdBlock ?? 0, endBlock: poll.endBlock, endRound: nil,
            open: open, role: nil, delegate: nil, voted: nil, reason: nil, weight: nil, delegateVoted: nil, outcome: nil)
        var column = VoterRecords.Column(shared: shared, parts: Array(repeating: .init(), count: accounts.count))
        func account(_ i: Int, _ entry: VoteEntry?, _ warning: String?) {
            if let entry { set(&column, i, entry) }
            if let warning { column.warnings[i] = warning }
        }
        let counted: (inputs: TallyInputs, result: TallyResult, partial: Bool, extra: [Address: [Position]])
        do {
            let rules = try PollRules.resolve(file: resolved.file, stake: nil, quorumBase: nil, chain: parameters.chain)
            if rules.stake == .l1l2 {
                // The migration window reads every row either way: each account as its record does.
                for i in accounts.indices {
                    let (entry, warning) = try VoterRecord.pollEntry(accounts[i], poll: poll, polls: polls, files: files, ledger: ledger, read: nil)
                    account(i, entry, warning)
                }
                try give(poll, lip: parameters.lip, tally: nil)
                return column
            }
            let snapshot = try ledger.snapshot(chain: parameters.chain, forEndBlock: parameters.endBlock)
            let registered = try ledger.registeredAccounts(of: snapshot)
            let rows = try snapshots.rows(of: snapshot)
            let inputs = try TallyInputs.load(
                from: ledger, poll: parameters, stakeMode: rules.stake, quorumBase: rules.quorumBase, alsoRead: registered, snapshotRows: snapshots.rows)
            // The rows of the accounts that did not vote, and of their delegates.
            let voters = Set(inputs.votes.map(\.voter))
            let have = Set(inputs.positions.map(\.account))
            var extra = Dictionary(grouping: SnapshotAccount.rows(rows, among: accounts.filter { !voters.contains($0) && !have.contains($0) }), by: \.account)
            let delegates = Set(extra.values.joined().compactMap(\.delegate)).filter { !have.contains($0) && extra[$0] == nil }
            extra.merge(Dictionary(grouping: SnapshotAccount.rows(rows, among: Array(delegates)), by: \.account)) { a, _ in a }
            let positions = extra.mapValues { rows in
                rows.map {
                    Position(
                        account: $0.account, delegate: $0.delegate, stake: $0.stake, delegatedStake: $0.delegatedStake, registered: $0.registered,
                        active: $0.active ?? false, domain: snapshot.chain)
                }
            }
            counted = (inputs, TallyEngine.tally(inputs), snapshot.partial, positions)
            if !open {
                column.shared.outcome = try VoteSummaries.poll(resolved, ledger: ledger, counted: (inputs, counted.result, registered)).outcome
            }
        } catch let error as LIPError where !error.isRefusal {
            guard case .usage(let message) = error else { throw error }
            // As `VoterRecord.pollEntry`: no part and no outcome (the shared outcome is not set yet).
            for i in accounts.indices { account(i, nil, "poll \(poll.address.checksummed): not weighed: \(message)") }
            try give(poll, lip: parameters.lip, tally: nil)
            return column
        }
        // Handed out here, past the catch: the caller's own errors are its own.
        try give(poll, lip: parameters.lip, tally: counted.result)
        let (inputs, result) = (counted.inputs, counted.result)
        // Each account's rows, votes and result found by walking the address-ordered lists side
        // by side (ten thousand accounts a vote: a dictionary of arrays per vote was a third of
        // the counting); the dictionaries below only when an account did not vote.
        let rowsOf = VoterRecords.Groups(of: accounts, keys: inputs.positions.map(\.account))
        let votesOf = VoterRecords.Groups(of: accounts, keys: inputs.votes.map(\.voter))
        let resultOf = VoterRecords.Groups(of: accounts, keys: result.voters.map(\.address))
        // A voter's result by its address (a delegate's): every voter of the poll is an account.
        func resultIndex(_ address: Address) -> Int? { VoterRecords.index(of: address, in: accounts).flatMap(resultOf.first) }
        var lookups: (rows: [Address: [Position]], votes: [Address: [CastVote]], delegatorsWhoVoted: [Address: [Address]])?
        func dictionaries() -> (rows: [Address: [Position]], votes: [Address: [CastVote]], delegatorsWhoVoted: [Address: [Address]]) {
            if let lookups { return lookups }
            let rows = Dictionary(grouping: inputs.positions, by: \.account).merging(counted.extra) { a, _ in a }
            let votes = Dictionary(grouping: inputs.votes, by: \.voter)
            let delegatorsWhoVoted = Dictionary(
                grouping: inputs.positions.filter { $0.delegate != nil && $0.delegate != $0.account && votes[$0.account] != nil }
            ) {
                $0.delegate!
            }.mapValues { $0.map(\.account) }
            lookups = (rows, votes, delegatorsWhoVoted)
            return (rows, votes, delegatorsWhoVoted)
        }
        for (i, a) in accounts.enumerated() {
            let own = rowsOf.items(i)
            let mine = own.isEmpty ? counted.extra[a] ?? [] : own.map { inputs.positions[$0] }
            var entry = VoterRecords.Column.Own()
            if mine.isEmpty && counted.partial {
                entry.voted = votesOf.items(i).map { inputs.votes[$0] }.max { ($0.block, $0.logIndex) < ($1.block, $1.logIndex) }.flatMap {
                    VoteChoice(choiceID: $0.choice)?.rawValue
                }
                entry.keepsOutcome = false
                set(&column, i, entry)
                column.warnings[i] = "poll \(poll.address.checksummed): the partial snapshot has no row for \(a.checksummed); its weight is unknown (give --rpc URL)"
                continue
            }
            let delegate = mine.compactMap(\.delegate).first { $0 != a }
            let registered = mine.contains { $0.registered }
            let role: PollWeight.Role = registered ? .orchestrator : (delegate != nil ? .delegator : .none)
            if let index = resultOf.first(i) {
                entry.voted = result.voters[index].choice.rawValue
                entry.weight = result.voters[index].weight
                entry.delegateVoted = role == .delegator ? delegate.flatMap(resultIndex).map { result.voters[$0].choice.rawValue } : nil
            } else {
                // What decides its weight, as `TallyInputs.load(around:)` reads it.
                let (rows, votes, delegatorsWhoVoted) = dictionaries()
                var near = inputs
                let around = Set([a] + (delegate.map { [$0] } ?? []) + (delegatorsWhoVoted[a] ?? [])).sorted()
                near.positions = around.flatMap { rows[$0] ?? [] }
                near.votes = around.flatMap { votes[$0] ?? [] }
                near.inputsDigest = "-"
                let w = try PollWeight.weighing(a, inputs: &near, ledger: ledger, read: nil)
                entry.voted = w.voted?.rawValue
                entry.weight = w.weight
                entry.delegateVoted = w.role == .delegator ? w.delegateChoice?.rawValue : nil
            }
            entry.role = role.rawValue
            entry.delegate = role == .delegator ? delegate : nil
            set(&column, i, entry)
        }
        return column
    }
}

extension VoterRecords.Builder {
    /// Gives the caller `poll`'s full count (`result`, when the column counted it as `lip poll
    /// tally` does; else tallied here as it does, or why it cannot be).
    func give(_ poll: PollInfo, lip: Int?, tally result: TallyResult?) throws {
        guard each != nil else { return }
        let reference = poll.address.checksummed
        let tally: CountedVote.Counted<PollTally>
        do {
            tally = .counted(
                try result.map { try PollTally(reference: reference, result: $0, workspace: workspace, ledger: ledger) }
                    ?? PollTally.run(reference: reference, ledger: ledger, workspace: workspace, stake: nil, quorumBase: nil))
        } catch let error as LIPError {
            guard case .usage(let message) = error else { throw error }
            tally = .notCounted(message)
        }
        try hand(.poll(poll, lip: lip, tally))
    }

    /// Gives `vote` to the caller; its error is carried out unchanged (`CallerFailure`), never
    /// taken for the vote's own.
    func hand(_ vote: CountedVote) throws {
        do { try each?(vote) } catch { throw VoterRecords.CallerFailure(error: error) }
    }

    /// The column of one proposal, as `VoterRecord.proposalEntry` gives each account's entry.
    mutating func proposalColumn(_ proposal: GovernorProposal) throws -> VoterRecords.Column {
        let (governor, id) = (proposal.governor, proposal.id)
        let views = try ledger.proposalViews(governor: governor, id: id)
        let description = ProposalDescription(proposal.description)
        var shared = VoteEntry(
            kind: .proposal, id: String(id), lip: description.lip, createdBlock: proposal.block, endBlock: nil, endRound: proposal.voteEnd,
            open: views?.state.isVoting ?? true, role: nil, delegate: nil, voted: nil, reason: nil, weight: nil, delegateVoted: nil, outcome: nil)
        if let views, !shared.open { shared.outcome = ProposalOutcomeName.of(views.state) }
        var column = VoterRecords.Column(shared: shared, parts: Array(repeating: .init(), count: accounts.count))
        let all = try ledger.proposalVotes(governor: governor, id: id)
        // Each account's votes, by walking address-ordered lists side by side.
        let votesOf = VoterRecords.Groups(of: accounts, keys: all.map(\.voter))
        guard let views else {
            try hand(.proposal(proposal, .notCounted("the ledger has no views of it yet (pending, or not synced).")))
            for i in accounts.indices {
                guard let mine = votesOf.last(i).map({ all[$0] }) else { continue }
                var entry = column.shared
                entry.voted = mine.support.name
                entry.reason = mine.reason.isEmpty ? nil : mine.reason
                set(&column, i, entry)
            }
            return column
        }
        let delegations = views.delegations
        let countedVotes: [ProposalCount.CountedVote]
        // The caller's full count, when it asked for one, is the count the parts are taken from.
        var tally: CountedVote.Counted<ProposalResult>?
        do {
            if each != nil {
                do { tally = .counted(try ProposalTally.tally(proposal: proposal, views: views, votes: all)) } catch let error as LIPError {
                    guard case .usage(let message) = error else { throw error }
                    tally = .notCounted(message)
                }
            }
            if case .counted(let result) = tally { countedVotes = result.votes } else { countedVotes = try ProposalCount.count(all, delegations: delegations).votes }
        } catch let problem as ProposalCount.Problem {
            throw LIPError.invalidInput(file: ledger.path, location: "proposal \(id)", message: problem.description)
        }
        if let tally { try hand(.proposal(proposal, tally)) }
        let stakes = try ledger.proposalStakes(governor: governor, id: id)
        // Its summary kept for turnout and the poll list, from what was read here.
        if !views.state.isVoting { _ = try VoteSummaries.proposal(proposal, views: views, ledger: ledger, read: (all, stakes, views)) }
        // Each account's counted vote found the same way; what weighs an account that did not vote
        // (or whose delegation the views lack) is looked up in dictionaries made only then.
        let countedOf = VoterRecords.Groups(of: accounts, keys: countedVotes.map(\.vote.voter))
        func countedIndex(_ address: Address) -> Int? { VoterRecords.index(of: address, in: accounts).flatMap(countedOf.first) }
        var lookups: (stored: [Address: ProposalStake], delegatorsWhoVoted: [Address: [Address]])?
        func dictionaries() -> (stored: [Address: ProposalStake], delegatorsWhoVoted: [Address: [Address]]) {
            if let lookups { return lookups }
            let stored = Dictionary(stakes.map { ($0.account, $0) }, uniquingKeysWith: { a, _ in a })
            let voters = Set(all.map(\.voter))
            let delegatorsWhoVoted = Dictionary(grouping: delegations.filter { voters.contains($0.key) }.map(\.key)) { delegations[$0]! }
            lookups = (stored, delegatorsWhoVoted)
            return (stored, delegatorsWhoVoted)
        }
        for (i, a) in accounts.enumerated() {
            var entry = VoterRecords.Column.Own()
            if let last = votesOf.last(i).map({ all[$0] }) {
                entry.voted = last.support.name
                entry.reason = last.reason.isEmpty ? nil : last.reason
            }
            let d = delegations[a]
            let role: ProposalCount.Role, weight: BigUInt, delegate: Address, delegateSupport: VoteSupport?, votes: BigUInt
            if let me = countedOf.first(i).map({ countedVotes[$0] }), let first = votesOf.first(i), let d, d == a || delegations[d] != nil {
                // It voted, and the views name its delegate and its delegate's: its part of the full count.
                (role, weight, delegate, votes) = (me.role, me.countedWeight, d, all[first].weight)
                delegateSupport = d == a ? nil : countedIndex(d).map { countedVotes[$0].vote.support }
            } else {
                // What `Ledger.proposalVotes(around:)` reads for it, from the votes read once.
                let (stored, delegatorsWhoVoted) = dictionaries()
                let own = d ?? a
                let keys = Set([a, own, delegations[own] ?? own])
                let nearVoters = Set([a, own]).union(delegatorsWhoVoted[a] ?? [])
                let nearVotes = all.filter { nearVoters.contains($0.voter) }
                var near = views
                near.delegations = delegations.filter { keys.contains($0.key) || (delegatorsWhoVoted[a]?.contains($0.key) ?? false) }
                let w: ProposalWeight
                do {
                    w = try ProposalWeight.weighing(a, proposal: proposal, views: near, votes: nearVotes, ledger: ledger) { account, _ in
                        guard let s = stored[account] else { throw VoterRecord.Gap() }
                        return ProposalWeight.Stake(votes: s.votes, delegate: s.delegate)
                    }
                } catch is VoterRecord.Gap {
                    column.warnings[i] =
                        "proposal \(id): the ledger has no votes of \(a.checksummed) at round \(proposal.voteStart); its weight is unknown (give --rpc URL)"
                    if entry.voted != nil { set(&column, i, entry) }
                    continue
                }
                (role, weight, delegate, delegateSupport, votes) = (w.role, w.weight, w.delegate, w.delegateSupport, w.votes)
            }
            switch role {
            case .orchestrator: entry.role = votes > 0 ? "orchestrator" : "none"
            case .delegator, .other: entry.role = delegate.isZero ? "none" : "delegator"
            }
            entry.delegate = entry.role == "delegator" ? delegate : nil
            entry.weight = weight
            entry.delegateVoted = entry.role == "delegator" ? delegateSupport?.name : nil
            set(&column, i, entry)
        }
        return column
    }
}

extension VoterRecords {
    /// Items grouped by the account each names, for accounts in address order: each account's
    /// items found by walking both address-ordered lists side by side (ten thousand accounts a
    /// vote, two hundred votes: a dictionary of arrays per vote was a third of the counting).
    struct Groups {
        /// The items' indices in key order (keeping their order within a key); nil: as given.
        private let order: [Int]?
        /// By account index, the range of `order` whose key is that account.
        private let ranges: [Range<Int>]

        /// `keys[k]` names the account of item `k`.
        init(of accounts: [Address], keys: [Address]) {
            var order: [Int]?
            if !zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) { order = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) } }
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(accounts.count)
            var j = 0
            for account in accounts {
                while j < keys.count && keys[order?[j] ?? j] < account { j += 1 }
                let start = j
                while j < keys.count && keys[order?[j] ?? j] == account { j += 1 }
                ranges.append(start..<j)
            }
            (self.order, self.ranges) = (order, ranges)
        }

        /// The indices of account `i`'s items, in their order.
        func items(_ i: Int) -> [Int] { ranges[i].map { order?[$0] ?? $0 } }
        /// The index of account `i`'s first item, nil when it has none.
        func first(_ i: Int) -> Int? { ranges[i].first.map { order?[$0] ?? $0 } }
        /// The index of account `i`'s last item, nil when it has none.
        func last(_ i: Int) -> Int? { ranges[i].last.map { order?[$0] ?? $0 } }
    }

    /// `address`'s index in `accounts` (address order), nil when it is not there.
    static func index(of address: Address, in accounts: [Address]) -> Int? {
        var (low, high) = (0, accounts.count)
        while low < high {
            let middle = (low + high) / 2
            if accounts[middle] < address { low = middle + 1 } else { high = middle }
        }
        return low < accounts.count && accounts[low] == address ? low : nil
    }
}
