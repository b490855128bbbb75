import BigInt
import Crypto
import Foundation
import LIPCore
import GRDB

/// One log object, validated.
struct RawLog: Sendable {
    var address: Address
    var topics: [String]
    var data: [UInt8]
    var dataHex: String
    var blockNumber: Int
    var transactionHash: String
    var logIndex: Int

    var topicsJSON: String { "[" + topics.map { "\"\($0)\"" }.joined(separator: ",") + "]" }

    /// A log a node returned, already typed.
    init(_ log: EventLog) {
        address = log.address
        topics = log.topics.map { $0.lowercased() }
        data = log.data
        dataHex = Hex.prefixed(log.data)
        blockNumber = log.blockNumber
        transactionHash = log.transactionHash.lowercased()
        logIndex = log.logIndex
    }

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
