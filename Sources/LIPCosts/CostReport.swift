import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// What each operation of a benchmark set costs on L1 and L2 over a window of gas price samples
/// (the contract: docs/costs.md). Every figure is exact: wei as integers, dollars truncated to cents.
public struct CostReport: Sendable, Equatable {
    /// The dates a report covers, inclusive, UTC; either side open when nil.
    public struct Window: Sendable, Equatable {
        /// The first day.
        public var from: CalendarDate?
        /// The last day.
        public var to: CalendarDate?

        /// Creates a window.
        public init(from: CalendarDate?, to: CalendarDate?) {
            self.from = from
            self.to = to
        }
    }

    /// The samples of one chain in the window.
    public struct Samples: Sendable, Equatable {
        /// How many.
        public var count: Int
        /// The first block.
        public var firstBlock: Int
        /// The last block.
        public var lastBlock: Int
    }

    /// min, p10, median, p90, max (nearest rank) and mean of a distribution.
    public struct Statistics<Value: Sendable & Equatable>: Sendable, Equatable {
        public var min: Value, p10: Value, p50: Value, p90: Value, max: Value, mean: Value
    }

    /// An operation's cost on one chain.
    public struct ChainCost: Sendable, Equatable {
        /// Gas used: the median of its measurements by nearest rank.
        public var gas: BigUInt
        /// The least and the most gas measured.
        public var gasMin: BigUInt, gasMax: BigUInt
        /// How many measurements.
        public var measurements: Int
        /// On L2: whether every measurement carries Arbitrum's `gasUsedForL1` (its gas includes the
        /// L1 data fee); nil on L1.
        public var l1DataFee: Bool?
        /// Cost in wei over the window's samples; nil when the chain has no samples in it.
        public var wei: Statistics<BigUInt>?
        /// Cost in dollars (`"12.34"`, truncated to cents), with an ETH/USD file.
        public var usd: Statistics<String>?
        /// Cost in dollars exactly, in units of 10^-26 USD (what `usd` truncates), for figures
        /// people read that must not print a non-zero cost as zero.
        public var usdExact: Statistics<BigUInt>?
    }

    /// One operation.
    public struct Operation: Sendable, Equatable {
        /// Its label.
        public var operation: String
        /// On L1, when the set has it.
        public var l1: ChainCost?
        /// On L2, when the set has it.
        public var l2: ChainCost?
        /// Median L1 cost over median L2 cost, truncated to 2 decimals; nil when not both.
        public var savings: String?
    }

    /// The set.
    public var set: String
    /// The window, nil when neither side was given.
    public var window: Window?
    /// The samples of L1 in the window, nil when none.
    public var l1Samples: Samples?
    /// The samples of L2 in the window, nil when none.
    public var l2Samples: Samples?
    /// Every operation, by label (byte order).
    public var operations: [Operation]
    /// What the reader should know.
    public var warnings: [String]
    /// SHA-256 over the inputs (see `CostDigest`), hex.
    public var inputsDigest: String
}
