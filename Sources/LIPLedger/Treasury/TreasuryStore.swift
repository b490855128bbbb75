import BigInt
import Foundation
import GRDB
import LIPCore
import LIPEthereum

/// What `lip ledger sync treasury` read, ready to store.
package struct TreasurySyncRead: Sendable {
    package var transfers: [TreasuryTransfer]
    package var rewards: [TreasuryRewardLog]
    package var executions: [ProposalExecution]
    /// The views at the last block read (the sync's own record: `treasury_scans`).
    package var state: TreasuryState
    /// The node, as messages name it.
    package var source: String

    package init(transfers: [TreasuryTransfer], rewards: [TreasuryRewardLog], executions: [ProposalExecution], state: TreasuryState, source: String) {
        self.transfers = transfers
        self.rewards = rewards
        self.executions = executions
        self.state = state
        self.source = source
    }
}

extension Ledger {
    /// The views and the scan's end of `treasury` on `chain`; nil when it was never synced.
    public func treasuryState(chain: Chain, treasury: Address) throws -> TreasuryState? {
        try read { db in
            try TreasuryState.fetchOne(db, sql: "SELECT * FROM treasury_scans WHERE chain = ? AND treasury = ?", arguments: [chain, treasury])
        }
    }

    /// The treasuries the ledger holds a sync of.
    public func treasuryStates() throws -> [TreasuryState] {
        try read { db in try TreasuryState.fetchAll(db, sql: "SELECT * FROM treasury_scans ORDER BY chain, treasury") }
    }

    /// The transfers into and out of `treasury` of `token` on `chain`, oldest first.
    public func treasuryTransfers(chain: Chain, treasury: Address, token: Address) throws -> [TreasuryTransfer] {
        try read { db in
            try TreasuryTransfer.fetchAll(
                db,
                sql: "SELECT * FROM treasury_transfers WHERE chain = ?1 AND token = ?2 AND (sender = ?3 OR recipient = ?3) ORDER BY block, log_index, transaction_hash",
                arguments: [chain, token, treasury])
        }
    }

    /// The TreasuryReward logs paying `treasury` on `chain`, oldest first.
    public func treasuryRewards(chain: Chain, treasury: Address) throws -> [TreasuryRewardLog] {
        try read { db in
            try TreasuryRewardLog.fetchAll(
                db, sql: "SELECT * FROM treasury_rewards WHERE chain = ? AND treasury = ? ORDER BY block, log_index, transaction_hash", arguments: [chain, treasury])
        }
    }

    /// The ProposalExecuted logs on `chain`, oldest first.
    public func proposalExecutions(chain: Chain) throws -> [ProposalExecution] {
        try read { db in
            try ProposalExecution.fetchAll(db, sql: "SELECT * FROM treasury_executions WHERE chain = ? ORDER BY block, log_index, transaction_hash", arguments: [chain])
        }
    }

    /// Stores a treasury sync in one transaction: the logs (a log stored before, by its chain,
    /// transaction and index, must hold the same values), and the views replacing the last
    /// ones. A failed run changes nothing; the same run again changes nothing.
    package func storeTreasurySync(_ read: TreasurySyncRead) throws -> ImportSummary {
        let chain = read.state.chain
        var summary = ImportSummary(what: "sync of treasury \(read.state.treasury.checksummed) up to \(chain.rawValue) block \(read.state.block)", rows: 0)
        try transaction { db in
            func insert(_ table: String, _ columns: [String], _ values: [DatabaseValueConvertible], key: (String, Int)) throws {
                let existing = try Row.fetchOne(
                    db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE chain = ? AND transaction_hash = ? AND log_index = ?",
                    arguments: [chain, key.0, key.1])
                if let existing {
                    guard Array(existing.databaseValues) == values.map(\.databaseValue) else {
                        throw LIPError.invalidInput(
                            file: read.source, location: "",
                            message: "the log \(key.1) of transaction \(key.0) reads otherwise than the ledger holds it: a reorganisation? Sync again when the chain is final")
                    }
                    summary.unchanged += 1
                    return
                }
                let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
                try db.execute(
                    sql: "INSERT INTO \(table) (chain, \(columns.joined(separator: ", "))) VALUES (\(marks))", arguments: StatementArguments([chain.databaseValue] + values))
                summary.rows += 1
            }
            for t in read.transfers {
                try insert(
                    "treasury_transfers", ["transaction_hash", "log_index", "block", "timestamp", "token", "sender", "recipient", "amount"],
                    [t.transactionHash, t.logIndex, t.block, t.timestamp, read.state.token, t.from, t.to, StoredWei(t.amount)], key: (t.transactionHash, t.logIndex))
            }
            for r in read.rewards {
                try insert(
                    "treasury_rewards", ["transaction_hash", "log_index", "block", "transcoder", "treasury", "amount"],
                    [r.transactionHash, r.logIndex, r.block, r.transcoder, r.treasury, StoredWei(r.amount)], key: (r.transactionHash, r.logIndex))
            }
            for e in read.executions {
                try insert(
                    "treasury_executions", ["transaction_hash", "log_index", "block", "governor", "proposal"],
                    [e.transactionHash, e.logIndex, e.block, e.governor, String(e.proposal)], key: (e.transactionHash, e.logIndex))
            }
            let s = read.state
            try db.execute(
                sql: """
                    INSERT INTO treasury_scans (chain, treasury, token, scanned_to, balance, cut_rate, next_cut_rate, ceiling, round_length, length_update_round, length_update_start_block)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                    ON CONFLICT (chain, treasury) DO UPDATE SET token = ?3, scanned_to = ?4, balance = ?5, cut_rate = ?6, next_cut_rate = ?7, ceiling = ?8,
                        round_length = ?9, length_update_round = ?10, length_update_start_block = ?11
                    WHERE (token, scanned_to, balance, cut_rate, next_cut_rate, ceiling, round_length, length_update_round, length_update_start_block)
                        IS NOT (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                    """,
                arguments: [
                    s.chain, s.treasury, s.token, s.block, StoredWei(s.balance), StoredWei(s.cutRate), StoredWei(s.nextCutRate), StoredWei(s.ceiling), s.roundLength,
                    s.lengthUpdateRound, s.lengthUpdateStartBlock,
                ])
        }
        return summary
    }
}
