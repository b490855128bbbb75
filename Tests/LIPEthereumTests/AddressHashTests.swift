import XCTest

@testable import LIPEthereum

/// `Address._rawHashValue`, the hash sets and dictionaries of addresses use: equal addresses hash
/// equally, every byte counts, and addresses made to collide under a fold of their words (as a
/// crafted snapshot file could list a million of) spread over a table's buckets as random ones.
final class AddressHashTests: XCTestCase {
    func address(_ high: UInt64, _ middle: UInt64, _ low: UInt32) -> Address {
        Address(bytes: withUnsafeBytes(of: high.bigEndian, Array.init) + withUnsafeBytes(of: middle.bigEndian, Array.init) + withUnsafeBytes(of: low.bigEndian, Array.init))
    }

    /// How many of `count` buckets (a power of two) the hashes of `addresses` fill.
    func bucketsFilled(_ addresses: [Address], count: Int, seed: Int = 0) -> Int {
        Set(addresses.map { $0._rawHashValue(seed: seed) & (count - 1) }).count
    }

    func testEqualAddressesHashEquallyAndEveryByteCounts() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<20).map { _ in UInt8.random(in: 0...255, using: &random) }
            let a = Address(bytes: bytes)
            XCTAssertEqual(a._rawHashValue(seed: 7), Address(bytes: bytes)._rawHashValue(seed: 7))
            XCTAssertNotEqual(a._rawHashValue(seed: 7), a._rawHashValue(seed: 8), "the table's seed counts")
            for i in 0..<20 {
                var other = bytes
                other[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
                XCTAssertNotEqual(a._rawHashValue(seed: 7), Address(bytes: other)._rawHashValue(seed: 7), "byte \(i) of \(a)")
            }
        }
    }

    func testAddressesMadeToCollideSpreadAsRandomOnesDo() {
        let n = 1 << 16
        // Random keys fill about 1 - 1/e (63%) of n buckets.
        let crafted: [[Address]] = [
            (0..<n).map { address(UInt64($0), UInt64($0), 0) },  // their words' exclusive-or is 0
            (0..<n).map { address(0, 0, UInt32($0)) },  // the zero address counted up
            (0..<n).map { address(UInt64($0) << 48, 0, 0) },  // the top bytes only
            (0..<n).map { address(UInt64($0), UInt64.max - UInt64($0), UInt32($0)) },  // their words' sum is fixed
        ]
        for (k, addresses) in crafted.enumerated() {
            let filled = bucketsFilled(addresses, count: n)
            XCTAssertGreaterThan(filled, n * 60 / 100, "set \(k): \(filled) of \(n) buckets")
        }
    }

    func testSetsAndDictionariesOfAddressesFindEachOne() {
        let addresses = (0..<100_000).map { address(UInt64($0 % 7), UInt64($0), UInt32($0 % 13)) }
        let set = Set(addresses)
        XCTAssertEqual(set.count, addresses.count)
        let index = Dictionary(uniqueKeysWithValues: addresses.enumerated().map { ($1, $0) })
        for (i, a) in addresses.enumerated() { XCTAssertEqual(index[a], i) }
        XCTAssertNil(index[address(7, 0, 0)])
    }
}
