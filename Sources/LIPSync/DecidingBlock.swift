import Foundation
import LIPCore

/// A block header as far as the deciding-block search needs it.
package struct BlockHeader: Sendable, Equatable {
    /// Its number on its own chain.
    package var number: Int
    /// Its hash.
    package var hash: String
    /// Arbitrum's `l1BlockNumber`: the L1 block `block.number` returned in it; nil elsewhere.
    package var l1BlockNumber: Int?
    /// Its timestamp, Unix seconds (nil when not read).
    package var timestamp: Int?

    /// Creates a header.
    package init(number: Int, hash: String, l1BlockNumber: Int?, timestamp: Int? = nil) {
        self.number = number
        self.hash = hash
        self.l1BlockNumber = l1BlockNumber
        self.timestamp = timestamp
    }

    /// The L1 block this block stands for.
    package var l1Position: Int { l1BlockNumber ?? number }
}

/// Where headers come from: the node, or a test's made-up chain.
package protocol BlockSource {
    /// The newest block.
    func head() throws -> BlockHeader
    /// Block `number`.
    func header(_ number: Int) throws -> BlockHeader
}

/// The block a poll is decided at (rpc-sync.md): the last block whose L1 block number is at or
/// before the poll's `endBlock`. On Arbitrum that is found by binary search over `l1BlockNumber`;
/// on a chain without it (Ethereum, a devnet) it is `endBlock` itself. A poll the node has not
/// seen end yet is decided at the head, provisionally; an ended poll never falls back to the head.
package enum DecidingBlock {
    /// The deciding block of a poll ending at `endBlock`, searched from `lowerBound` (the block the
    /// poll was created in), and whether it is provisional.
    package static func find(endBlock: Int, lowerBound: Int, in source: any BlockSource) throws -> (header: BlockHeader, provisional: Bool) {
        let head = try source.head()
        guard head.l1BlockNumber != nil else {
            return head.number >= endBlock ? (try source.header(endBlock), false) : (head, true)
        }
        // More L2 blocks may still come that report endBlock: not decided while the head reports it.
        if head.l1Position <= endBlock { return (head, true) }
        var low = max(0, min(lowerBound, head.number)), high = head.number  // l1(high) > endBlock
        let first = try source.header(low)
        if first.l1Position > endBlock {
            throw LIPError.usage("block \(low), where the poll was created, already reports L1 block \(first.l1Position), after the poll's end block \(endBlock)")
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if try source.header(middle).l1Position <= endBlock { low = middle } else { high = middle }
        }
        return (try source.header(low), false)
    }
}
