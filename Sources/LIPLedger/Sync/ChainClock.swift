import Foundation
import GRDB
import LIPCore
import LIPEthereum

/// Where a chain is now, as a node says (records.md, `lip due`): its head, the L1 block the head
/// stands for (a poll's end block and a round's blocks are counted in it), the time, how many
/// seconds recent blocks took, and the round.
public struct ChainClock: Sendable, Equatable {
    /// The head's number.
    public var headBlock: Int
    /// The block position deadlines are counted in: Arbitrum's `l1BlockNumber` of the head, else the head.
    public var position: Int
    /// The head's timestamp, Unix seconds.
    public var timestamp: Int
    /// Seconds that `sampleBlocks` positions took, up to the head: the estimate's rate.
    public var sampleSeconds: Int
    /// Positions in the sample; 0 when no rate is known.
    public var sampleBlocks: Int
    /// RoundsManager's `currentRound()`, `currentRoundStartBlock()` and `roundLength()`; nil when
    /// the network names no `rounds-manager`.
    public var round: (current: Int, startBlock: Int, length: Int)?

    public init(headBlock: Int, position: Int, timestamp: Int, sampleSeconds: Int, sampleBlocks: Int, round: (current: Int, startBlock: Int, length: Int)?) {
        self.headBlock = headBlock
        self.position = position
        self.timestamp = timestamp
        self.sampleSeconds = sampleSeconds
        self.sampleBlocks = sampleBlocks
        self.round = round
    }

    public static func == (a: ChainClock, b: ChainClock) -> Bool {
        a.headBlock == b.headBlock && a.position == b.position && a.timestamp == b.timestamp && a.sampleSeconds == b.sampleSeconds
            && a.sampleBlocks == b.sampleBlocks && a.round?.current == b.round?.current && a.round?.startBlock == b.round?.startBlock
            && a.round?.length == b.round?.length
    }

    /// When position `block` is estimated to come: now plus the blocks left at the sample's rate;
    /// nil without a rate.
    public func estimate(_ block: Int) -> Int? {
        guard sampleBlocks > 0 else { return nil }
        return timestamp + (block - position) * sampleSeconds / sampleBlocks
    }
}

extension Ledger {
    /// Keeps `clock` as where `chain` stood at the last sync that read it (`chain_clocks`), unless
    /// the ledger holds a later one. Changes nothing a count reads.
    package func keepClock(_ clock: ChainClock, chain: Chain) throws {
        try transaction(changing: .nothing) { db in
            let stored = try Row.fetchOne(db, sql: "SELECT head_block FROM chain_clocks WHERE chain = ?", arguments: [chain])
            if let stored, try self.stored(stored, "chain_clocks", key: ["chain"])("head_block", as: Int.self) > clock.headBlock { return }
            try db.execute(
                sql: """
                    INSERT INTO chain_clocks (chain, head_block, position, timestamp, sample_seconds, sample_blocks, round, round_start_block, round_length)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (chain) DO UPDATE SET head_block = excluded.head_block, position = excluded.position, timestamp = excluded.timestamp,
                        sample_seconds = excluded.sample_seconds, sample_blocks = excluded.sample_blocks, round = excluded.round,
                        round_start_block = excluded.round_start_block, round_length = excluded.round_length
                    WHERE (head_block, position, timestamp, sample_seconds, sample_blocks, round, round_start_block, round_length)
                        IS NOT (excluded.head_block, excluded.position, excluded.timestamp, excluded.sample_seconds, excluded.sample_blocks,
                        excluded.round, excluded.round_start_block, excluded.round_length)
                    """,
                arguments: [
                    chain, clock.headBlock, clock.position, clock.timestamp, clock.sampleSeconds, clock.sampleBlocks, clock.round?.current,
                    clock.round?.startBlock, clock.round?.length,
                ])
        }
    }

    /// Where `chain` stood at the last sync that read it; nil when none did.
    public func clock(chain: Chain) throws -> ChainClock? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM chain_clocks WHERE chain = ?", arguments: [chain]) else { return nil }
            let r = stored(row, "chain_clocks", key: ["chain"])
            let current: Int? = try r.optional("round"), start: Int? = try r.optional("round_start_block"), length: Int? = try r.optional("round_length")
            var round: (current: Int, startBlock: Int, length: Int)?
            if let current, let start, let length { round = (current, start, length) }
            return ChainClock(
                headBlock: try r("head_block"), position: try r("position"), timestamp: try r("timestamp"), sampleSeconds: try r("sample_seconds"),
                sampleBlocks: try r("sample_blocks"), round: round)
        }
    }
}
