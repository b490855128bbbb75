import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

/// How a log import cuts its file: the reader hands over `batch` logs at a time and reads at
/// most `chunk` ahead; the writer inserts `chunk` logs at a time (in the order of their hashes).
struct LogChunking {
    /// Logs per batch of the reader.
    var batch: Int
    /// Logs per chunk of the writer, at most 65,536.
    var chunk: Int
    /// 32,768 logs a chunk: at 10^6 random hashes, 16,384 are 8% slower and 65,536 only 2%
    /// faster for 18 MB more (`lip-dev bench-logs`, this machine).
    static let standard = LogChunking(batch: 2_048, chunk: 32_768)
}

extension Ledger {
    /// Imports raw event logs (`eth_getLogs` output, or a JSON-RPC response around it) in one transaction.
    /// `links` maps proposal CIDs to LIP numbers (from the workspace's poll.yaml files).
    package func importLogs(_ url: URL, path: String, chain: Chain, links: [String: Int] = [:], progress: ImportProgress? = nil) throws -> ImportSummary {
        try importLogs(url, path: path, chain: chain, links: links, progress: progress, chunking: .standard)
    }

    /// `importLogs`, with the file cut as `chunking` says (tests cut small files as the standard cuts large ones).
    func importLogs(_ url: URL, path: String, chain: Chain, links: [String: Int], progress: ImportProgress?, chunking: LogChunking) throws -> ImportSummary {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw LIPError.unreadable(path: path, reason: FileProblem.describe(nil, at: url))
        }
        // The file is streamed inside the one transaction: memory stays flat whatever its size,
        // and a bad log anywhere leaves the ledger as it was. It is read and checked on another
        // thread (`LogFileReader`) while this one writes.
        precondition(0 < chunking.batch && chunking.batch <= chunking.chunk && chunking.chunk <= 1 << 16)
        let reader = try LogFileReader(url: url, path: path, chunking: chunking)
        defer { reader.cancel() }
        var summary = ImportSummary(what: "logs \(chain.rawValue)", rows: 0)
        try transaction { db in
            // A page cache big enough that pages are written to the WAL once, not again each time
            // the default 2 MB cache spills them mid-transaction (transaction hashes are random:
            // even sorted by chunk, the key index takes logs all over its width). 32 MB: memory
            // stays the same whatever the file's size.
            try db.execute(sql: "PRAGMA cache_size = -32768")
            let writer = try LogWriter(db)
            // Logs are inserted a chunk at a time (`LogWriter.insert(_:chain:)`: in the order of
            // their hashes), then each is settled in file order: compared with the log stored
            // before, or its event applied. The first problem in file order is the one named.
            var chunk: [(raw: RawLog, index: Int)] = []
            var read = 0
            // What the file holds (its polls, migrations, governor events), for `import_polls`;
            // most logs are votes of one poll, so the last one's address is compared first.
            var holds = Set<String>()
            var lastVotePoll: ArraySlice<UInt8> = []
            func settleChunk() throws {
                let added = try writer.insert(chunk.map(\.raw), chain: chain)
                for (k, (raw, i)) in chunk.enumerated() {
                    if raw.addressBytes != lastVotePoll, let held = Ledger.holding(raw) {
                        holds.insert(held)
                        if raw.event == .vote { lastVotePoll = raw.addressBytes }
                    }
                    switch try settle(
                        raw, added: added[k], chain: chain, db: db, links: links, writer: writer, file: path,
                        location: "log \(i) (logIndex \(raw.logIndex) in tx \(raw.transactionPrefix)…)")
                    {
                    case .unchanged: summary.unchanged += 1
                    case .unknownTopic: summary.skipped["unknown topic", default: 0] += 1
                    case .added: summary.rows += 1
                    }
                }
                chunk.removeAll(keepingCapacity: true)
                progress?(read)
            }
            while true {
                let batch: [LogFileReader.Item]?
                do { batch = try reader.next() } catch {
                    // The logs before a problem of the file come first: one of them may have its own.
                    try settleChunk()
                    throw error
                }
                guard let batch else { break }
                if chunk.count + batch.count > chunking.chunk { try settleChunk() }
                read += batch.count
                for item in batch {
                    switch item {
                    case .log(let raw, let i): chunk.append((raw, i))
                    case .removed: summary.skipped["removed", default: 0] += 1
                    }
                }
            }
            try settleChunk()
            if summary.rows > 0 {
                try Ledger.record(db, ImportRecord(kind: .logs, file: path, sha256: reader.sha256, chain: chain), holds: holds)
            }
        }
        return summary
    }

    /// What storing one log did.
    enum LogOutcome { case added, unknownTopic, unchanged }

    /// Stores one log and applies its event; a log stored before must be the same. Problems are
    /// errors naming `file` and `location` (made only then).
    func store(
        _ raw: RawLog, chain: Chain, db: Database, links: [String: Int], writer: LogWriter, file: String, location: @autoclosure () -> String
    ) throws -> LogOutcome {
        try settle(
            raw, added: try writer.insert(raw, chain: chain, event: raw.event), chain: chain, db: db, links: links, writer: writer, file: file, location: location())
    }

    /// Settles one log whose insert `added` it or found one with its key: a log stored before must
    /// be the same; an added one has its event applied.
    func settle(
        _ raw: RawLog, added: Bool, chain: Chain, db: Database, links: [String: Int], writer: LogWriter, file: String, location: @autoclosure () -> String
    ) throws -> LogOutcome {
        let event = raw.event
        if !added {
            // Stored before: it must be the same log.
            let hash = Data(raw.transactionHash), address = Data(raw.addressBytes), topics = Data(raw.topics), data = Data(raw.dataBytes)
            let row =
                try Row.fetchOne(
                    db, sql: "SELECT chain, transaction_hash, log_index, topics, data, address, block_number FROM logs WHERE chain = ? AND transaction_hash = ? AND log_index = ?",
                    arguments: [chain, hash, raw.logIndex]) ?? Row()
            let existing = stored(row, "logs", key: ["chain", "transaction_hash", "log_index"])
            let same =
                try existing("topics", as: Data.self) == topics && existing("data", as: Data.self) == data
                && existing("address", as: Data.self) == address && existing("block_number", as: Int.self) == raw.blockNumber
            guard same else {
                throw LIPError.invalidInput(file: file, location: location(), message: "differs from the log imported before with the same transaction hash and log index")
            }
            return .unchanged
        }
        guard let event else { return .unknownTopic }
        do {
            try apply(event, raw, chain: chain, db: db, links: links, writer: writer)
        } catch let p as ABI.Problem {
            throw LIPError.invalidInput(file: file, location: location(), message: "\(event.rawValue): \(p)")
        } catch let problem as RowProblem {
            throw LIPError.invalidInput(file: file, location: location(), message: problem.message)
        }
        return .added
    }

    func apply(_ event: LedgerEvent, _ log: RawLog, chain: Chain, db: Database, links: [String: Int], writer: LogWriter) throws {
        func topicAddressBytes(_ n: Int) throws -> ArraySlice<UInt8> {
            guard let bytes = log.topic(n) else {
                throw RowProblem("\(event.rawValue) needs topic \(n) (an indexed address)")
            }
            return try ABI.addressBytes(bytes, 0)
        }
        func topicAddress(_ n: Int) throws -> Address { Address(bytes: Array(try topicAddressBytes(n))) }
        // A copy of the data for the ABI decoders, made only by the events that read it that way.
        var data: [UInt8] { log.data }
        switch event {
        case .pollCreated:
            let poll = try topicAddress(1)
            let proposalBytes = try ABI.bytes(data, 0)
            let proposal = String(decoding: proposalBytes, as: UTF8.self)
            let endBlock = try ABI.uint(data, 1), quorum = try ABI.uint(data, 2), quota = try ABI.uint(data, 3)
            guard endBlock <= BigUInt(Int.max) else { throw RowProblem("endBlock \(endBlock) is too large") }
            if let row = try Row.fetchOne(db, sql: "SELECT address, proposal, end_block, quorum, quota FROM polls WHERE address = ?", arguments: [poll]) {
                let existing = stored(row, "polls", key: ["address"])
                guard try existing("proposal", as: String.self) == proposal, try existing("end_block", as: Int.self) == Int(endBlock),
                    try existing("quorum", as: BigUInt.self) == quorum, try existing("quota", as: BigUInt.self) == quota
                else {
                    throw RowProblem("PollCreated for \(poll.checksummed) differs from the poll already in the ledger")
                }
                return
            }
            try db.execute(
                sql: "INSERT INTO polls (address, chain, proposal, end_block, quorum, quota, created_block, lip) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [poll, chain, proposal, Int(endBlock), StoredWei(quorum), StoredWei(quota), log.blockNumber, links[proposal]])
        case .vote:
            // Most logs are votes: decoded from the log's own buffer, nothing copied.
            let voter = try topicAddressBytes(1)
            let choice = Amount.decimal(try ABI.uint(log.dataBytes, 0))
            if try !writer.insertVote(poll: log.addressBytes, voter: voter, choice: choice, block: log.blockNumber, logIndex: log.logIndex) {
                try Ledger.checkSameVote(
                    db, poll: log.address.lowercased, voter: Hex.prefixed(voter), choice: choice, block: log.blockNumber, logIndex: log.logIndex)
            }
        case .migrateDelegatorFinalized:
            let l1 = try ABI.address(data, 0), l2 = try ABI.address(data, 1)
            let stake = try ABI.uint(data, 2)
            _ = try ABI.uint(data, 3); _ = try ABI.uint(data, 4)
            let delegate = try ABI.address(data, 5)
            try insertMigration(
                db, kind: .delegator, l1: l1.lowercased, l2: l2.lowercased, l2Block: log.blockNumber, pool: nil,
                delegate: delegate.lowercased, stake: String(stake))
        case .stakeClaimed:
            let delegator = try topicAddress(1)
            let delegate = try ABI.address(data, 0)
            let stake = try ABI.uint(data, 1)
            _ = try ABI.uint(data, 2)
            try insertMigration(
                db, kind: .claim, l1: delegator.lowercased, l2: delegator.lowercased, l2Block: log.blockNumber, pool: nil,
                delegate: delegate.lowercased, stake: String(stake))
        case .delegatorPoolCreated:
            let l1 = try topicAddress(1)
            let pool = try ABI.address(data, 0)
            try insertMigration(db, kind: .pool, l1: l1.lowercased, l2: nil, l2Block: log.blockNumber, pool: pool.lowercased, delegate: nil, stake: nil)
        case .proposalCreated, .voteCast, .voteCastWithParams, .proposalQueued, .proposalExecuted, .proposalCanceled, .quorumNumeratorUpdated:
            try applyGovernorEvent(event, log, db: db)
        }
    }

    /// Inserts a vote; an identical one already present is left alone.
    static func insertVote(_ db: Database, poll: String, voter: String, choice: String, block: Int, logIndex: Int) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO votes (poll, voter, choice, block, log_index) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [poll, voter, choice, block, logIndex])
        guard db.changesCount == 0 else { return }
        try checkSameVote(db, poll: poll, voter: voter, choice: choice, block: block, logIndex: logIndex)
    }

    /// A vote was there already with this key: it must have this choice.
    static func checkSameVote(_ db: Database, poll: String, voter: String, choice: String, block: Int, logIndex: Int) throws {
        let existing = try String.fetchOne(
            db, sql: "SELECT choice FROM votes WHERE poll = ? AND voter = ? AND block = ? AND log_index = ?", arguments: [poll, voter, block, logIndex])
        guard existing == choice else {
            throw RowProblem("a vote of \(voter) at block \(block), log index \(logIndex) is in the ledger with choice \(existing ?? "?"), not \(choice)")
        }
    }

    /// Inserts a migration; an identical one already present is left alone, a different one is an error.
    @discardableResult
    func insertMigration(_ db: Database, kind: MigrationKind, l1: String, l2: String?, l2Block: Int, pool: String?, delegate: String?, stake: String?) throws -> Bool {
        if let row = try Row.fetchOne(db, sql: "SELECT kind, l1_account, l2_account, l2_block, pool FROM migrations WHERE kind = ? AND l1_account = ?", arguments: [kind, l1]) {
            let existing = stored(row, "migrations", key: ["kind", "l1_account"])
            guard try existing.optional("l2_account", as: Address.self)?.lowercased == l2, try existing("l2_block", as: Int.self) == l2Block,
                try existing.optional("pool", as: Address.self)?.lowercased == pool
            else {
                throw RowProblem("\(kind.rawValue) migration of \(Address(l1)?.checksummed ?? l1) is in the ledger already with other values")
            }
            return false
        }
        try db.execute(
            sql: "INSERT INTO migrations (kind, l1_account, l2_account, l2_block, pool, delegate, stake) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [kind, l1, l2, l2Block, pool, delegate, stake])
        return true
    }
}
