import BigInt
import Foundation
import GRDB
import LIPCore
import LIPEthereum

/// One poll read by `lip ledger sync polls`: what `lip ledger sync poll` stores, and whether its
/// stake was read past its end (then it is never read again).
package struct ScannedPoll: Sendable {
    /// The poll.
    package var poll: Address
    /// Its PollCreated and Vote logs.
    package var logs: [EventLog]
    /// The stake read at its deciding block (or the head, while it is open).
    package var stake: SyncedStake
    /// Whether the end has passed: the stake is the deciding block's.
    package var decided: Bool
    /// The sync's record (its digest names what was read).
    package var record: ImportRecord

    /// Creates a scanned poll.
    package init(poll: Address, logs: [EventLog], stake: SyncedStake, decided: Bool, record: ImportRecord) {
        self.poll = poll
        self.logs = logs
        self.stake = stake
        self.decided = decided
        self.record = record
    }
}

extension Ledger {
    /// The block up to which every PollCreated of `creator` on `chain` is in the ledger; nil when
    /// `lip ledger sync polls` never ran for it.
    package func pollScan(chain: Chain, creator: Address) throws -> Int? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT scanned_to FROM poll_scans WHERE chain = ? AND poll_creator = ?", arguments: [chain, creator]).map {
                try stored($0, "poll_scans", key: ["chain"])("scanned_to", as: Int.self)
            }
        }
    }

    /// The polls on `chain` created by `creator` whose stake was never read past their end: the
    /// ones `lip ledger sync polls` reads again. By address.
    package func undecidedPolls(chain: Chain, creator: Address) throws -> [Address] {
        let all = try read { db in
            try Row.fetchAll(
                db, sql: "SELECT address FROM polls p WHERE chain = ? AND NOT EXISTS (SELECT 1 FROM poll_decisions d WHERE d.poll = p.address) ORDER BY address",
                arguments: [chain]
            ).map { try stored($0, "polls", key: ["address"])("address", as: Address.self) }
        }
        return try all.filter { try pollCreators(of: $0, chain: chain) == [creator] }
    }

    /// Stores what `lip ledger sync polls` read, in one transaction: every poll as `storeSync`
    /// stores one, the decided ones marked, and the scan's new end. A failed or killed run
    /// changes nothing; the same run again changes nothing.
    package func storePollScan(_ polls: [ScannedPoll], chain: Chain, creator: Address, scannedTo: Int, links: [String: Int]) throws -> ImportSummary {
        var summary = ImportSummary(what: "sync of \(polls.count) poll\(polls.count == 1 ? "" : "s") of \(creator.checksummed) up to \(chain.rawValue) block \(scannedTo)", rows: 0)
        try transaction { db in
            for poll in polls {
                try storeSync(logs: poll.logs, stake: poll.stake, record: poll.record, links: links, db: db, into: &summary)
                if poll.decided {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO poll_decisions (poll, chain, deciding_block, block_hash) VALUES (?, ?, ?, ?)",
                        arguments: [poll.poll, chain, poll.stake.block, poll.stake.blockHash])
                }
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO poll_scans (chain, poll_creator, scanned_to) VALUES (?, ?, ?)", arguments: [chain, creator, scannedTo])
        }
        return summary
    }
}
