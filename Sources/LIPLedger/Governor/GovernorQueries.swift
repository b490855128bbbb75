import BigInt
import Foundation
import LIPEthereum
import GRDB
import LIPCore

extension Ledger {
    /// Every proposal the ledger knows (of `governor`, or of any), by creation block.
    public func proposals(governor: Address? = nil) throws -> [GovernorProposal] {
        try read { db in
            let rows = try ProposalRow.fetchAll(
                db,
                sql: """
                    SELECT governor, id, proposer, targets, call_values, signatures, calldatas, vote_start, vote_end, description, block FROM proposals
                    WHERE ?1 IS NULL OR governor = ?1 ORDER BY block, governor, id
                    """, arguments: [governor])
            var events: [String: [ProposalEventRow]] = [:]
            for e in try ProposalEventRow.fetchAll(db, sql: "SELECT governor, proposal, kind, eta FROM proposal_events") {
                events[e.governor.lowercased + "|" + e.proposal, default: []].append(e)
            }
            return rows.map { p in
                let lifecycle = events[p.governor.lowercased + "|" + String(p.id)] ?? []
                return GovernorProposal(
                    governor: p.governor, id: p.id, proposer: p.proposer, targets: p.targets, values: p.values, signatures: p.signatures, calldatas: p.calldatas,
                    voteStart: p.voteStart, voteEnd: p.voteEnd, description: p.description, block: p.block,
                    queuedETA: lifecycle.first { $0.kind == "queued" }?.eta, executed: lifecycle.contains { $0.kind == "executed" },
                    canceled: lifecycle.contains { $0.kind == "canceled" })
            }
        }
    }

    /// The votes of one proposal, in chain order (by block, log index, then voter).
    public func proposalVotes(governor: Address, id: BigUInt) throws -> [GovernorVote] {
        // Read in the key's order (by voter, no sort in SQLite: its sorter took a third of reading
        // ten thousand votes) and put in chain order here.
        var votes = try read { db in
            try db.fetchAllRecords(
                GovernorVote.self, sql: "SELECT voter, support, weight, reason, params, block, log_index FROM proposal_votes WHERE governor = ? AND proposal = ? ORDER BY voter",
                arguments: [governor, String(id)])
        }
        votes.sort { ($0.block, $0.logIndex, $0.voter) < ($1.block, $1.logIndex, $1.voter) }
        return votes
    }

    /// The votes of one proposal that a count of `account`'s vote needs, in chain order: its own,
    /// its delegate's, and those of the voters delegated to it; with the delegations of these
    /// accounts (as the views hold them). Large proposals are read by these keys, not whole.
    package func proposalVotes(governor: Address, id: BigUInt, around account: Address) throws -> (votes: [GovernorVote], delegations: [Address: Address]) {
        try read { db in
            let key: [DatabaseValueConvertible] = [governor, String(id)]
            func delegateOf(_ a: String) throws -> String? {
                try String.fetchOne(
                    db, sql: "SELECT delegate FROM proposal_delegations WHERE governor = ? AND proposal = ? AND account = ?", arguments: StatementArguments(key + [a]))
            }
            // The delegate's own delegate says whether the delegate's vote is an orchestrator's.
            let delegate = try delegateOf(account.lowercased) ?? account.lowercased
            let near: [DatabaseValueConvertible] = [account, delegate, try delegateOf(delegate) ?? delegate]
            let votes = try db.fetchAllRecords(
                GovernorVote.self,
                sql: """
                    SELECT voter, support, weight, reason, params, block, log_index FROM proposal_votes WHERE governor = ?1 AND proposal = ?2 AND voter IN (?3, ?4)
                    UNION
                    SELECT v.voter, v.support, v.weight, v.reason, v.params, v.block, v.log_index FROM proposal_delegations d
                    JOIN proposal_votes v ON v.governor = d.governor AND v.proposal = d.proposal AND v.voter = d.account
                    WHERE d.governor = ?1 AND d.proposal = ?2 AND d.delegate = ?3
                    ORDER BY 6, 7, 1
                    """, arguments: StatementArguments(key + near.prefix(2)))
            let pairs = try db.fetchAllRecords(
                DelegationRow.self,
                sql: """
                    SELECT account, delegate FROM proposal_delegations WHERE governor = ?1 AND proposal = ?2 AND account IN (?3, ?4, ?5)
                    UNION
                    SELECT account, delegate FROM proposal_delegations d WHERE governor = ?1 AND proposal = ?2 AND delegate = ?3
                    AND EXISTS (SELECT 1 FROM proposal_votes v WHERE v.governor = ?1 AND v.proposal = ?2 AND v.voter = d.account)
                    ORDER BY 1
                    """, arguments: StatementArguments(key + near))
            return (votes, Dictionary(pairs.map { ($0.account, $0.delegate) }, uniquingKeysWith: { _, last in last }))
        }
    }

    /// What the views said of one proposal, nil when nothing was imported or synced for it.
    /// Without `delegations` its delegations are left empty (a record that reads them by key).
    public func proposalViews(governor: Address, id: BigUInt, delegations: Bool = true) throws -> ProposalViews? {
        try read { db in
            guard
                let views = try ProposalViewsRow.fetchOne(
                    db,
                    sql:
                        "SELECT total_supply, quorum_numerator, quota, onchain_against, onchain_for, onchain_abstain, state FROM proposal_views WHERE governor = ? AND proposal = ?",
                    arguments: [governor, String(id)])
            else { return nil }
            let pairs =
                delegations
                ? try db.fetchAllRecords(
                    DelegationRow.self, sql: "SELECT account, delegate FROM proposal_delegations WHERE governor = ? AND proposal = ? ORDER BY account",
                    arguments: [governor, String(id)]) : []
            return ProposalViews(
                id: id, totalSupply: views.totalSupply, quorumNumerator: views.quorumNumerator, quota: views.quota, onchain: views.onchain, state: views.state,
                delegations: Dictionary(pairs.map { ($0.account, $0.delegate) }, uniquingKeysWith: { _, last in last }))
        }
    }

    /// The governors whose proposal `id` the ledger has (logs or views).
    public func governors(ofProposal id: BigUInt) throws -> [Address] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT governor FROM proposals WHERE id = ?1 UNION SELECT governor FROM proposal_views WHERE proposal = ?1 ORDER BY 1", arguments: [String(id)]
            ).map { try stored($0, "proposals", key: ["governor"])("governor", as: Address.self) }
        }
    }
}
