import BigInt
import Foundation
import LIPEthereum

/// One measurement of the gas a protocol operation used on one chain, in a benchmark set (a row
/// of `gas_measurements`). An operation may be measured several times on a chain, each
/// measurement its own transaction.
public struct GasBenchmark: Equatable, Sendable {
    /// The operation's label (`reward`, `bond`, …): `[A-Za-z0-9._-]{1,64}`.
    public var operation: String
    /// The chain it ran on.
    public var chain: Chain
    /// Gas used.
    public var gas: BigUInt
    /// The transaction it was read from, when known.
    public var tx: String?
    /// Arbitrum receipts: the part of `gas` that paid for posting to L1.
    public var gasUsedForL1: BigUInt?
    /// Where a figure comes from (a link to the published measurement), when given.
    public var source: String?

    /// Creates a row.
    public init(operation: String, chain: Chain, gas: BigUInt, tx: String? = nil, gasUsedForL1: BigUInt? = nil, source: String? = nil) {
        self.operation = operation
        self.chain = chain
        self.gas = gas
        self.tx = tx
        self.gasUsedForL1 = gasUsedForL1
        self.source = source
    }

    /// The order of a set's measurements (and of the inputs digest's gas lines): by operation
    /// (bytes), chain, gas as a number, then transaction.
    public static func inOrder(_ a: GasBenchmark, _ b: GasBenchmark) -> Bool {
        if a.operation != b.operation { return Array(a.operation.utf8).lexicographicallyPrecedes(Array(b.operation.utf8)) }
        if a.chain != b.chain { return a.chain.rawValue < b.chain.rawValue }
        if a.gas != b.gas { return a.gas < b.gas }
        return (a.tx ?? "") < (b.tx ?? "")
    }

    /// The measurements of one source seen so far, to refuse one given twice: each transaction
    /// once per operation and chain; without a transaction, an operation and chain once.
    package struct Measured {
        private var seen: [String: String] = [:]
        package init() {}

        /// Adds `row` (found at `place`); a problem when it repeats one seen before.
        package mutating func add(_ row: GasBenchmark, at place: String) -> String? {
            let key = "\(row.operation)|\(row.chain.rawValue)"
            let txKey = key + "|" + (row.tx ?? "-")
            if let first = seen[txKey] {
                return row.tx == nil
                    ? "operation \(row.operation) on \(row.chain.rawValue) appears twice without a transaction (first at \(first)): measurements of one operation each name their tx"
                    : "operation \(row.operation) on \(row.chain.rawValue) measures transaction \(row.tx!) twice (first at \(first))"
            }
            if let first = seen[key + "|-"] ?? (row.tx == nil ? seen[key] : nil) {
                return
                    "operation \(row.operation) on \(row.chain.rawValue) appears twice, once without a transaction (first at \(first)): measurements of one operation each name their tx"
            }
            seen[txKey] = place
            if seen[key] == nil { seen[key] = place }
            return nil
        }
    }

    /// Whether `label` is an operation label: `[A-Za-z0-9._-]{1,64}`.
    public static func isLabel(_ label: String) -> Bool {
        !label.isEmpty && label.utf8.count <= 64
            && label.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }
}

/// A benchmark set as the ledger lists it (a row of `gas_sets`), with where each chain's
/// measurements came from.
public struct GasSetInfo: Equatable, Sendable {
    /// Its name.
    public var name: String
    /// Where each chain's rows came from, L1 first.
    public var sources: [GasSetSource]
}

/// Where one chain's measurements of a set came from (a row of `gas_set_sources`).
public struct GasSetSource: Equatable, Sendable {
    /// The chain.
    public var chain: Chain
    /// `csv` or `sync`.
    public var source: String
    /// csv: the file as given; sync: the network.
    public var file: String
    /// sync: the chain and the OPERATION=TXHASH arguments.
    public var arguments: String
    /// SHA-256 of what was read.
    public var sha256: String
}

/// One gas price sample of a chain (a row of `gas_prices`).
public struct GasPriceSample: Equatable, Sendable {
    /// The chain.
    public var chain: Chain
    /// The block.
    public var block: Int
    /// Its timestamp, Unix seconds (UTC).
    public var timestamp: Int64
    /// Base fee per gas, wei.
    public var baseFee: BigUInt
    /// Priority fee per gas, wei.
    public var priorityFee: BigUInt

    /// Creates a sample.
    public init(chain: Chain, block: Int, timestamp: Int64, baseFee: BigUInt, priorityFee: BigUInt) {
        self.chain = chain
        self.block = block
        self.timestamp = timestamp
        self.baseFee = baseFee
        self.priorityFee = priorityFee
    }
}

/// Where gas prices came from (a row of `gas_price_sources`), for the commands that rebuild a report.
public struct GasPriceSource: Equatable, Sendable {
    /// The chain.
    public var chain: Chain
    /// `csv` or `sync`.
    public var source: String
    /// csv: the file as given; sync: the network.
    public var file: String
    /// sync: the range and --every.
    public var arguments: String
}
