import BigInt
import Crypto
import Foundation
import LIPEthereum
import GRDB
import LIPCore

extension Ledger {
    /// Stores what `lip ledger sync` read from a node, in one transaction: the logs (PollCreated,
    /// votes), and the stake at the deciding block as a snapshot of source `rpc`. A snapshot at
    /// the same chain and block gains the accounts it lacks; an account it has must have the same
    /// values (the chain's state at one block is one state). The same sync again changes nothing.
    package func storeSync(logs: [EventLog], stake: SyncedStake, record: ImportRecord, links: [String: Int] = [:]) throws -> ImportSummary {
        var summary = ImportSummary(what: "sync of \(record.file) (\(stake.chain.rawValue) block \(stake.block))", rows: 0)
        try transaction { db in try storeSync(logs: logs, stake: stake, record: record, links: links, db: db, into: &summary) }
        return summary
    }

    /// `storeSync` inside the caller's transaction, counting into `summary`.
    func storeSync(logs: [EventLog], stake: SyncedStake, record: ImportRecord, links: [String: Int], db: Database, into summary: inout ImportSummary) throws {
        let source = record.file
        let rowsBefore = summary.rows
        do {
            let holds = try storeLogs(logs, chain: stake.chain, db: db, links: links, source: source, into: &summary)
            let snapshotID: Int64
            var madeWhole = false
            if let row = try Row.fetchOne(
                db, sql: "SELECT id, total_active, block_hash, partial FROM snapshots WHERE chain = ? AND block = ?", arguments: [stake.chain, stake.block])
            {
                let existing = stored(row, "snapshots", key: ["id"])
                snapshotID = try existing("id")
                if let total: BigUInt = try existing.optional("total_active"), total != stake.totalActive {
                    throw LIPError.invalidInput(
                        file: source, location: "",
                        message: "getTotalBonded() at \(stake.chain.rawValue) block \(stake.block) is \(stake.totalActive), but the ledger's snapshot there says \(total)")
                }
                if let hash: String = try existing.optional("block_hash"), hash != stake.blockHash {
                    throw LIPError.invalidInput(
                        file: source, location: "",
                        message:
                            "\(stake.chain.rawValue) block \(stake.block) has hash \(stake.blockHash), but the ledger's snapshot was read at \(hash): a reorganisation? Sync again when the chain is final"
                    )
                }
                // A --full sync reads every delegator: the snapshot it completes is whole from now on.
                madeWhole = try existing("partial", as: Bool.self) && !stake.partial
                // Only when a value differs: the same sync again changes no row (and raises no revision).
                try db.execute(
                    sql:
                        "UPDATE snapshots SET total_active = ?1, block_hash = ?2, partial = ?3 WHERE id = ?4 AND (total_active IS NOT ?1 OR block_hash IS NOT ?2 OR partial IS NOT ?3)",
                    arguments: [StoredWei(stake.totalActive), stake.blockHash, try existing("partial", as: Bool.self) && stake.partial, snapshotID])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO snapshots (chain, block, l1_block, source, accounts, total_stake, total_active, content_sha256, block_hash, partial)
                        VALUES (?, ?, ?, 'rpc', 0, '0', ?, ?, ?, ?)
                        """,
                    arguments: [stake.chain, stake.block, stake.chain == .l2 ? stake.l1Block : nil, StoredWei(stake.totalActive), record.sha256, stake.blockHash, stake.partial])
                snapshotID = db.lastInsertedRowID
            }
            for account in stake.accounts {
                if let row = try Row.fetchOne(
                    db, sql: "SELECT snapshot_id, account, delegate, stake, delegated_stake, registered FROM snapshot_accounts WHERE snapshot_id = ? AND account = ?",
                    arguments: [snapshotID, account.account])
                {
                    let existing = stored(row, "snapshot_accounts", key: ["snapshot_id", "account"])
                    let same =
                        try existing.optional("delegate", as: Address.self) == account.delegate && existing("stake", as: BigUInt.self) == account.stake
                        && (try existing.optional("delegated_stake", as: BigUInt.self) ?? 0) == account.delegatedStake
                        && existing("registered", as: Bool.self) == account.registered
                    guard same else {
                        throw LIPError.invalidInput(
                            file: source, location: "",
                            message: "\(account.account.checksummed) at \(stake.chain.rawValue) block \(stake.block) reads other stake than the ledger's snapshot there holds")
                    }
                    summary.unchanged += 1
                    continue
                }
                try db.execute(
                    sql: "INSERT INTO snapshot_accounts (snapshot_id, account, delegate, stake, delegated_stake, registered, active) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [snapshotID, account.account, account.delegate, StoredWei(account.stake), StoredWei(account.delegatedStake), account.registered, account.active])
                summary.rows += 1
            }
            // The snapshot's count, sums and row digest, from its rows (amounts summed here, never in SQL).
            try SnapshotDigest.store(db, snapshotID: snapshotID, ledgerPath: self.path)
            if summary.rows > rowsBefore || madeWhole {
                try Ledger.record(db, record, snapshotID: snapshotID, holds: holds)
            }
        }
    }

    /// Stores logs a node returned (inside the caller's transaction), counting them into
    /// `summary`; returns what they held (polls, migrations, governor) for `import_polls`.
    @discardableResult
    func storeLogs(_ logs: [EventLog], chain: Chain, db: Database, links: [String: Int], source: String, into summary: inout ImportSummary) throws -> Set<String> {
        let writer = try LogWriter(db)
        var holds = Set<String>()
        for log in logs {
            let raw = try RawLog(log, source: source)
            if let held = Ledger.holding(raw) { holds.insert(held) }
            switch try store(raw, chain: chain, db: db, links: links, writer: writer, file: source, location: "log \(raw.logIndex) in tx \(raw.transactionPrefix)…") {
            case .added: summary.rows += 1
            case .unchanged: summary.unchanged += 1
            case .unknownTopic: summary.skipped["unknown topic", default: 0] += 1
            }
        }
        return holds
    }
}
