import BigInt
import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPEthereum

final class EthereumTests: XCTestCase {
    func testKeccakVectors() {
        // The empty string and "abc" are the published Keccak-256 vectors; the longer inputs cross the
        // 136-byte rate (values from pycryptodome's keccak, an independent implementation).
        XCTAssertEqual(Hex.encode(Keccak256.hash("")), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        XCTAssertEqual(Hex.encode(Keccak256.hash("abc")), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
        XCTAssertEqual(Hex.encode(Keccak256.hash([UInt8](repeating: 0xa3, count: 200))), "3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a")
        XCTAssertEqual(
            Hex.encode(Keccak256.hash(Array(0...255).map(UInt8.init) + [UInt8](repeating: 0x78, count: 50))), "1ad41ad60e32da22f44f82bf98d16e31102507da0560b20d7749c14707e8bca2")
        XCTAssertEqual(Hex.encode(Keccak256.hash([UInt8](repeating: 0, count: 136))).count, 64, "exactly one full block")
    }

    func testMixedCaseMustBeTheChecksum() {
        XCTAssertNotNil(Address("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        XCTAssertNotNil(Address("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))
        XCTAssertNotNil(Address("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"))
        XCTAssertNil(Address("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        XCTAssertEqual(
            Address.problem(with: "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
            "its mixed case is not the EIP-55 checksum 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed; a typo? Write it all lowercase to skip the check")
        XCTAssertEqual(Address.problem(with: "0x12"), "0x + 40 hex digits")
    }

    func testEIP55Examples() {
        // The examples of EIP-55 itself.
        for expected in [
            "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
            "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        ] {
            XCTAssertEqual(Address(expected.lowercased())?.checksummed, expected)
            var appended: [UInt8] = Array("[".utf8)
            Address(expected.lowercased())?.appendChecksummed(to: &appended)
            XCTAssertEqual(String(decoding: appended, as: UTF8.self), "[" + expected)
            XCTAssertEqual(Address(expected.uppercased().replacingOccurrences(of: "0X", with: "0x"))?.checksummed, expected)
        }
        XCTAssertNil(Address("0x123"))
        XCTAssertNil(Address("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00"))
        XCTAssertNil(Address("0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        XCTAssertEqual(Address("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")?.short, "0x5aAe…eAed")
        // The short form is the checksummed form's first six and last four characters, for
        // addresses past the cache's size too.
        var rng = SeededGenerator(seed: 55)
        for _ in 0..<70_000 {
            let a = Address(bytes: (0..<20).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
            let c = a.checksummed
            if a.short != String(c.prefix(6)) + "…" + String(c.suffix(4)) { XCTFail("\(c): \(a.short)") }
        }
    }

    /// The EIP-55 forms kept once made: asked from several threads, and past the 65,536 kept, each
    /// is what the uncached byte path makes.
    func testChecksumsKeptOnceMadeAreRightFromEveryThreadAndPastTheLimit() {
        let addresses = (0..<70_000).map { i in Address(bytes: Array(repeating: UInt8(i % 251), count: 12) + withUnsafeBytes(of: UInt64(i).bigEndian, Array.init)) }
        let wrong = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 4) { part in
            for (i, address) in addresses.enumerated() where i % 4 == part {
                var bytes: [UInt8] = []
                address.appendChecksummed(to: &bytes)
                if address.checksummed != String(decoding: bytes, as: UTF8.self) || address.checksummed != String(decoding: bytes, as: UTF8.self) {
                    wrong.withLock { $0 += 1 }
                }
            }
        }
        XCTAssertEqual(wrong.withLock { $0 }, 0)
    }

    func testABIWords() throws {
        let addr = Address("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")!
        let payload = Array("QmHash".utf8)
        var data = ABI.encode(address: addr) + ABI.encode(uint: Amount.max) + ABI.encode(uint: 96)
        data += ABI.encode(uint: BigUInt(payload.count)) + payload + [UInt8](repeating: 0, count: 26)
        XCTAssertEqual(try ABI.address(data, 0), addr)
        XCTAssertEqual(try ABI.uint(data, 1), Amount.max)
        XCTAssertEqual(try ABI.bytes(data, 2), payload)
        XCTAssertThrowsError(try ABI.uint(data, 9)) { XCTAssertEqual($0 as? ABI.Problem, .tooShort(needed: 320, have: 160)) }
        XCTAssertThrowsError(try ABI.address(data, 1)) { XCTAssertEqual($0 as? ABI.Problem, .notAnAddress(word: 1)) }
        // A length word near 2^256 is an error that says so, not an overflow.
        for length in [Amount.max, BigUInt(Int.max), BigUInt(33)] {
            let huge = ABI.encode(uint: 32) + ABI.encode(uint: length) + [UInt8](repeating: 0, count: 32)
            XCTAssertThrowsError(try ABI.bytes(huge, 0)) { XCTAssertEqual($0 as? ABI.Problem, .lengthPastEnd(word: 0, length: length, have: 96)) }
        }
        // createPoll(bytes): selector, offset 32, length, padded bytes.
        let calldata = ABI.calldata(signature: "createPoll(bytes)", bytesArgument: payload)
        XCTAssertEqual(Hex.encode(calldata.prefix(4)), Hex.encode(Keccak256.hash("createPoll(bytes)").prefix(4)))
        XCTAssertEqual(calldata.count, 4 + 32 + 32 + 32)
        XCTAssertEqual(try ABI.bytes(Array(calldata.dropFirst(4)), 0), payload)
    }

    func testDecimalIsStringOfTheValue() {
        var rng = SeededGenerator(seed: 19)
        var values: [BigUInt] = [
            0, 1, 9, 10, BigUInt(UInt64.max), BigUInt(UInt64.max) + 1, BigUInt(10).power(19), BigUInt(10).power(19) - 1, BigUInt(10).power(38) - 1,
            BigUInt(10).power(38), (BigUInt(1) << 128) - 1, BigUInt(1) << 128, Amount.max,
        ]
        for _ in 0..<2_000 {
            let bits = Int.random(in: 1...200, using: &rng)
            values.append(BigUInt.randomInteger(withMaximumWidth: bits, using: &rng))
        }
        for v in values {
            XCTAssertEqual(Amount.decimal(v), String(v), "\(v)")
            var bytes: [UInt8] = Array("x".utf8)
            Amount.appendDecimal(v, to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x" + String(v), "appended \(v)")
        }
        var padded: [UInt8] = []
        Amount.appendDecimal(UInt64(42), to: &padded, width: 5)
        Amount.appendDecimal(UInt64(123_456), to: &padded, width: 3)
        XCTAssertEqual(String(decoding: padded, as: UTF8.self), "00042123456")
        // And back: the digits' value is BigUInt's own parse, leading zeros and all.
        for v in values {
            XCTAssertEqual(Amount.value(ofDigits: String(v).utf8), v, "\(v)")
            XCTAssertEqual(Amount.value(ofDigits: ("000" + String(v)).utf8), v, "000\(v)")
        }
    }

    func testAmounts() throws {
        XCTAssertEqual(try Amount.parseLPT("1.5"), BigUInt("1500000000000000000"))
        XCTAssertEqual(try Amount.parseLPT("0.000000000000000001"), 1)
        XCTAssertEqual(try Amount.parseLPT("12"), BigUInt("12000000000000000000"))
        XCTAssertEqual(try Amount.parseLPT(".5"), BigUInt("500000000000000000"))
        XCTAssertThrowsError(try Amount.parseLPT("0.0000000000000000001")) { XCTAssertEqual($0 as? Amount.Problem, .tooManyDecimals) }
        XCTAssertThrowsError(try Amount.parseLPT("-1")) { XCTAssertEqual($0 as? Amount.Problem, .negative) }
        XCTAssertThrowsError(try Amount.parseLPT("1e18")) { XCTAssertEqual($0 as? Amount.Problem, .notANumber) }
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        XCTAssertEqual(try Amount.parseWei(max), Amount.max)
        XCTAssertEqual(String(try Amount.canonicalWei(Substring("000" + max))), max)
        XCTAssertThrowsError(try Amount.parseWei("115792089237316195423570985008687907853269984665640564039457584007913129639936")) {
            XCTAssertEqual($0 as? Amount.Problem, .tooLarge)
        }
        XCTAssertThrowsError(try Amount.canonicalWei(Substring("1" + max))) { XCTAssertEqual($0 as? Amount.Problem, .tooLarge) }
        XCTAssertThrowsError(try Amount.parseWei("1.0")) { XCTAssertEqual($0 as? Amount.Problem, .notAnInteger) }
        XCTAssertThrowsError(try Amount.parseWei("-5")) { XCTAssertEqual($0 as? Amount.Problem, .negative) }
        XCTAssertThrowsError(try Amount.parseWei("12abc")) { XCTAssertEqual($0 as? Amount.Problem, .notANumber) }
        XCTAssertEqual(Amount.formatLPT(BigUInt("1234567891234567891234"), decimals: 2, grouping: true), "1,234.56")
        XCTAssertEqual(Amount.formatLPT(BigUInt("1500000000000000000")), "1.5")
        XCTAssertEqual(Amount.formatLPT(Amount.max), "115792089237316195423570985008687907853269984665640564039457.584007913129639935")
        // Below 2^64 LPT an amount is divided in machine words; the text is the one the digits
        // of the whole amount give, on both sides of that edge and of every power of ten.
        func byDigits(_ wei: BigUInt, _ decimals: Int) -> String {
            let digits = String(repeating: "0", count: Swift.max(0, 19 - String(wei).count)) + String(wei)
            let whole = String(digits.dropLast(18)).drop { $0 == "0" }
            var grouped = ""
            for (i, c) in (whole.isEmpty ? "0" : String(whole)).reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            return String(grouped.reversed()) + "." + digits.suffix(18).prefix(decimals)
        }
        var rng = SeededGenerator(seed: 33)
        let edge = BigUInt(1) << 64 * BigUInt(10).power(18)
        var amounts: [BigUInt] = [0, 1, edge - 1, edge, edge + 1, (BigUInt(1) << 128) - 1, BigUInt(1) << 128]
        for n in 0...40 { amounts += [BigUInt(10).power(n), BigUInt(10).power(n) - 1] }
        for _ in 0..<2_000 { amounts.append(BigUInt(rng.next()) << Int(rng.next() % 70) + BigUInt(rng.next() % 1000)) }
        for wei in amounts {
            XCTAssertEqual(Amount.formatLPT(wei, decimals: 2, grouping: true), byDigits(wei, 2), "\(wei)")
            XCTAssertEqual(Amount.formatLPT(wei, decimals: 4), byDigits(wei, 4).replacingOccurrences(of: ",", with: ""), "\(wei)")
            // All 18 decimals: trailing zeros dropped, and the point with them; none: the whole part.
            var full = byDigits(wei, 18).replacingOccurrences(of: ",", with: "")
            while full.hasSuffix("0") { full.removeLast() }
            if full.hasSuffix(".") { full.removeLast() }
            XCTAssertEqual(Amount.formatLPT(wei), full, "\(wei)")
            XCTAssertEqual(Amount.formatLPT(wei, decimals: 0, grouping: true), String(byDigits(wei, 0).dropLast()), "\(wei)")
            XCTAssertEqual(Amount.formatLPT(wei, decimals: 19), byDigits(wei, 18).replacingOccurrences(of: ",", with: ""), "\(wei)")
        }
        XCTAssertEqual(Amount.percent(1, of: 3), "33.33")
        XCTAssertEqual(Amount.percent(0, of: 0), "0.00")
    }

    /// A share written in machine words is the share written in BigUInt digits, for shares up to
    /// 100% and past it, any number of decimals.
    func testPercentInMachineWordsIsPercentInDigits() {
        func byDigits(_ part: BigUInt, _ whole: BigUInt, _ decimals: Int) -> String {
            let scale = BigUInt(10).power(decimals)
            let (intPart, frac) = (part * 100 * scale / whole).quotientAndRemainder(dividingBy: scale)
            guard decimals > 0 else { return String(intPart) }
            let f = String(frac)
            return String(intPart) + "." + String(repeating: "0", count: decimals - f.count) + f
        }
        var rng = SeededGenerator(seed: 16)
        for _ in 0..<3_000 {
            let whole = BigUInt(rng.next()) << Int(rng.next() % 90) + 1
            let part = rng.next() % 4 == 0 ? whole * BigUInt(rng.next() % 5 + 1) : whole / (BigUInt(rng.next() % 1_000_000) + 1)
            let decimals = [0, 1, 2, 2, 2, 4, 18, 19][Int(rng.next() % 8)]
            XCTAssertEqual(Amount.percent(part, of: whole, decimals: decimals), byDigits(part, whole, decimals), "\(part) of \(whole), \(decimals)")
        }
        XCTAssertEqual(Amount.percent(BigUInt(1) << 200, of: 1), byDigits(BigUInt(1) << 200, 1, 2))
        // Within 128 bits, its share past a machine word.
        XCTAssertEqual(Amount.percent(BigUInt(1) << 100, of: 1), byDigits(BigUInt(1) << 100, 1, 2))
        XCTAssertEqual(Amount.percent(BigUInt(1) << 100, of: 3), byDigits(BigUInt(1) << 100, 3, 2))
    }

}

/// `Address` holds its 20 bytes in machine words: its order, equality and text must be those of
/// the lowercase `0x` form it replaced.
final class AddressBytesTests: XCTestCase {
    func testOrderTextAndBytesAgreeWithTheLowercaseForm() {
        var rng = SeededGenerator(seed: 55)
        var addresses: [Address] = []
        for _ in 0..<2_000 {
            // Random bytes, and near neighbours that differ only in one word's last byte.
            var bytes = (0..<20).map { _ in UInt8.random(in: 0...255, using: &rng) }
            addresses.append(Address(bytes: bytes))
            bytes[[7, 15, 19].randomElement(using: &rng)!] ^= 1
            addresses.append(Address(bytes: bytes))
        }
        addresses += [Address.zero, Address(bytes: [UInt8](repeating: 0xff, count: 20))]
        for a in addresses {
            XCTAssertEqual(Address(lowercase: a.lowercased), a)
            XCTAssertEqual(Address(a.checksummed), a)
            XCTAssertEqual(Address(bytes: a.bytes), a)
            XCTAssertEqual(Hex.prefixed(a.bytes), a.lowercased)
            var appended = Array("x".utf8)
            a.appendLowercased(to: &appended)
            XCTAssertEqual(String(decoding: appended, as: UTF8.self), "x" + Hex.prefixed(a.bytes))
        }
        for (a, b) in zip(addresses, addresses.dropFirst()) {
            XCTAssertEqual(a < b, a.lowercased < b.lowercased, "\(a.lowercased) \(b.lowercased)")
            XCTAssertEqual(a == b, a.lowercased == b.lowercased)
        }
        XCTAssertEqual(addresses.sorted().map(\.lowercased), addresses.map(\.lowercased).sorted())
        for bad in ["0x" + String(repeating: "g", count: 40), "0x" + String(repeating: "A", count: 40), "0x" + String(repeating: "0", count: 39)] {
            XCTAssertNil(Address(lowercase: bad), bad)
        }
    }
}
