import BigInt
import Foundation
import LIPEthereum
import LIPLedger

/// A value to ABI-encode in a test fixture.
public enum ABIValue {
    case uint(BigUInt)
    case address(Address)
    case bytes([UInt8])
    case string(String)
    case addresses([Address])
    case uints([BigUInt])
    case strings([String])
    case bytesList([[UInt8]])

    var isDynamic: Bool {
        switch self {
        case .uint, .address: return false
        default: return true
        }
    }
}

/// The ABI encoding of a tuple of values (head words, then the dynamic tails), for test fixtures.
public enum ABIEncoder {
    /// Encodes `values` as a function's arguments or an event's data.
    public static func encode(_ values: [ABIValue]) -> [UInt8] {
        var head: [UInt8] = [], tail: [UInt8] = []
        let headSize = 32 * values.count
        for value in values {
            if value.isDynamic {
                head += ABI.encode(uint: BigUInt(headSize + tail.count))
                tail += encodeTail(value)
            } else {
                head += encodeTail(value)
            }
        }
        return head + tail
    }

    private static func padded(_ bytes: [UInt8]) -> [UInt8] {
        ABI.encode(uint: BigUInt(bytes.count)) + bytes + [UInt8](repeating: 0, count: (32 - bytes.count % 32) % 32)
    }

    private static func encodeTail(_ value: ABIValue) -> [UInt8] {
        switch value {
        case .uint(let n): return ABI.encode(uint: n)
        case .address(let a): return ABI.encode(address: a)
        case .bytes(let b): return padded(b)
        case .string(let s): return padded(Array(s.utf8))
        case .addresses(let list): return ABI.encode(uint: BigUInt(list.count)) + list.flatMap { ABI.encode(address: $0) }
        case .uints(let list): return ABI.encode(uint: BigUInt(list.count)) + list.flatMap { ABI.encode(uint: $0) }
        case .strings(let list): return ABI.encode(uint: BigUInt(list.count)) + encode(list.map { .string($0) })
        case .bytesList(let list): return ABI.encode(uint: BigUInt(list.count)) + encode(list.map { .bytes($0) })
        }
    }
}
