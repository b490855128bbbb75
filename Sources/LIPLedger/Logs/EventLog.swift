import Foundation
import LIPEthereum

/// A raw event log as a node returns it, for the ledger's `logs` table.
package struct EventLog: Sendable, Equatable {
    /// The emitting contract.
    package var address: Address
    /// 0x topics (32 bytes each).
    package var topics: [String]
    /// The data.
    package var data: [UInt8]
    /// Its block.
    package var blockNumber: Int
    /// Its transaction.
    package var transactionHash: String
    /// Its index in the block.
    package var logIndex: Int

    /// Creates a log.
    package init(address: Address, topics: [String], data: [UInt8], blockNumber: Int, transactionHash: String, logIndex: Int) {
        self.address = address
        self.topics = topics
        self.data = data
        self.blockNumber = blockNumber
        self.transactionHash = transactionHash
        self.logIndex = logIndex
    }
}
