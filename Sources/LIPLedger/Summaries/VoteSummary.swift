import BigInt
import Foundation
import GRDB
import LIPCore
import LIPEthereum

/// What a full count of an ended poll or proposal found, kept in the ledger (`vote_summaries`) so
/// that records read one row per vote. A summary holds only while nothing it was counted from has
/// changed: it is kept with the ledger's revisions at the count, and read back only when they are
/// still the current ones.
package struct VoteSummary: Sendable, Equatable {
    /// A poll or a governor proposal.
    package enum Kind: String, Sendable {
        case poll, proposal
    }

    /// An orchestrator that did not vote, and what its vote would have counted.
    package struct NonVoter: Sendable, Equatable {
        package var address: Address
        package var weight: BigUInt

        package init(address: Address, weight: BigUInt) {
            self.address = address
            self.weight = weight
        }
    }

    package var kind: Kind
    /// The poll (its address, lowercase) or the proposal (`governor:id`).
    package var id: String
    /// The rules it was counted by, as the caller names them ('' when there are none to choose).
    package var rules: String
    /// The stake that voted, as counted.
    package var totalVoteStake: BigUInt
    /// The stake it is measured against.
    package var totalStake: BigUInt
    package var quorumMet: Bool
    /// The outcome as records name it.
    package var outcome: String
    /// The largest orchestrators that did not vote, largest first.
    package var largestNonVoters: [NonVoter]

    package init(
        kind: Kind, id: String, rules: String, totalVoteStake: BigUInt, totalStake: BigUInt, quorumMet: Bool, outcome: String, largestNonVoters: [NonVoter]
    ) {
        self.kind = kind
        self.id = id
        self.rules = rules
        self.totalVoteStake = totalVoteStake
        self.totalStake = totalStake
        self.quorumMet = quorumMet
        self.outcome = outcome
        self.largestNonVoters = largestNonVoters
    }

    /// The `id` of a governor proposal's summary.
    package static func proposalID(governor: Address, id: BigUInt) -> String { "\(governor.lowercased):\(id)" }
}

extension VoteSummary: LedgerRecord {
    /// A row of `vote_summaries`.
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "vote_summaries", key: ["kind", "id", "rules"])
        let kindText: String = try r("kind")
        guard let kind = Kind(rawValue: kindText) else { throw StoredRow.Problem(message: "table vote_summaries, column kind holds `\(kindText)`, not poll or proposal") }
        var nonVoters: [NonVoter] = []
        let text: String = try r("largest_non_voters")
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: " ")
            guard parts.count == 2, let address = Address(lowercase: String(parts[0])), let weight = StoredWei.fromDatabaseValue(String(parts[1]).databaseValue)?.value else {
                throw StoredRow.Problem(message: "table vote_summaries, column largest_non_voters holds `\(pair.prefix(120))`, not an address and a decimal amount")
            }
            nonVoters.append(NonVoter(address: address, weight: weight))
        }
        self.init(
            kind: kind, id: try r("id"), rules: try r("rules"), totalVoteStake: try r("total_vote_stake", as: BigUInt.self),
            totalStake: try r("total_stake", as: BigUInt.self), quorumMet: try r("quorum_met"), outcome: try r("outcome"), largestNonVoters: nonVoters)
    }
}

/// What a write transaction may have changed, for the summaries kept of counts: the revision it
/// raises. Anything not named is `.anything`.
package enum LedgerChange: Sendable {
    /// Anything a count reads: every summary is counted again.
    case anything
    /// One governor's proposals only: polls' and other governors' summaries still hold.
    case governor(Address)
    /// Nothing a count reads (gas and prices).
    case nothing
}

extension Ledger {
    /// The ledger's revisions that a summary of `kind` (of `governor`'s proposal) is kept with.
    package func summaryRevisions(_ kind: VoteSummary.Kind, governor: Address? = nil) throws -> String {
        try read { db in try Ledger.revisions(db, kind, governor: governor) }
    }

    /// The summary of `id` counted by `rules`, when one is kept and `revisions` are those it was
    /// counted at; nil otherwise.
    package func voteSummary(_ kind: VoteSummary.Kind, id: String, rules: String, revisions: String) throws -> VoteSummary? {
        try read { db in
            try VoteSummary.fetchOne(
                db, sql: "SELECT * FROM vote_summaries WHERE kind = ? AND id = ? AND rules = ? AND revisions = ?", arguments: [kind.rawValue, id, rules, revisions])
        }
    }

    /// Keeps `summary`, counted at `revisions` (those of `governor`'s proposals for a proposal),
    /// when they are still the ledger's (a write since then may have changed what it was counted
    /// from: then nothing is kept). Raises no revision. Returns whether it was kept.
    @discardableResult
    package func keep(_ summary: VoteSummary, countedAt revisions: String, governor: Address? = nil) throws -> Bool {
        do {
            return try database.write { db in
                guard try Ledger.revisions(db, summary.kind, governor: governor) == revisions else {
                    return false
                }
                let nonVoters = summary.largestNonVoters.map { "\($0.address.lowercased) \($0.weight)" }.joined(separator: ";")
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO vote_summaries (kind, id, rules, revisions, total_vote_stake, total_stake, quorum_met, outcome, largest_non_voters)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        summary.kind.rawValue, summary.id, summary.rules, revisions, StoredWei(summary.totalVoteStake), StoredWei(summary.totalStake), summary.quorumMet,
                        summary.outcome, nonVoters,
                    ])
                return true
            }
        } catch let error as DatabaseError {
            throw LIPError.writeFailed(path: path, reason: error.message ?? error.description)
        }
    }

    /// The revisions a summary of `kind` depends on, as text: `*=N` (anything), and for a
    /// proposal also `governor:0x…=M`.
    static func revisions(_ db: Database, _ kind: VoteSummary.Kind, governor: Address?) throws -> String {
        func revision(_ key: String) throws -> Int64 {
            try Int64.fetchOne(db, sql: "SELECT revision FROM ledger_revisions WHERE key = ?", arguments: [key]) ?? 0
        }
        var text = "*=\(try revision("*"))"
        if kind == .proposal, let governor { text += " governor:\(governor.lowercased)=\(try revision("governor:\(governor.lowercased)"))" }
        return text
    }

    /// Raises the revision `change` names (inside the writing transaction).
    static func raise(_ db: Database, _ change: LedgerChange) throws {
        let key: String
        switch change {
        case .anything: key = "*"
        case .governor(let g): key = "governor:\(g.lowercased)"
        case .nothing: return
        }
        try db.execute(
            sql: "INSERT INTO ledger_revisions (key, revision) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET revision = revision + 1", arguments: [key])
    }
}
