import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

/// One log object, validated, as the bytes the ledger stores: kept in one buffer, so that a log
/// costs one allocation however many topics it has.
struct RawLog: Sendable, Equatable {
    /// The transaction hash (32 bytes), the address (20), the topics (32 each), then the data.
    private(set) var bytes: [UInt8]
    /// How many topics the log has.
    private(set) var topicCount: Int
    var blockNumber: Int
    var logIndex: Int

    /// A log from its parts; `transactionHash` is 32 bytes, `address` 20 and each topic 32.
    init(transactionHash: [UInt8], address: [UInt8], topics: [[UInt8]], data: [UInt8], blockNumber: Int, logIndex: Int) {
        precondition(transactionHash.count == 32 && address.count == 20 && topics.allSatisfy { $0.count == 32 })
        bytes = []
        bytes.reserveCapacity(52 + 32 * topics.count + data.count)
        bytes += transactionHash
        bytes += address
        for t in topics { bytes += t }
        bytes += data
        topicCount = topics.count
        self.blockNumber = blockNumber
        self.logIndex = logIndex
    }

    /// A log whose `bytes` are already laid out (the fast reader's).
    init(bytes: [UInt8], topicCount: Int, blockNumber: Int, logIndex: Int) {
        precondition(bytes.count >= 52 + 32 * topicCount)
        self.bytes = bytes
        self.topicCount = topicCount
        self.blockNumber = blockNumber
        self.logIndex = logIndex
    }

    /// 32 bytes.
    var transactionHash: ArraySlice<UInt8> { bytes[0..<32] }
    /// The emitting contract's 20 bytes.
    var addressBytes: ArraySlice<UInt8> { bytes[32..<52] }
    /// The emitting contract.
    var address: Address { Address(bytes: Array(addressBytes)) }
    /// The topics, 32 bytes each, one after another.
    var topics: ArraySlice<UInt8> { bytes[52..<52 + 32 * topicCount] }
    /// The data's bytes.
    var dataBytes: ArraySlice<UInt8> { bytes[(52 + 32 * topicCount)...] }
    /// The data, for ABI decoding.
    var data: [UInt8] { Array(dataBytes) }

    /// Topic `n`'s 32 bytes, or nil when the log has fewer topics.
    func topic(_ n: Int) -> ArraySlice<UInt8>? {
        guard n < topicCount else { return nil }
        return bytes[52 + n * 32..<52 + (n + 1) * 32]
    }

    /// The event its topic0 names, if the ledger decodes it.
    var event: LedgerEvent? { topic(0).flatMap { LedgerEvent.from(topic0: $0) } }

    /// The transaction hash's first bytes, for messages: `0x12345678`.
    var transactionPrefix: String { Hex.prefixed(bytes[0..<4]) }

    /// A log a node returned, already typed; `source` names the node in errors.
    init(_ log: EventLog, source: String) throws {
        func fail(_ message: String) -> LIPError {
            LIPError.invalidInput(file: source, location: "log \(log.logIndex) in tx \(log.transactionHash.prefix(10))…", message: message)
        }
        guard let hash = Hex.decode(log.transactionHash), hash.count == 32 else { throw fail("`transactionHash` is not 32 bytes of hex") }
        self.init(
            transactionHash: hash, address: log.address.bytes, topics: try Self.topicWords(log.topics, fail), data: log.data, blockNumber: log.blockNumber,
            logIndex: log.logIndex)
    }

    /// The log `LogJSON` read, checked; problems name `path` and log `i`.
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
            throw fail("`address` `\(log.address ?? "")` is not an address (\(Address.problem(with: log.address ?? "")))")
        }
        guard let topics = log.topics else { throw fail("`topics` is missing or not an array of strings") }
        let words = try Self.topicWords(topics, fail)
        guard let dataText = log.data, let data = Hex.decode(dataText) else { throw fail("`data` is missing or not hex") }
        let blockNumber = try quantity("blockNumber", log.blockNumber)
        let logIndex = try quantity("logIndex", log.logIndex)
        guard let tx = log.transactionHash, let hash = Hex.decode(tx), hash.count == 32 else { throw fail("`transactionHash` is missing or not 32 bytes of hex") }
        self.init(transactionHash: hash, address: address.bytes, topics: words, data: data, blockNumber: blockNumber, logIndex: logIndex)
    }

    /// Each topic's 32 bytes; a topic that is not 32 bytes of hex is `fail`'s error.
    private static func topicWords(_ topics: [String], _ fail: (String) -> LIPError) throws -> [[UInt8]] {
        try topics.map { t in
            guard let word = Hex.decode(t), word.count == 32 else { throw fail("topic `\(t)` is not 32 bytes of hex") }
            return word
        }
    }
}
