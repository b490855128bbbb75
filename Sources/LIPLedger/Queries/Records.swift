import BigInt
import Foundation
import GRDB
import GRDBSQLite
import LIPCore
import LIPEthereum

// The ledger's rows that are values of their own, decoded by GRDB's throwing initializers: one
// decoding path (`StoredRow`), and a value of another form is an error naming the table, the row
// and the column (the ledger's `read` adds its path), never a trap.

extension SnapshotInfo: LedgerRecord {
    /// A row of `snapshots`.
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "snapshots", key: ["id"])
        self.init(
            id: try r("id"), chain: try r("chain"), block: try r("block"), l1Block: try r.optional("l1_block"),
            accounts: try r("accounts"), totalStake: try r("total_stake"), totalBonded: try r.optional("total_bonded"),
            totalActive: try r.optional("total_active"), source: try r("source"), hadZeroEntry: try r("zero_entry"),
            blockHash: try r.optional("block_hash"), partial: try r("partial"), rowsSHA256: try r("rows_sha256"), activeStake: try r("active_stake"))
    }
}

extension StakeMigration: LedgerRecord {
    /// A row of `migrations`.
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "migrations", key: ["kind", "l1_account"])
        self.init(kind: try r("kind"), l1Account: try r("l1_account"), l2Account: try r.optional("l2_account"), l2Block: try r("l2_block"), pool: try r.optional("pool"))
    }
}

extension PollInfo: LedgerRecord {
    /// A row of `polls` with its vote count as `n`.
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "polls", key: ["address"])
        self.init(
            address: try r("address"), chain: try r("chain"), proposal: try r("proposal"), endBlock: try r("end_block"),
            quorum: try r("quorum"), quota: try r("quota"), lip: try r.optional("lip"), votes: try r.optional("n"),
            createdBlock: try r.optional("created_block"))
    }
}

extension GovernorVote: LedgerRecord, BufferDecodable {
    /// The row of `SELECT voter, support, weight, reason, params, block, log_index FROM
    /// proposal_votes` the statement stands on, from SQLite's buffers (a record of every proposal
    /// reads a million votes).
    init?(sqliteStatement s: SQLiteStatement) {
        guard let voter = Address(sqliteStatement: s, index: 0), sqlite3_column_type(s, 1) == SQLITE_INTEGER,
            let support = VoteSupport(rawValue: Int(sqlite3_column_int64(s, 1))), let weight = StoredWei(sqliteStatement: s, index: 2),
            let reason = StoredText.bytes(s, 3), sqlite3_column_type(s, 5) == SQLITE_INTEGER, sqlite3_column_type(s, 6) == SQLITE_INTEGER
        else { return nil }
        var params: [UInt8]?
        if sqlite3_column_type(s, 4) != SQLITE_NULL {
            guard let text = StoredText.bytes(s, 4), let bytes = Hex.decode(String(decoding: text, as: UTF8.self)) else { return nil }
            params = bytes
        }
        self.init(
            voter: voter, support: support, weight: weight.value, reason: String(decoding: reason, as: UTF8.self), params: params,
            block: Int(sqlite3_column_int64(s, 5)), logIndex: Int(sqlite3_column_int64(s, 6)))
    }

    /// A row of `proposal_votes`.
    init(row: Row) throws {
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

extension SnapshotAccount: LedgerRecord, BufferDecodable {
    /// The columns both initializers read, in this order.
    static let columns = "snapshot_id, account, delegate, stake, delegated_stake, registered, active, fees"

    /// A row of `SELECT \(columns) FROM snapshot_accounts`, each value checked by `StoredRow`,
    /// which names a bad one (large reads use `init?(sqliteStatement:)` and come here for a row it
    /// declines).
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "snapshot_accounts", key: ["snapshot_id", "account"], indexes: StoredRow.accountColumns)
        self.init(
            account: try r("account"), delegate: try r.optional("delegate"), stake: try r("stake"), delegatedStake: try r.optional("delegated_stake") ?? 0,
            registered: try r("registered"), active: try r.optional("active"), fees: try r.optional("fees"))
    }

    /// The row `SELECT \(columns)` stands on, from SQLite's buffers.
    init?(sqliteStatement s: SQLiteStatement) {
        guard let account = Address(sqliteStatement: s, index: 1), let stake = StoredWei(sqliteStatement: s, index: 3),
            sqlite3_column_type(s, 5) == SQLITE_INTEGER
        else { return nil }
        func optional<Value>(_ index: CInt, _ read: (CInt) -> Value?) -> Value?? {
            sqlite3_column_type(s, index) == SQLITE_NULL ? .some(nil) : read(index).map { .some($0) }
        }
        func flag(_ index: CInt) -> Bool? { sqlite3_column_type(s, index) == SQLITE_INTEGER ? sqlite3_column_int64(s, index) != 0 : nil }
        guard let delegate = optional(2, { Address(sqliteStatement: s, index: $0) }), let delegated = optional(4, { StoredWei(sqliteStatement: s, index: $0) }),
            let active = optional(6, flag), let fees = optional(7, { StoredWei(sqliteStatement: s, index: $0) })
        else { return nil }
        self.init(
            account: account, delegate: delegate, stake: stake.value, delegatedStake: delegated?.value ?? 0, registered: sqlite3_column_int64(s, 5) != 0, active: active,
            fees: fees?.value)
    }
}

extension CastVote: LedgerRecord, BufferDecodable {
    /// The columns both initializers read, in this order.
    static let columns = "poll, voter, choice, block, log_index"

    /// A row of `SELECT \(columns) FROM votes`, each value checked by `StoredRow`, which names a bad
    /// one; the choice is kept as its canonical decimal text (large reads use
    /// `init?(sqliteStatement:)` and come here for a row it declines).
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "votes", key: ["poll", "voter", "block", "log_index"], indexes: StoredRow.indexes(of: row))
        let voter: Address = try r("voter")
        let choice: BigUInt = try r("choice")
        self.init(voter: voter, choice: Amount.decimal(choice), block: try r("block"), logIndex: try r("log_index"))
    }

    /// The row `SELECT \(columns)` stands on, from SQLite's buffers.
    init?(sqliteStatement s: SQLiteStatement) {
        guard let voter = Address(sqliteStatement: s, index: 1), let choice = StoredText.bytes(s, 2), SnapshotDigest.Canonical.amount(utf8: choice),
            sqlite3_column_type(s, 3) == SQLITE_INTEGER, sqlite3_column_type(s, 4) == SQLITE_INTEGER
        else { return nil }
        self.init(voter: voter, choice: String(decoding: choice, as: UTF8.self), block: Int(sqlite3_column_int64(s, 3)), logIndex: Int(sqlite3_column_int64(s, 4)))
    }
}
