import BigInt
import Foundation
import LIPCore
import GRDB

/// A snapshot as the ledger lists it.
public struct SnapshotInfo: Sendable, Equatable {
    /// The row id.
    public var id: Int64
    /// The chain.
    public var chain: Chain
    /// Its block on that chain.
    public var block: Int
    /// For L2: the L1 block.
    public var l1Block: Int?
    /// Number of accounts.
    public var accounts: Int
    /// Sum of stake (wei).
    public var totalStake: BigUInt
    /// The on-chain totals given at import.
    public var totalBonded: BigUInt?
    /// The on-chain total active stake given at import.
    public var totalActive: BigUInt?
    /// csv, lip73 or subgraph.
    public var source: String

    /// Reads a `snapshots` row.
    public init(row: Row) {
        id = row["id"]
        chain = Chain(rawValue: row["chain"])!
        block = row["block"]
        l1Block = row["l1_block"]
        accounts = row["accounts"]
        totalStake = BigUInt(row["total_stake"] as String, radix: 10)!
        totalBonded = (row["total_bonded"] as String?).flatMap { BigUInt($0, radix: 10) }
        totalActive = (row["total_active"] as String?).flatMap { BigUInt($0, radix: 10) }
        source = row["source"]
    }
}

/// A poll as the ledger holds it.
public struct PollInfo: Sendable, Equatable {
    /// The poll contract.
    public var address: Address
    /// The chain it was created on.
    public var chain: Chain
    /// The proposal (an IPFS CID).
    public var proposal: String
    /// The L1 end block.
    public var endBlock: Int
    /// Quorum and quota in parts per million.
    public var quorum: BigUInt
    /// Yes must be more than this share of the vote, parts per million.
    public var quota: BigUInt
    /// The linked LIP.
    public var lip: Int?
    /// How many vote rows it has.
    public var votes: Int
}

extension Ledger {
    /// Every snapshot, by chain then block.
    public func snapshots() throws -> [SnapshotInfo] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM snapshots ORDER BY chain, block").map(SnapshotInfo.init)
        }
    }

    /// Every poll, by address.
    public func polls() throws -> [PollInfo] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT p.*, (SELECT COUNT(*) FROM votes v WHERE v.poll = p.address) AS n FROM polls p ORDER BY address").map { row in
                PollInfo(address: Address(row["address"] as String)!, chain: Chain(rawValue: row["chain"])!, proposal: row["proposal"],
                         endBlock: row["end_block"], quorum: BigUInt(row["quorum"] as String, radix: 10)!, quota: BigUInt(row["quota"] as String, radix: 10)!,
                         lip: row["lip"], votes: row["n"])
            }
        }
    }

    /// What the ledger holds, as the contract's JSON.
    public func statusJSON() throws -> JSONValue {
        let (migrations, imported, skipped, orphanVotes) = try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM migrations")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM logs WHERE event IS NOT NULL")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM logs WHERE event IS NULL")!,
             try Row.fetchAll(db, sql: "SELECT poll, COUNT(*) AS n FROM votes WHERE poll NOT IN (SELECT address FROM polls) GROUP BY poll ORDER BY poll"))
        }
        var polls: [JSONValue] = try self.polls().map { p in
            .object([("address", .string(p.address.checksummed)), ("chain", .string(p.chain.rawValue)), ("endBlock", .int(p.endBlock)),
                     ("votes", .int(p.votes)), ("lip", .int(p.lip))])
        }
        // Votes for a poll whose PollCreated is not imported yet are listed too, with what is known.
        polls += orphanVotes.map { row in
            .object([("address", .string(Address(row["poll"] as String)!.checksummed)), ("chain", .null), ("endBlock", .null),
                     ("votes", .int(row["n"] as Int)), ("lip", .null)])
        }
        return .object([
            ("snapshots", .array(try snapshots().map { s in
                .object([("chain", .string(s.chain.rawValue)), ("block", .int(s.block)), ("l1Block", .int(s.l1Block)),
                         ("accounts", .int(s.accounts)), ("totalStake", .string(String(s.totalStake))), ("source", .string(s.source))])
            })),
            ("polls", .array(polls)),
            ("migrations", .int(migrations)),
            ("logs", .object([("imported", .int(imported)), ("skipped", .int(skipped))])),
        ])
    }

    /// Whether the snapshot's LIP-73 file had the all-zero entry.
    public func snapshotHadZeroEntry(chain: Chain, block: Int) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT zero_entry FROM snapshots WHERE chain = ? AND block = ?", arguments: [chain.rawValue, block]) ?? false
        }
    }

    /// The LIP-73 entries of the L1 snapshot at `block`.
    public func snapshotEntries(chain: Chain, block: Int) throws -> [SnapshotEntry] {
        try database.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM snapshots WHERE chain = ? AND block = ?", arguments: [chain.rawValue, block]) else {
                let have = try Int.fetchAll(db, sql: "SELECT block FROM snapshots WHERE chain = ? ORDER BY block", arguments: [chain.rawValue])
                throw LIPError.usage("the ledger has no \(chain.rawValue) snapshot at block \(block)" + (have.isEmpty ? "; import one with `lip ledger import snapshot FILE --chain \(chain.rawValue) --block \(block)`" : " (it has: \(have.map(String.init).joined(separator: ", ")))"))
            }
            return try Row.fetchAll(db, sql: "SELECT account, delegate, stake, fees FROM snapshot_accounts WHERE snapshot_id = ? ORDER BY account", arguments: [id]).map { row in
                SnapshotEntry(delegator: Address(row["account"] as String)!, delegate: (row["delegate"] as String?).flatMap(Address.init) ?? .zero,
                              stake: BigUInt(row["stake"] as String, radix: 10)!, fees: (row["fees"] as String?).flatMap { BigUInt($0, radix: 10) } ?? 0)
            }
        }
    }
}
