import Foundation
import LIPEthereum
import GRDB
import GRDBSQLite

/// The two inserts of a log import, a log and the vote it carries, prepared once and bound through
/// SQLite's own API (GRDB's documented raw statement handle): per log, GRDB's argument arrays cost
/// more than SQLite's insert. Lives inside one write transaction.
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
        let s = log.sqliteStatement
        Self.bind(s, 1, text: chain.rawValue)
        Self.bind(s, 2, bytes: raw.transactionHash)
        sqlite3_bind_int64(s, 3, Int64(raw.logIndex))
        sqlite3_bind_int64(s, 4, Int64(raw.blockNumber))
        Self.bind(s, 5, bytes: raw.addressBytes)
        Self.bind(s, 6, bytes: raw.topics)
        Self.bind(s, 7, bytes: raw.dataBytes)
        if let event { Self.bind(s, 8, text: event.rawValue) } else { sqlite3_bind_null(s, 8) }
        return try run(log)
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
        let s = vote.sqliteStatement
        Self.bind(s, 1, hex: poll)
        Self.bind(s, 2, hex: voter)
        Self.bind(s, 3, text: choice)
        sqlite3_bind_int64(s, 4, Int64(block))
        sqlite3_bind_int64(s, 5, Int64(logIndex))
        return try run(vote)
    }

    /// Steps `statement` once and resets it; whether it changed a row.
    private func run(_ statement: Statement) throws -> Bool {
        let s = statement.sqliteStatement
        let code = sqlite3_step(s)
        let changed = sqlite3_changes(sqlite3_db_handle(s)) > 0
        defer { sqlite3_reset(s) }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(s)))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        return changed
    }

    /// SQLite copies what it is given (SQLITE_TRANSIENT): the buffers may go after the call.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private static func bind(_ s: OpaquePointer, _ index: Int32, text: String) {
        var text = text
        _ = text.withUTF8 { sqlite3_bind_text(s, index, $0.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32($0.count), transient) }
    }

    private static func bind(_ s: OpaquePointer, _ index: Int32, bytes: ArraySlice<UInt8>) {
        _ = bytes.withUnsafeBytes { bytes in
            // A zero-length blob still needs a non-null pointer, or SQLite stores NULL.
            bytes.isEmpty ? sqlite3_bind_zeroblob(s, index, 0) : sqlite3_bind_blob(s, index, bytes.baseAddress, Int32(bytes.count), transient)
        }
    }

    /// Binds `0x` + the lowercase hex of `bytes` (at most 32), written on the stack.
    private static func bind(_ s: OpaquePointer, _ index: Int32, hex bytes: ArraySlice<UInt8>) {
        precondition(bytes.count <= 32)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 66) { out in
            let count = Hex.write(bytes, prefixed: true, into: out)
            _ = out.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(s, index, $0.baseAddress, Int32(count), transient) }
        }
    }
}
