import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Multicall3's `aggregate3((address,bool,bytes)[])`: many view calls in one `eth_call`.
package enum Multicall3 {
    /// The calldata of `aggregate3` for `calls`, each allowed to fail.
    package static func encode(_ calls: [ViewCall]) -> [UInt8] {
        var out = ABI.selector("aggregate3((address,bool,bytes)[])")
        out += ABI.encode(uint: 32)
        out += ABI.encode(uint: BigUInt(calls.count))
        // Each tuple: address, allowFailure, offset of its bytes (96), then the bytes.
        let tuples = calls.map { call -> [UInt8] in
            let padding = (32 - call.data.count % 32) % 32
            return ABI.encode(address: call.target) + ABI.encode(uint: 1) + ABI.encode(uint: 96) + ABI.encode(uint: BigUInt(call.data.count)) + call.data
                + [UInt8](repeating: 0, count: padding)
        }
        var offset = 32 * calls.count
        for tuple in tuples {
            out += ABI.encode(uint: BigUInt(offset))
            offset += tuple.count
        }
        for tuple in tuples { out += tuple }
        return out
    }

    /// The answers of `aggregate3`: each call's return data, nil when it failed.
    package static func decode(_ data: [UInt8], count: Int) throws -> [[UInt8]?] {
        let arrayStart = try position(data, at: 0, base: 0)
        guard try ABI.uint(Array(data[arrayStart...]), 0) == BigUInt(count) else { throw ABI.Problem.badOffset(word: 0) }
        let heads = arrayStart + 32
        var out: [[UInt8]?] = []
        for i in 0..<count {
            let tuple = try position(data, at: heads + 32 * i, base: heads)
            let success = try word(data, tuple) != 0
            let bytesStart = try position(data, at: tuple + 32, base: tuple)
            let length = try word(data, bytesStart)
            guard length <= BigUInt(data.count - bytesStart - 32) else { throw ABI.Problem.lengthPastEnd(word: i, length: length, have: data.count) }
            let returned = Array(data[(bytesStart + 32)..<(bytesStart + 32 + Int(length))])
            out.append(success ? returned : nil)
        }
        return out
    }

    private static func word(_ data: [UInt8], _ at: Int) throws -> BigUInt {
        guard at >= 0, data.count >= at + 32 else { throw ABI.Problem.tooShort(needed: at + 32, have: data.count) }
        return BigUInt(Data(data[at..<at + 32]))
    }

    /// base + the offset word at `at`, checked to lie inside the data.
    private static func position(_ data: [UInt8], at: Int, base: Int) throws -> Int {
        let offset = try word(data, at)
        guard offset <= BigUInt(data.count), base + Int(offset) + 32 <= data.count else { throw ABI.Problem.badOffset(word: at / 32) }
        return base + Int(offset)
    }
}
