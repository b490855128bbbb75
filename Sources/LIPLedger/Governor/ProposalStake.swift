import BigInt
import Foundation
import GRDB
import LIPCore
import LIPEthereum

/// What BondingVotes says of an account at a proposal's snapshot round: `getPastVotes` and
/// `delegatedAt` (a row of `proposal_stakes`).
public struct ProposalStake: Sendable, Equatable {
    /// The account.
    public var account: Address
    /// Its votes at the round, wei.
    public var votes: BigUInt
    /// Its delegate at the round (itself for an orchestrator).
    public var delegate: Address

    /// Creates a stake.
    public init(account: Address, votes: BigUInt, delegate: Address) {
        self.account = account
        self.votes = votes
        self.delegate = delegate
    }
}

extension Ledger {
    /// The stakes stored for proposal `id` of `governor`, by account.
    public func proposalStakes(governor: Address, id: BigUInt) throws -> [ProposalStake] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT account, votes, delegate FROM proposal_stakes WHERE governor = ? AND proposal = ? ORDER BY account",
                arguments: [governor, String(id)]
            ).map { row in
                let r = stored(row, "proposal_stakes", key: ["account"])
                return ProposalStake(account: try r("account"), votes: try r("votes", as: BigUInt.self), delegate: try r("delegate"))
            }
        }
    }

    /// Replaces the stored stakes of proposal `id` (inside the caller's transaction); false when
    /// they were stored already, the same.
    static func storeStakes(_ db: Database, governor: Address, id: BigUInt, _ stakes: [ProposalStake]) throws -> Bool {
        let key: StatementArguments = [governor, String(id)]
        let wanted = stakes.sorted { $0.account < $1.account }.map { [$0.account.lowercased, String($0.votes), $0.delegate.lowercased] }
        let existing = try Row.fetchAll(db, sql: "SELECT account, votes, delegate FROM proposal_stakes WHERE governor = ? AND proposal = ? ORDER BY account", arguments: key)
            .map { [$0[0] as String? ?? "", $0[1] as String? ?? "", $0[2] as String? ?? ""] }
        if existing == wanted { return false }
        try db.execute(sql: "DELETE FROM proposal_stakes WHERE governor = ? AND proposal = ?", arguments: key)
        let insert = try db.makeStatement(sql: "INSERT INTO proposal_stakes (governor, proposal, account, votes, delegate) VALUES (?, ?, ?, ?, ?)")
        for row in wanted { try insert.execute(arguments: [governor, String(id), row[0], row[1], row[2]]) }
        return true
    }
}
