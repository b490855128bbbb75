import Foundation
import LIPEthereum
import GRDB
import GRDBSQLite

/// The two inserts of a log import, a log and the vote it carries, prepared once and bound through
/// SQLite's own API (`BoundStatements`). Lives inside one write transaction.
struct LogWriter {
    private let log: Statement
    private let vote: Statement

    /// Prepares the statements on `db`.
    init(_ db: Database) throws {
        log = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO logs (chain, transaction_hash, log_index, block_number, address, topics, data, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        vote = try db.makeStatement(sql: "INSERT OR IGNORE INTO votes (poll, voter, choice, block, log_index) VALUES (?, ?, ?, ?, ?)")
    }

    /// Inserts `raw` unless a log with its chain, transaction hash and log index is there; whether it did.
    func insert(_ raw: RawLog, chain: Chain, event: LedgerEvent?) throws -> Bool {
        log.bind(1, text: chain.rawValue)
        log.bind(2, bytes: raw.transactionHash)
        log.bind(3, integer: Int64(raw.logIndex))
        log.bind(4, integer: Int64(raw.blockNumber))
        log.bind(5, bytes: raw.addressBytes)
        log.bind(6, bytes: raw.topics)
        log.bind(7, bytes: raw.dataBytes)
        log.bind(8, text: event?.rawValue)
        return try log.stepOnce()
    }

    /// Inserts each of `logs` as `insert(_:chain:event:)` does, taken in the order of their
    /// transaction hashes instead of the file's: the key index then receives them page after page
    /// instead of at random places, and fewer of its pages leave the cache to be read and written
    /// again. A log's row and outcome do not depend on that order: of logs with the same key, the
    /// earlier in `logs` is inserted first. Whether each was added, in the order of `logs`.
    /// At most 65,536 logs (a position takes 16 bits of the sort key).
    func insert(_ logs: [RawLog], chain: Chain) throws -> [Bool] {
        precondition(logs.count <= 1 << 16)
        // Sorted by the hash's first 6 bytes, then by position (the low 16 bits).
        var order = logs.indices.map { i in logs[i].transactionHash.prefix(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << 16 | UInt64(i) }
        order.sort()
        var added = [Bool](repeating: false, count: logs.count)
        for key in order {
            let i = Int(key & 0xffff)
            added[i] = try insert(logs[i], chain: chain, event: logs[i].event)
        }
        return added
    }

    /// Inserts a vote on the poll at `poll` of `voter` (20 bytes each, stored as lowercase 0x hex)
    /// unless the same poll, voter, block and log index are there; whether it did.
    func insertVote(poll: ArraySlice<UInt8>, voter: ArraySlice<UInt8>, choice: String, block: Int, logIndex: Int) throws -> Bool {
        vote.bind(1, hex: poll)
        vote.bind(2, hex: voter)
        vote.bind(3, text: choice)
        vote.bind(4, integer: Int64(block))
        vote.bind(5, integer: Int64(logIndex))
        return try vote.stepOnce()
    }
}
