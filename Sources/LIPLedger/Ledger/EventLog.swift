import Foundation

/// A raw event log as a node returns it, for the ledger's `logs` table.
public struct EventLog: Sendable, Equatable {
    /// The emitting contract.
    public var address: Address
    /// 0x topics (32 bytes each).
    public var topics: [String]
    /// The data.
    public var data: [UInt8]
    /// Its block.
    public var blockNumber: Int
    /// Its transaction.
    public var transactionHash: String
    /// Its index in the block.
    public var logIndex: Int

    /// Creates a log.
    public init(address: Address, topics: [String], data: [UInt8], blockNumber: Int, transactionHash: String, logIndex: Int) {
        self.address = address
        self.topics = topics
        self.data = data
        self.blockNumber = blockNumber
        self.transactionHash = transactionHash
        self.logIndex = logIndex
    }
}
