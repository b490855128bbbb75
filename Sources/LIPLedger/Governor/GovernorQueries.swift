import BigInt
import Foundation
import LIPEthereum
import GRDB
import LIPCore

extension Ledger {
    /// Every proposal the ledger knows (of `governor`, or of any), by creation block.
    public func proposals(governor: Address? = nil) throws -> [GovernorProposal] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT governor, id, proposer, targets, call_values, signatures, calldatas, vote_start, vote_end, description, block FROM proposals
                    WHERE ?1 IS NULL OR governor = ?1 ORDER BY block, governor, id
                    """, arguments: [governor])
            var events: [String: [(kind: String, eta: String?)]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT governor, proposal, kind, eta FROM proposal_events") {
                let e = stored(row, "proposal_events", key: ["governor", "proposal", "kind"])
                events[try e("governor", as: String.self) + "|" + (try e("proposal", as: String.self)), default: []].append(
                    (try e("kind", as: String.self), try e.optional("eta", as: String.self)))
            }
            return try rows.map { row in
                let r = stored(row, "proposals", key: ["governor", "id"])
                func bad(_ column: String, _ what: String) -> LIPError {
                    LIPError.invalidInput(file: path, location: "", message: "table proposals, column \(column) \(what); was the ledger edited outside lip?")
                }
                func list(_ column: String) throws -> [String] {
                    let text: String = try r(column)
                    guard let items = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] else { throw bad(column, "is not a JSON array of strings") }
                    return items
                }
                /// Every item of a list column, converted; one that does not convert is an error, never dropped.
                func items<T>(_ column: String, _ convert: (String) -> T?) throws -> [T] {
                    try list(column).map { item in
                        guard let value = convert(item) else { throw bad(column, "holds `\(item.prefix(80))`, which is not of its form") }
                        return value
                    }
                }
                func eta(_ text: String?) throws -> BigUInt? {
                    guard let text else { return nil }
                    guard let value = BigUInt(text) else { throw bad("eta (proposal_events)", "holds `\(text.prefix(80))`, not a number") }
                    return value
                }
                let governor: Address = try r("governor")
                let id: BigUInt = try r("id")
                let lifecycle = events[governor.lowercased + "|" + String(id)] ?? []
                return GovernorProposal(
                    governor: governor, id: id, proposer: try r("proposer"), targets: try items("targets", Address.init(lowercase:)),
                    values: try items("call_values") { BigUInt($0) }, signatures: try list("signatures"),
                    calldatas: try items("calldatas", Hex.decode), voteStart: try r("vote_start"), voteEnd: try r("vote_end"),
                    description: try r("description"), block: try r("block"),
                    queuedETA: try eta(lifecycle.first { $0.kind == "queued" }?.eta),
                    executed: lifecycle.contains { $0.kind == "executed" }, canceled: lifecycle.contains { $0.kind == "canceled" })
            }
        }
    }

    /// The votes of one proposal, in chain order.
    public func proposalVotes(governor: Address, id: BigUInt) throws -> [GovernorVote] {
        try read { db in
            try GovernorVote.fetchAll(
                db, sql: "SELECT voter, support, weight, reason, params, block, log_index FROM proposal_votes WHERE governor = ? AND proposal = ? ORDER BY block, log_index, voter",
                arguments: [governor, String(id)])
        }
    }

    /// What the views said of one proposal, nil when nothing was imported or synced for it.
    public func proposalViews(governor: Address, id: BigUInt) throws -> ProposalViews? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT total_supply, quorum_numerator, quota, onchain_against, onchain_for, onchain_abstain, state FROM proposal_views WHERE governor = ? AND proposal = ?",
                    arguments: [governor, String(id)])
            else { return nil }
            let r = stored(row, "proposal_views", key: ["total_supply"])
            var onchain: ProposalTotals?
            if let against: BigUInt = try r.optional("onchain_against"), let for_: BigUInt = try r.optional("onchain_for"), let abstain: BigUInt = try r.optional("onchain_abstain")
            {
                onchain = ProposalTotals(against: against, for: for_, abstain: abstain)
            }
            var delegations: [Address: Address] = [:]
            for pair in try Row.fetchAll(db, sql: "SELECT account, delegate FROM proposal_delegations WHERE governor = ? AND proposal = ?", arguments: [governor, String(id)]) {
                let p = stored(pair, "proposal_delegations", key: ["account"])
                delegations[try p("account")] = try p("delegate")
            }
            let stateNumber: Int = try r("state")
            guard let state = ProposalState(rawValue: stateNumber) else {
                throw LIPError.invalidInput(
                    file: path, location: "", message: "table proposal_views, column state holds \(stateNumber), not 0 to 7; was the ledger edited outside lip?")
            }
            return ProposalViews(
                id: id, totalSupply: try r("total_supply"), quorumNumerator: try r("quorum_numerator"), quota: try r("quota"), onchain: onchain,
                state: state, delegations: delegations)
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
