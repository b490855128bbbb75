import BigInt
import Foundation
import GRDB
import GRDBSQLite
import LIPCore
import LIPEthereum

// The governor tables' rows as GRDB records decoded by throwing initializers (one decoding path,
// `StoredRow`: a value of another form is an error naming the table, the row and the column; the
// ledger's `read` adds its path). The queries compose them into the domain values.

/// A row of `proposals`: ProposalCreated as stored (its arrays as JSON text, decoded here).
struct ProposalRow: FetchableRecord {
    let governor: Address, id: BigUInt, proposer: Address, targets: [Address], values: [BigUInt], signatures: [String], calldatas: [[UInt8]]
    let voteStart: Int, voteEnd: Int, description: String, block: Int

    init(row: Row) throws {
        let r = StoredRow(row: row, table: "proposals", key: ["governor", "id"])
        func bad(_ column: String, _ what: String) -> StoredRow.Problem {
            StoredRow.Problem(message: "table proposals, column \(column) \(what); was the ledger edited outside lip?")
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
        governor = try r("governor")
        id = try r("id")
        proposer = try r("proposer")
        targets = try items("targets", Address.init(lowercase:))
        values = try items("call_values") { BigUInt($0) }
        signatures = try list("signatures")
        calldatas = try items("calldatas", Hex.decode)
        voteStart = try r("vote_start")
        voteEnd = try r("vote_end")
        description = try r("description")
        block = try r("block")
    }
}

/// A row of `proposal_events`: a proposal's queued, executed or canceled, with a queue's eta.
struct ProposalEventRow: FetchableRecord {
    let governor: Address, proposal: String, kind: String, eta: BigUInt?

    init(row: Row) throws {
        let r = StoredRow(row: row, table: "proposal_events", key: ["governor", "proposal", "kind"])
        governor = try r("governor")
        proposal = try r("proposal")
        kind = try r("kind")
        eta = try r.optional("eta")
    }
}

/// A row of `proposal_views`.
struct ProposalViewsRow: FetchableRecord {
    let totalSupply: BigUInt, quorumNumerator: BigUInt, quota: BigUInt, onchain: ProposalTotals?, state: ProposalState

    init(row: Row) throws {
        let r = StoredRow(row: row, table: "proposal_views", key: ["total_supply"])
        totalSupply = try r("total_supply")
        quorumNumerator = try r("quorum_numerator")
        quota = try r("quota")
        if let against: BigUInt = try r.optional("onchain_against"), let for_: BigUInt = try r.optional("onchain_for"), let abstain: BigUInt = try r.optional("onchain_abstain") {
            onchain = ProposalTotals(against: against, for: for_, abstain: abstain)
        } else {
            onchain = nil
        }
        let number: Int = try r("state")
        guard let state = ProposalState(rawValue: number) else {
            throw StoredRow.Problem(message: "table proposal_views, column state holds \(number), not 0 to 7; was the ledger edited outside lip?")
        }
        self.state = state
    }
}

/// A row of `proposal_delegations`: an account's delegate at a proposal's snapshot round.
struct DelegationRow: LedgerRecord, BufferDecodable {
    let account: Address, delegate: Address

    init(row: Row) throws {
        let r = StoredRow(row: row, table: "proposal_delegations", key: ["account"])
        account = try r("account")
        delegate = try r("delegate")
    }

    /// The row of `SELECT account, delegate` the statement stands on, from SQLite's buffers.
    init?(sqliteStatement s: SQLiteStatement) {
        guard let account = Address(sqliteStatement: s, index: 0), let delegate = Address(sqliteStatement: s, index: 1) else { return nil }
        self.account = account
        self.delegate = delegate
    }
}
