import BigInt
import LIPTestSupport
import XCTest

@testable import LIPEthereum

/// `HeaviestFirst.order`: heaviest first, then by address, then by place, in machine words when
/// every weight fits 128 bits and as BigUInts when one does not.
final class HeaviestFirstTests: XCTestCase {
    /// The order by its definition, one BigUInt comparison at a time.
    func reference(_ weights: [BigUInt], _ addresses: [Address]) -> [Int] {
        weights.indices.sorted { i, j in
            if weights[i] != weights[j] { return weights[i] > weights[j] }
            if addresses[i] != addresses[j] { return addresses[i] < addresses[j] }
            return i < j
        }
    }

    func testTheOrderIsHeaviestFirstThenByAddressThenByPlaceWhateverTheWidth() {
        var random = SeededGenerator(seed: 33)
        for round in 0..<300 {
            let count = Int.random(in: 0...60, using: &random)
            // Few distinct weights and addresses, so that ties of each kind are common; weights
            // on both sides of 2^64 and 2^128.
            let weightPool: [BigUInt] = (0..<6).map { _ in
                switch Int.random(in: 0...3, using: &random) {
                case 0: BigUInt(UInt64.random(in: 0...1000, using: &random))
                case 1: BigUInt(UInt64.random(in: 0...UInt64.max, using: &random)) << 40
                case 2: (BigUInt(1) << 127) + BigUInt(UInt64.random(in: 0...3, using: &random))
                default: BigUInt(UInt64.max) << 64 | BigUInt(UInt64.random(in: UInt64.max - 3...UInt64.max, using: &random))
                }
            }
            let addressPool = (0..<5).map { _ in Address(bytes: (0..<20).map { _ in UInt8.random(in: 0...2, using: &random) }) }
            var weights = (0..<count).map { _ in weightPool.randomElement(using: &random)! }
            let addresses = (0..<count).map { _ in addressPool.randomElement(using: &random)! }
            XCTAssertEqual(HeaviestFirst.order(weights: weights, addresses: addresses), reference(weights, addresses), "round \(round), in 128 bits")
            XCTAssertEqual(HeaviestFirst.orderOfBigUInts(weights: weights, addresses: addresses), reference(weights, addresses), "round \(round), as BigUInts")
            guard count > 0 else { continue }
            // One weight past 128 bits: the whole order is made of BigUInts.
            weights[Int.random(in: 0..<count, using: &random)] = BigUInt(1) << 128 + BigUInt(UInt64.random(in: 0...2, using: &random))
            XCTAssertEqual(HeaviestFirst.order(weights: weights, addresses: addresses), reference(weights, addresses), "round \(round), past 128 bits")
        }
    }
}
