import BigInt
import Foundation
import LIPEthereum

/// The gas one protocol operation used on one chain, in a benchmark set (a row of `gas_benchmarks`).
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

    /// Creates a row.
    public init(operation: String, chain: Chain, gas: BigUInt, tx: String? = nil, gasUsedForL1: BigUInt? = nil) {
        self.operation = operation
        self.chain = chain
        self.gas = gas
        self.tx = tx
        self.gasUsedForL1 = gasUsedForL1
    }

    /// Whether `label` is an operation label: `[A-Za-z0-9._-]{1,64}`.
    public static func isLabel(_ label: String) -> Bool {
        !label.isEmpty && label.utf8.count <= 64
            && label.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }
}

/// A benchmark set as the ledger lists it (a row of `gas_sets`).
public struct GasSetInfo: Equatable, Sendable {
    /// Its name.
    public var name: String
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
