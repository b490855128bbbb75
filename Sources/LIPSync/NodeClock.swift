import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Where a chain is now (`lip due`): the head, the L1 block it stands for, its time, the time a
/// recent stretch of blocks took, and RoundsManager's round.
package struct NodeClock: Sendable {
    package var head: BlockHeader
    /// The block whose time and position the rate is measured from.
    package var sample: BlockHeader
    /// `currentRound()`, `currentRoundStartBlock()`, `roundLength()`; nil without a RoundsManager.
    package var round: (current: Int, startBlock: Int, length: Int)?

    /// How many blocks back the rate is measured (on Arbitrum about 40 minutes).
    package static let sampleDepth = 10_000

    /// The clock as deadlines are counted with it: positions in L1 blocks, the rate from the sample.
    package var chainClock: ChainClock {
        ChainClock(
            headBlock: head.number, position: head.l1Position, timestamp: head.timestamp ?? 0, sampleSeconds: (head.timestamp ?? 0) - (sample.timestamp ?? 0),
            sampleBlocks: head.l1Position - sample.l1Position, round: round)
    }
}

extension Node {
    /// The chain's clock at `block` (nil: the head), its round read from `roundsManager` when given.
    package func clock(roundsManager: Address?, at block: Int? = nil) throws -> NodeClock {
        let head = try block.map(header) ?? head()
        guard head.timestamp != nil else { throw malformed("eth_getBlockByNumber", "the head has no timestamp") }
        let sample = try header(max(0, head.number - NodeClock.sampleDepth))
        guard sample.timestamp != nil else { throw malformed("eth_getBlockByNumber", "block \(sample.number) has no timestamp") }
        var round: (current: Int, startBlock: Int, length: Int)?
        if let roundsManager {
            let answers = try read(
                [ViewCall(roundsManager, "currentRound()"), ViewCall(roundsManager, "currentRoundStartBlock()"), ViewCall(roundsManager, "roundLength()")],
                at: head.number, multicall: nil)
            func value(_ i: Int, _ what: String) throws -> Int {
                guard let data = answers[i] else {
                    throw LIPError.invalidInput(file: client.endpoint.display, location: "", message: "RoundsManager \(roundsManager.checksummed): \(what) reverted")
                }
                let word = try ABI.uint(data, 0)
                guard word <= BigUInt(Int.max / 4) else { throw malformed("eth_call", "RoundsManager \(what) is \(word), too large") }
                return Int(word)
            }
            do {
                round = (try value(0, "currentRound()"), try value(1, "currentRoundStartBlock()"), try value(2, "roundLength()"))
            } catch let problem as ABI.Problem { throw malformed("eth_call", "RoundsManager: \(problem)") }
        }
        return NodeClock(head: head, sample: sample, round: round)
    }
}
