import BigInt
import Foundation
import GRDB
import LIPCore
import LIPEthereum

/// An LPT Transfer into or out of the treasury (a row of `treasury_transfers`).
public struct TreasuryTransfer: Sendable, Equatable {
    public var transactionHash: String
    public var logIndex: Int
    public var block: Int
    /// The block's time, Unix seconds.
    public var timestamp: Int
    public var from: Address
    public var to: Address
    public var amount: BigUInt

    public init(transactionHash: String, logIndex: Int, block: Int, timestamp: Int, from: Address, to: Address, amount: BigUInt) {
        self.transactionHash = transactionHash
        self.logIndex = logIndex
        self.block = block
        self.timestamp = timestamp
        self.from = from
        self.to = to
        self.amount = amount
    }
}

/// A BondingManager `TreasuryReward` log (a row of `treasury_rewards`).
public struct TreasuryRewardLog: Sendable, Equatable {
    public var transactionHash: String
    public var logIndex: Int
    public var block: Int
    /// The orchestrator who called reward().
    public var transcoder: Address
    public var treasury: Address
    public var amount: BigUInt

    public init(transactionHash: String, logIndex: Int, block: Int, transcoder: Address, treasury: Address, amount: BigUInt) {
        self.transactionHash = transactionHash
        self.logIndex = logIndex
        self.block = block
        self.transcoder = transcoder
        self.treasury = treasury
        self.amount = amount
    }
}

/// A governor's `ProposalExecuted` log with its transaction (a row of `treasury_executions`).
public struct ProposalExecution: Sendable, Equatable {
    public var transactionHash: String
    public var logIndex: Int
    public var block: Int
    public var governor: Address
    public var proposal: BigUInt

    public init(transactionHash: String, logIndex: Int, block: Int, governor: Address, proposal: BigUInt) {
        self.transactionHash = transactionHash
        self.logIndex = logIndex
        self.block = block
        self.governor = governor
        self.proposal = proposal
    }
}

/// What the treasury's contracts said at the last block a sync read (a row of `treasury_scans`).
public struct TreasuryState: Sendable, Equatable {
    public var chain: Chain
    public var treasury: Address
    public var token: Address
    /// Every log up to this block is in the ledger; the views are this block's.
    public var block: Int
    /// `balanceOf(treasury)`, wei.
    public var balance: BigUInt
    /// `treasuryRewardCutRate()` and `nextRoundTreasuryRewardCutRate()`, of 10^27.
    public var cutRate: BigUInt
    public var nextCutRate: BigUInt
    /// `treasuryBalanceCeiling()`, wei.
    public var ceiling: BigUInt
    /// RoundsManager's `roundLength()`, `lastRoundLengthUpdateRound()`, `lastRoundLengthUpdateStartBlock()`.
    public var roundLength: Int
    public var lengthUpdateRound: Int
    public var lengthUpdateStartBlock: Int

    public init(
        chain: Chain, treasury: Address, token: Address, block: Int, balance: BigUInt, cutRate: BigUInt, nextCutRate: BigUInt, ceiling: BigUInt, roundLength: Int,
        lengthUpdateRound: Int, lengthUpdateStartBlock: Int
    ) {
        self.chain = chain
        self.treasury = treasury
        self.token = token
        self.block = block
        self.balance = balance
        self.cutRate = cutRate
        self.nextCutRate = nextCutRate
        self.ceiling = ceiling
        self.roundLength = roundLength
        self.lengthUpdateRound = lengthUpdateRound
        self.lengthUpdateStartBlock = lengthUpdateStartBlock
    }

    /// The round of `block` as RoundsManager counts it (treasury.md).
    public func round(of block: Int) -> Int {
        guard roundLength > 0 else { return lengthUpdateRound }
        return lengthUpdateRound + (block - lengthUpdateStartBlock) / roundLength
    }
}

extension TreasuryTransfer: LedgerRecord {
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "treasury_transfers", key: ["transaction_hash", "log_index"])
        self.init(
            transactionHash: try r("transaction_hash"), logIndex: try r("log_index"), block: try r("block"), timestamp: try r("timestamp"), from: try r("sender"),
            to: try r("recipient"), amount: try r("amount", as: BigUInt.self))
    }
}

extension TreasuryRewardLog: LedgerRecord {
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "treasury_rewards", key: ["transaction_hash", "log_index"])
        self.init(
            transactionHash: try r("transaction_hash"), logIndex: try r("log_index"), block: try r("block"), transcoder: try r("transcoder"),
            treasury: try r("treasury"), amount: try r("amount", as: BigUInt.self))
    }
}

extension ProposalExecution: LedgerRecord {
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "treasury_executions", key: ["transaction_hash", "log_index"])
        let id: String = try r("proposal")
        guard let proposal = BigUInt(id, radix: 10) else {
            throw StoredRow.Problem(message: "table treasury_executions, column proposal holds `\(id.prefix(80))`, not a decimal id")
        }
        self.init(transactionHash: try r("transaction_hash"), logIndex: try r("log_index"), block: try r("block"), governor: try r("governor"), proposal: proposal)
    }
}

extension TreasuryState: LedgerRecord {
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "treasury_scans", key: ["chain", "treasury"])
        self.init(
            chain: try r("chain"), treasury: try r("treasury"), token: try r("token"), block: try r("scanned_to"), balance: try r("balance", as: BigUInt.self),
            cutRate: try r("cut_rate", as: BigUInt.self), nextCutRate: try r("next_cut_rate", as: BigUInt.self), ceiling: try r("ceiling", as: BigUInt.self),
            roundLength: try r("round_length"), lengthUpdateRound: try r("length_update_round"), lengthUpdateStartBlock: try r("length_update_start_block"))
    }
}
