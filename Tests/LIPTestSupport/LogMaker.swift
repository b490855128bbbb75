import BigInt
import Foundation
import LIPEthereum
import LIPLedger

/// Builds eth_getLogs objects.
public struct LogMaker {
    public init() {}
    public var block = 100
    public var index = 0

    public mutating func log(address: String, topics: [String], data: [UInt8], removed: Bool = false) -> [String: Any] {
        index += 1
        var object: [String: Any] = [
            "address": address, "topics": topics, "data": Hex.prefixed(data),
            "blockNumber": "0x" + String(block, radix: 16), "logIndex": "0x" + String(index, radix: 16),
            "transactionHash": "0x" + String(format: "%064x", block * 1000 + index),
        ]
        if removed { object["removed"] = true }
        return object
    }

    public static func topic(_ address: String) -> String { Hex.prefixed(ABI.encode(address: Address(address)!)) }

    public mutating func pollCreated(poll: String, proposal: String, endBlock: Int, quorum: Int = 333300, quota: Int = 500000, creator: String = addr("c0")) -> [String: Any] {
        let bytes = Array(proposal.utf8)
        var data = ABI.encode(uint: 128) + ABI.encode(uint: BigUInt(endBlock)) + ABI.encode(uint: BigUInt(quorum)) + ABI.encode(uint: BigUInt(quota))
        data += ABI.encode(uint: BigUInt(bytes.count)) + bytes + [UInt8](repeating: 0, count: (32 - bytes.count % 32) % 32)
        return log(address: creator, topics: [LedgerEvent.pollCreated.topic0, LogMaker.topic(poll)], data: data)
    }

    public mutating func vote(poll: String, voter: String, choice: Int) -> [String: Any] {
        log(address: poll, topics: [LedgerEvent.vote.topic0, LogMaker.topic(voter)], data: ABI.encode(uint: BigUInt(choice)))
    }

    public mutating func migrateDelegator(l1: String, l2: String, stake: String, delegate: String, migrator: String = addr("e0")) -> [String: Any] {
        let data =
            ABI.encode(address: Address(l1)!) + ABI.encode(address: Address(l2)!) + ABI.encode(uint: BigUInt(stake)!)
            + ABI.encode(uint: 0) + ABI.encode(uint: 0) + ABI.encode(address: Address(delegate)!)
        return log(address: migrator, topics: [LedgerEvent.migrateDelegatorFinalized.topic0], data: data)
    }

    public mutating func stakeClaimed(delegator: String, delegate: String, stake: String, migrator: String = addr("e0")) -> [String: Any] {
        let data = ABI.encode(address: Address(delegate)!) + ABI.encode(uint: BigUInt(stake)!) + ABI.encode(uint: 0)
        return log(address: migrator, topics: [LedgerEvent.stakeClaimed.topic0, LogMaker.topic(delegator)], data: data)
    }

    public mutating func poolCreated(l1: String, pool: String, migrator: String = addr("e0")) -> [String: Any] {
        log(address: migrator, topics: [LedgerEvent.delegatorPoolCreated.topic0, LogMaker.topic(l1)], data: ABI.encode(address: Address(pool)!))
    }
}
