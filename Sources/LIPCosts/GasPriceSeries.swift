import BigInt
import Foundation
import LIPEthereum
import LIPLedger

/// One chain's gas price samples in a report's window, kept as a report needs them and no more:
/// each sample's price per gas (base fee + priority fee) and its UTC day, in sample order. A year
/// of samples is hundreds of thousands, so prices are machine words while every one fits 64 bits
/// (12 bytes a sample with its day), and numbers of any size after that.
public struct GasPriceSeries: Sendable {
    /// The chain.
    public let chain: Chain
    /// How many samples.
    public var count: Int { dayIndexes.count }
    /// The first sample's block.
    public private(set) var firstBlock: Int?
    /// The last sample's block.
    public private(set) var lastBlock: Int?
    /// Each sample's price while all fit 64 bits; nil from the first that does not.
    private(set) var wordPrices: [UInt64]? = []
    /// Each sample's price, once one does not fit 64 bits.
    private(set) var largePrices: [BigUInt] = []
    /// Each day once (in days from 1970-01-01, UTC), in the order of its first sample, with that
    /// sample's block (to name it).
    private(set) var firstOfDay: [(day: Int64, block: Int)] = []
    /// Each sample's day, as its place in `firstOfDay`.
    private(set) var dayIndexes: [UInt32] = []
    private var indexOfDay: [Int64: UInt32] = [:]

    /// An empty series of `chain`.
    public init(chain: Chain) { self.chain = chain }

    /// Adds the next sample.
    public mutating func append(_ sample: GasPriceSample) {
        if firstBlock == nil { firstBlock = sample.block }
        lastBlock = sample.block
        let price = sample.baseFee + sample.priorityFee
        if wordPrices != nil, let word = Self.word(price) {
            wordPrices!.append(word)
        } else {
            if let words = wordPrices {
                largePrices = words.map { BigUInt($0) }
                wordPrices = nil
            }
            largePrices.append(price)
        }
        let day = UTCDay.days(ofUnixSeconds: sample.timestamp)
        if let index = dayIndexes.last, firstOfDay[Int(index)].day == day {
            dayIndexes.append(index)
        } else if let index = indexOfDay[day] {
            dayIndexes.append(index)
        } else {
            let index = UInt32(firstOfDay.count)
            indexOfDay[day] = index
            firstOfDay.append((day, sample.block))
            dayIndexes.append(index)
        }
    }

    /// `value` as a machine word, when it fits one (read from its words: BigUInt's generic
    /// conversions are not specialized across packages).
    static func word(_ value: BigUInt) -> UInt64? {
        let words = value.words
        switch words.count {
        case 0: return 0
        case 1: return UInt64(words[words.startIndex])
        default: return words.dropFirst().allSatisfy { $0 == 0 } ? UInt64(words[words.startIndex]) : nil
        }
    }
}
