import BigInt
import Crypto
import Foundation
import LIPCore
import GRDB

extension Ledger {
    /// Imports raw event logs (`eth_getLogs` output, or a JSON-RPC response around it) in one transaction.
    /// `links` maps proposal CIDs to LIP numbers (from the workspace's poll.yaml files).
    public func importLogs(_ url: URL, path: String, chain: Chain, links: [String: Int] = [:], progress: ImportProgress? = nil) throws -> ImportSummary {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: error.localizedDescription) }
        let logs: [LogJSON]
        do {
            logs = try JSONDecoder().decode(LogsFile.self, from: data).logs
        } catch let LogsFile.Problem.rpcError(message) {
            throw LIPError.invalidInput(file: path, location: "", message: "a JSON-RPC error, not logs: \(message)")
        } catch LogsFile.Problem.notLogs {
            throw LIPError.invalidInput(file: path, location: "", message: "expected a JSON array of logs or a JSON-RPC response with `result`")
        } catch {
            throw LIPError.invalidInput(file: path, location: "", message: "not valid JSON (is the file truncated?)")
        }
        var summary = ImportSummary(what: "logs \(chain.rawValue)", rows: 0)
        try transaction { db in
            let insertLog = try db.makeStatement(sql: "INSERT OR IGNORE INTO logs (chain, transaction_hash, log_index, block_number, address, topics, data, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for (i, log) in logs.enumerated() {
                guard log.isObject else {
                    throw LIPError.invalidInput(file: path, location: "log \(i)", message: "not a JSON object")
                }
                if log.removed == true { summary.skipped["removed", default: 0] += 1; continue }
                let raw = try RawLog(log, index: i, path: path)
                let where_ = "log \(i) (logIndex \(raw.logIndex) in tx \(raw.transactionHash.prefix(10))…)"
                let event = raw.topics.first.flatMap { LedgerEvent.from(topic0: $0) }
                try insertLog.execute(arguments: [chain.rawValue, raw.transactionHash, raw.logIndex, raw.blockNumber, raw.address.lowercased,
                                                  raw.topicsJSON, raw.dataHex, event?.rawValue])
                if db.changesCount == 0 {
                    // Imported before: it must be the same log.
                    let existing = try Row.fetchOne(db, sql: "SELECT topics, data, address, block_number FROM logs WHERE chain = ? AND transaction_hash = ? AND log_index = ?",
                                                    arguments: [chain.rawValue, raw.transactionHash, raw.logIndex])!
                    let same = (existing["topics"] as String) == raw.topicsJSON && (existing["data"] as String) == raw.dataHex
                        && (existing["address"] as String) == raw.address.lowercased && (existing["block_number"] as Int) == raw.blockNumber
                    guard same else { throw LIPError.invalidInput(file: path, location: where_, message: "differs from the log imported before with the same transaction hash and log index") }
                    summary.unchanged += 1
                    continue
                }
                do {
                    if let event { try Ledger.apply(event, raw, chain: chain, db: db, links: links) }
                } catch let p as ABI.Problem {
                    throw LIPError.invalidInput(file: path, location: where_, message: "\(event!.rawValue): \(p)")
                } catch let problem as RowProblem {
                    throw LIPError.invalidInput(file: path, location: where_, message: problem.message)
                }
                if event == nil { summary.skipped["unknown topic", default: 0] += 1 } else { summary.rows += 1 }
                if (i + 1) % 50_000 == 0 { progress?(i + 1) }
            }
            if summary.rows > 0 {
                try Ledger.recordImport(db, kind: "logs", file: path, arguments: "--chain \(chain.rawValue)", sha256: Hex.encode(Array(SHA256.hash(data: data))))
            }
        }
        return summary
    }

    static func apply(_ event: LedgerEvent, _ log: RawLog, chain: Chain, db: Database, links: [String: Int]) throws {
        func topicAddress(_ n: Int) throws -> Address {
            guard log.topics.count > n, let bytes = Hex.decode(log.topics[n]), bytes.count == 32 else {
                throw RowProblem("\(event.rawValue) needs topic \(n) (an indexed address)")
            }
            return try ABI.address(bytes, 0)
        }
        let data = log.data
        switch event {
        case .pollCreated:
            let poll = try topicAddress(1)
            let proposalBytes = try ABI.bytes(data, 0)
            let proposal = String(decoding: proposalBytes, as: UTF8.self)
            let endBlock = try ABI.uint(data, 1), quorum = try ABI.uint(data, 2), quota = try ABI.uint(data, 3)
            guard endBlock <= BigUInt(Int.max) else { throw RowProblem("endBlock \(endBlock) is too large") }
            if let existing = try Row.fetchOne(db, sql: "SELECT proposal, end_block, quorum, quota FROM polls WHERE address = ?", arguments: [poll.lowercased]) {
                guard (existing["proposal"] as String) == proposal, (existing["end_block"] as Int) == Int(endBlock),
                      (existing["quorum"] as String) == String(quorum), (existing["quota"] as String) == String(quota) else {
                    throw RowProblem("PollCreated for \(poll.checksummed) differs from the poll already in the ledger")
                }
                return
            }
            try db.execute(sql: "INSERT INTO polls (address, chain, proposal, end_block, quorum, quota, created_block, lip) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [poll.lowercased, chain.rawValue, proposal, Int(endBlock), String(quorum), String(quota), log.blockNumber, links[proposal]])
        case .vote:
            let voter = try topicAddress(1)
            let choice = try ABI.uint(data, 0)
            try insertVote(db, poll: log.address.lowercased, voter: voter.lowercased, choice: String(choice), block: log.blockNumber, logIndex: log.logIndex)
        case .migrateDelegatorFinalized:
            let l1 = try ABI.address(data, 0), l2 = try ABI.address(data, 1)
            let stake = try ABI.uint(data, 2)
            _ = try ABI.uint(data, 3); _ = try ABI.uint(data, 4)
            let delegate = try ABI.address(data, 5)
            try insertMigration(db, kind: "delegator", l1: l1.lowercased, l2: l2.lowercased, l2Block: log.blockNumber, pool: nil,
                                delegate: delegate.lowercased, stake: String(stake))
        case .stakeClaimed:
            let delegator = try topicAddress(1)
            let delegate = try ABI.address(data, 0)
            let stake = try ABI.uint(data, 1)
            _ = try ABI.uint(data, 2)
            try insertMigration(db, kind: "claim", l1: delegator.lowercased, l2: delegator.lowercased, l2Block: log.blockNumber, pool: nil,
                                delegate: delegate.lowercased, stake: String(stake))
        case .delegatorPoolCreated:
            let l1 = try topicAddress(1)
            let pool = try ABI.address(data, 0)
            try insertMigration(db, kind: "pool", l1: l1.lowercased, l2: nil, l2Block: log.blockNumber, pool: pool.lowercased, delegate: nil, stake: nil)
        }
    }

    /// Inserts a vote; an identical one already present is left alone.
    static func insertVote(_ db: Database, poll: String, voter: String, choice: String, block: Int, logIndex: Int) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO votes (poll, voter, choice, block, log_index) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [poll, voter, choice, block, logIndex])
        guard db.changesCount == 0 else { return }
        let existing = try String.fetchOne(db, sql: "SELECT choice FROM votes WHERE poll = ? AND voter = ? AND block = ? AND log_index = ?", arguments: [poll, voter, block, logIndex])
        guard existing == choice else {
            throw RowProblem("a vote of \(voter) at block \(block), log index \(logIndex) is in the ledger with choice \(existing ?? "?"), not \(choice)")
        }
    }

    /// Inserts a migration; an identical one already present is left alone, a different one is an error.
    @discardableResult
    static func insertMigration(_ db: Database, kind: String, l1: String, l2: String?, l2Block: Int, pool: String?, delegate: String?, stake: String?) throws -> Bool {
        if let existing = try Row.fetchOne(db, sql: "SELECT l2_account, l2_block, pool FROM migrations WHERE kind = ? AND l1_account = ?", arguments: [kind, l1]) {
            guard (existing["l2_account"] as String?) == l2, (existing["l2_block"] as Int) == l2Block, (existing["pool"] as String?) == pool else {
                throw RowProblem("\(kind) migration of \(Address(l1)!.checksummed) is in the ledger already with other values")
            }
            return false
        }
        try db.execute(sql: "INSERT INTO migrations (kind, l1_account, l2_account, l2_block, pool, delegate, stake) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [kind, l1, l2, l2Block, pool, delegate, stake])
        return true
    }
}

/// One log object, validated.
struct RawLog {
    var address: Address
    var topics: [String]
    var data: [UInt8]
    var dataHex: String
    var blockNumber: Int
    var transactionHash: String
    var logIndex: Int

    var topicsJSON: String { "[" + topics.map { "\"\($0)\"" }.joined(separator: ",") + "]" }

    init(_ log: LogJSON, index i: Int, path: String) throws {
        func fail(_ message: String) -> LIPError { LIPError.invalidInput(file: path, location: "log \(i)", message: message) }
        func quantity(_ key: String, _ value: LogJSON.Quantity?) throws -> Int {
            switch value {
            case nil: throw fail("`\(key)` is missing")
            case .number(let n)?: return n
            case .text(let text)?:
                let hex = text.hasPrefix("0x") ? String(text.dropFirst(2)) : ""
                guard !hex.isEmpty, hex.count <= 15, let value = Int(hex, radix: 16) else { throw fail("`\(key)` `\(text)` is not a hex quantity") }
                return value
            }
        }
        guard let addressText = log.address, let address = Address(addressText) else {
            throw fail("`address` `\(log.address ?? "")` is not an address")
        }
        self.address = address
        guard let topics = log.topics else { throw fail("`topics` is missing or not an array of strings") }
        for t in topics where Hex.decode(t)?.count != 32 { throw fail("topic `\(t)` is not 32 bytes of hex") }
        self.topics = topics.map { $0.lowercased() }
        guard let dataText = log.data, let data = Hex.decode(dataText) else { throw fail("`data` is missing or not hex") }
        self.data = data
        dataHex = Hex.prefixed(data)
        blockNumber = try quantity("blockNumber", log.blockNumber)
        logIndex = try quantity("logIndex", log.logIndex)
        guard let tx = log.transactionHash, Hex.decode(tx)?.count == 32 else { throw fail("`transactionHash` is missing or not 32 bytes of hex") }
        transactionHash = tx.lowercased()
    }
}

/// One element of a logs file as decoded; fields of the wrong type count as missing.
struct LogJSON: Decodable {
    enum Quantity: Decodable {
        case text(String), number(Int)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
        }
    }
    var isObject = true
    var address, data, transactionHash: String?
    var topics: [String]?
    var blockNumber, logIndex: Quantity?
    var removed: Bool?

    enum Keys: String, CodingKey { case address, topics, data, blockNumber, logIndex, transactionHash, removed }

    init(from decoder: Decoder) throws {
        guard let c = try? decoder.container(keyedBy: Keys.self) else { isObject = false; return }
        address = try? c.decodeIfPresent(String.self, forKey: .address)
        topics = try? c.decodeIfPresent([String].self, forKey: .topics)
        data = try? c.decodeIfPresent(String.self, forKey: .data)
        blockNumber = try? c.decodeIfPresent(Quantity.self, forKey: .blockNumber)
        logIndex = try? c.decodeIfPresent(Quantity.self, forKey: .logIndex)
        transactionHash = try? c.decodeIfPresent(String.self, forKey: .transactionHash)
        removed = try? c.decodeIfPresent(Bool.self, forKey: .removed)
    }
}

/// A logs file: an array of logs, or a JSON-RPC response whose `result` is one.
struct LogsFile: Decodable {
    enum Problem: Error { case rpcError(String), notLogs }
    enum Keys: String, CodingKey { case result, error }
    struct RPCError: Decodable { var code: Int?; var message: String? }
    var logs: [LogJSON]

    init(from decoder: Decoder) throws {
        if let array = try? decoder.singleValueContainer().decode([LogJSON].self) {
            logs = array
            return
        }
        guard let c = try? decoder.container(keyedBy: Keys.self) else { throw Problem.notLogs }
        if let result = try? c.decode([LogJSON].self, forKey: .result) {
            logs = result
            return
        }
        if let error = try? c.decode(RPCError.self, forKey: .error) {
            throw Problem.rpcError("\(error.code.map { "code \($0): " } ?? "")\(error.message ?? "")")
        }
        throw Problem.notLogs
    }
}

/// Why one input row cannot go into the ledger; the importer adds the file and the location.
struct RowProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
