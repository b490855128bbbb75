import BigInt
import Crypto
import Foundation
import LIPCore
import GRDB

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
