import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Reads what `lip costs` needs from a node (docs/costs.md): the gas of transactions from their
/// receipts, and gas price samples from `eth_feeHistory` and block timestamps, in JSON-RPC batches
/// (requests grow with the blocks kept, never with the width of the range). Every answer is
/// checked; nothing is stored here.
package struct GasSync {
    /// The node.
    package let node: Node

    package init(node: Node) { self.node = node }

    /// The gas of each `(operation, transaction)` from its receipt: `gasUsed`, and Arbitrum's
    /// `gasUsedForL1` when the node gives it. A transaction the node does not know, that failed,
    /// or whose receipt names another transaction is an error.
    package func receipts(_ pairs: [(operation: String, hash: String)], chain: Chain) throws -> [GasBenchmark] {
        let answers = try node.client.batch(pairs.map { JSONRPCClient.Request("eth_getTransactionReceipt", [.string($0.hash)]) }, context: "receipts")
        return try zip(pairs, answers).map { pair, answer in
            let value: Any
            switch answer {
            case .success(let v): value = v
            case .failure(let error): throw node.nodeError("eth_getTransactionReceipt \(pair.hash)", error)
            }
            guard let receipt = value as? [String: Any] else {
                throw LIPError.usage("\(node.client.endpoint.display) has no receipt for \(pair.operation)=\(pair.hash): is it mined, and on this chain?")
            }
            func field(_ name: String) throws -> BigUInt {
                guard let v = receipt[name], let n = GasSync.quantity(v) else {
                    throw node.malformed("eth_getTransactionReceipt", "\(pair.hash): \(name) `\(String(describing: receipt[name] ?? "missing").prefix(40))` is not a hex quantity")
                }
                return n
            }
            guard (receipt["transactionHash"] as? String)?.lowercased() == pair.hash.lowercased() else {
                throw node.malformed("eth_getTransactionReceipt", "asked for \(pair.hash), answered with \(String(describing: receipt["transactionHash"] ?? "none").prefix(70))")
            }
            guard try field("status") == 1 else {
                throw LIPError.refused("\(pair.operation)=\(pair.hash) failed on chain (status 0): a failed transaction is no benchmark of its operation")
            }
            let gas = try field("gasUsed")
            let forL1 = try receipt["gasUsedForL1"].map { _ in try field("gasUsedForL1") }
            return GasBenchmark(operation: pair.operation, chain: chain, gas: gas, tx: pair.hash.lowercased(), gasUsedForL1: forL1)
        }
    }

    /// What a gas-price sync is asked for: a range of dates (UTC, inclusive) or of blocks, every
    /// N-th block of it, at most `maxSamples` samples, and how final a block must be to be stored.
    package struct PriceRequest: Sendable {
        /// The range asked.
        package enum Range: Sendable {
            /// From the first block at or after FROM 00:00 UTC to the last block before the day after TO.
            case dates(CalendarDate, CalendarDate)
            /// These blocks, both included.
            case blocks(Int, Int)
        }
        package var range: Range
        /// Keep every N-th block (its offset from the first a multiple of N).
        package var every: Int
        /// The most samples one sync keeps (10^6 unless the user says otherwise).
        package var maxSamples: Int
        /// Without a `finalized` block from the node, blocks at or below head minus this are stored.
        package var confirmations: Int

        package init(range: Range, every: Int, maxSamples: Int = 1_000_000, confirmations: Int = 64) {
            (self.range, self.every, self.maxSamples, self.confirmations) = (range, every, maxSamples, confirmations)
        }

        /// The arguments that ask for it again (the reproduce commands).
        package var arguments: String {
            switch range {
            case .dates(let a, let b): return "--from \(a) --to \(b) --every \(every)"
            case .blocks(let a, let b): return "--from-block \(a) --to-block \(b) --every \(every)"
            }
        }
    }

    /// What a gas-price sync read.
    package struct PriceReading: Sendable {
        /// The samples, by block.
        package var samples: [GasPriceSample]
        /// The blocks read.
        package var range: ClosedRange<Int>
        /// The last block a sync may store, and why (`finalized`, or head minus confirmations).
        package var finalBlock: Int, finality: String
        /// Whether the dates asked reach past that block (the rest is not final yet).
        package var clamped: Bool
    }

    /// Reads the samples `request` asks for: only blocks at or below the node's finalized block
    /// (else head minus `confirmations`), so that a reorg can never leave stored samples that the
    /// chain no longer has; a range that would keep more than `maxSamples` samples is refused
    /// before anything is read; block timestamps that go backwards, or a sample outside the dates
    /// asked, are refused naming the blocks. Nothing is stored here.
    package func read(_ request: PriceRequest, chain: Chain, progress: ((String) -> Void)? = nil) throws -> PriceReading {
        let (final, finality) = try node.finalBlock(head: try node.head().number, confirmations: request.confirmations)
        var range: ClosedRange<Int>
        var window: Swift.Range<Int64>?
        var clamped = false
        switch request.range {
        case .blocks(let a, let b):
            guard b <= final else {
                throw LIPError.usage(
                    "--to-block \(b) is past block \(final), \(finality): a later block may still be reorganised away; ask up to \(final), or lower --confirmations")
            }
            range = a...b
        case .dates(let a, let b):
            let start = a.unixStart, end = b.adding(days: 1).unixStart
            progress?("finding the blocks of \(a) to \(b)")
            guard let found = try blocks(from: start, until: end) else {
                throw LIPError.usage("the node has no \(chain.rawValue) block from \(a) to \(b) (UTC)")
            }
            guard found.lowerBound <= final else {
                throw LIPError.usage("the node's blocks of \(a) to \(b) start at \(found.lowerBound), past block \(final), \(finality): none is final yet")
            }
            clamped = found.upperBound > final
            range = found.lowerBound...min(found.upperBound, final)
            window = start..<end
        }
        let count = (range.upperBound - range.lowerBound) / request.every + 1
        guard count <= request.maxSamples else {
            throw LIPError.usage(
                "blocks \(range.lowerBound) to \(range.upperBound) every \(request.every) would keep \(count) samples, more than --max-samples \(request.maxSamples): "
                    + "take a larger --every or a shorter range, or raise --max-samples")
        }
        let samples = try prices(range, every: request.every, chain: chain, progress: progress)
        var previous: GasPriceSample?
        for sample in samples {
            if let p = previous, sample.timestamp < p.timestamp {
                throw node.malformed(
                    "eth_getBlockByNumber",
                    "block \(sample.block) has timestamp \(sample.timestamp), before block \(p.block)'s \(p.timestamp): a chain's timestamps never go backwards")
            }
            if let window, !window.contains(sample.timestamp) {
                throw node.malformed(
                    "eth_getBlockByNumber",
                    "block \(sample.block) has timestamp \(sample.timestamp) (\(CalendarDate(unixSeconds: sample.timestamp))), outside the dates asked")
            }
            previous = sample
        }
        return PriceReading(samples: samples, range: range, finalBlock: final, finality: finality, clamped: clamped)
    }

    /// The first block at or after `start` (Unix seconds) and the last block before `end`, by
    /// binary search over block timestamps; nil when no block is in between.
    package func blocks(from start: Int64, until end: Int64) throws -> ClosedRange<Int>? {
        let head = try node.head().number
        /// The first block whose timestamp is at least `t`, or head + 1.
        func first(atOrAfter t: Int64) throws -> Int {
            var low = 0, high = head + 1
            while low < high {
                let middle = (low + high) / 2
                if try timestamp(middle) >= t { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let a = try first(atOrAfter: start), b = try first(atOrAfter: end) - 1
        return a <= b ? a...b : nil
    }

    /// The samples of blocks `range` whose offset from its first block is a multiple of `every`.
    package func prices(_ range: ClosedRange<Int>, every: Int, chain: Chain, progress: ((String) -> Void)? = nil) throws -> [GasPriceSample] {
        let kept = Array(stride(from: range.lowerBound, through: range.upperBound, by: every))
        var out: [GasPriceSample] = []
        out.reserveCapacity(kept.count)
        // A thousand blocks a round: each block's fee history (a count of 1 at it) and its timestamp.
        for start in stride(from: 0, to: kept.count, by: 1_000) {
            let part = Array(kept[start..<min(kept.count, start + 1_000)])
            progress?("gas prices: \(start + part.count) of \(kept.count) blocks")
            var requests: [JSONRPCClient.Request] = []
            for b in part {
                let tag = JSONValue.string("0x" + String(b, radix: 16))
                requests.append(JSONRPCClient.Request("eth_feeHistory", [.string("0x1"), tag, .array([.int(50)])]))
                requests.append(JSONRPCClient.Request("eth_getBlockByNumber", [tag, .bool(false)]))
            }
            let answers = try node.client.batch(requests, context: "gas prices")
            for (i, b) in part.enumerated() {
                let history = try value(answers[2 * i], "eth_feeHistory", b), block = try value(answers[2 * i + 1], "eth_getBlockByNumber", b)
                guard let fees = history as? [String: Any], let oldest = fees["oldestBlock"].flatMap(GasSync.quantity), oldest == BigUInt(b),
                    let base = (fees["baseFeePerGas"] as? [Any])?.first.flatMap(GasSync.quantity)
                else { throw node.malformed("eth_feeHistory", "block \(b): no oldestBlock \(b) with a base fee") }
                // Arbitrum and nodes without priority fees give no reward, or 0.
                var tip = BigUInt(0)
                if let rewards = fees["reward"] as? [Any], let first = rewards.first {
                    guard let row = first as? [Any], let r = row.first.flatMap(GasSync.quantity) else {
                        throw node.malformed("eth_feeHistory", "block \(b): reward is not [[quantity]]")
                    }
                    tip = r
                }
                guard let header = block as? [String: Any], header["number"].flatMap(GasSync.quantity) == BigUInt(b),
                    let t = header["timestamp"].flatMap(GasSync.quantity), t <= BigUInt(Int64.max)
                else { throw node.malformed("eth_getBlockByNumber", "block \(b): not that block, or no timestamp") }
                out.append(GasPriceSample(chain: chain, block: b, timestamp: Int64(t), baseFee: base, priorityFee: tip))
            }
        }
        return out
    }

    /// The timestamp of block `number`.
    func timestamp(_ number: Int) throws -> Int64 {
        let answer = try node.ask("eth_getBlockByNumber", [.string("0x" + String(number, radix: 16)), .bool(false)], context: "block \(number)")
        guard let block = answer as? [String: Any], block["number"].flatMap(GasSync.quantity) == BigUInt(number), let t = block["timestamp"].flatMap(GasSync.quantity),
            t <= BigUInt(Int64.max)
        else { throw node.malformed("eth_getBlockByNumber", "block \(number): not that block, or no timestamp") }
        return Int64(t)
    }

    private func value(_ answer: Result<Any, RPCCallError>, _ method: String, _ block: Int) throws -> Any {
        switch answer {
        case .success(let v): return v
        case .failure(let error): throw node.nodeError("\(method) block \(block)", error)
        }
    }

    /// A canonical hex quantity of up to 64 digits (a uint256).
    static func quantity(_ value: Any) -> BigUInt? { Node.canonicalQuantity(value, digits: 64) }

}
