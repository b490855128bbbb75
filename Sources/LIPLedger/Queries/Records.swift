import BigInt
import Foundation
import GRDB
import LIPCore
import LIPEthereum

// The ledger's rows that are values of their own, decoded by GRDB's throwing initializers: one
// decoding path (`StoredRow`), and a value of another form is an error naming the table, the row
// and the column (the ledger's `read` adds its path), never a trap.

extension SnapshotInfo: FetchableRecord {
    /// A row of `snapshots`.
    public init(row: Row) throws {
        let r = StoredRow(row: row, table: "snapshots", key: ["id"])
        self.init(
            id: try r("id"), chain: try r("chain"), block: try r("block"), l1Block: try r.optional("l1_block"),
            accounts: try r("accounts"), totalStake: try r("total_stake"), totalBonded: try r.optional("total_bonded"),
            totalActive: try r.optional("total_active"), source: try r("source"), hadZeroEntry: try r("zero_entry"),
            blockHash: try r.optional("block_hash"), partial: try r("partial"), rowsSHA256: try r("rows_sha256"), activeStake: try r("active_stake"))
    }
}

extension StakeMigration: FetchableRecord {
    /// A row of `migrations`.
    public init(row: Row) throws {
        let r = StoredRow(row: row, table: "migrations", key: ["kind", "l1_account"])
        self.init(kind: try r("kind"), l1Account: try r("l1_account"), l2Account: try r.optional("l2_account"), l2Block: try r("l2_block"), pool: try r.optional("pool"))
    }
}

extension PollInfo: FetchableRecord {
    /// A row of `polls` with its vote count as `n`.
    public init(row: Row) throws {
        let r = StoredRow(row: row, table: "polls", key: ["address"])
        self.init(
            address: try r("address"), chain: try r("chain"), proposal: try r("proposal"), endBlock: try r("end_block"),
            quorum: try r("quorum"), quota: try r("quota"), lip: try r.optional("lip"), votes: try r("n"))
    }
}

extension GovernorVote: FetchableRecord {
    /// A row of `proposal_votes`.
    public init(row: Row) throws {
        let r = StoredRow(row: row, table: "proposal_votes", key: ["voter", "block", "log_index"])
        let support: Int = try r("support")
        guard let choice = VoteSupport(rawValue: support) else {
            throw StoredRow.Problem(message: "table proposal_votes, column support holds \(support), not 0, 1 or 2; was the ledger edited outside lip?")
        }
        self.init(
            voter: try r("voter"), support: choice, weight: try r("weight"), reason: try r("reason"),
            params: try r.optional("params", as: String.self).flatMap(Hex.decode), block: try r("block"), logIndex: try r("log_index"))
    }
}
