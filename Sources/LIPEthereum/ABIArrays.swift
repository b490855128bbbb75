import BigInt
import Foundation
import LIPCore

extension ABI {
    /// The data of the dynamic value whose offset is in word `index`: from that offset to the end.
    /// Offsets of nested values (the elements of a `string[]`) count from the start of what this returns
    /// after its length word, as the ABI defines them.
    package static func tail(_ data: [UInt8], _ index: Int) throws -> [UInt8] {
        let offset = try uint(data, index)
        guard offset <= BigUInt(data.count), offset % 32 == 0 else { throw Problem.badOffset(word: index) }
        return Array(data[Int(offset)...])
    }

    /// The length and the element words of the dynamic array whose offset is in word `index`.
    private static func array(_ data: [UInt8], _ index: Int) throws -> (count: Int, elements: [UInt8]) {
        let tail = try tail(data, index)
        let length = try uint(tail, 0)
        // Every element takes at least one word: a length past the data is refused before any allocation.
        guard length <= BigUInt((tail.count - 32) / 32) else { throw Problem.lengthPastEnd(word: index, length: length, have: data.count) }
        return (Int(length), Array(tail.dropFirst(32)))
    }

    /// The `address[]` whose offset is in word `index`.
    package static func addressArray(_ data: [UInt8], _ index: Int) throws -> [Address] {
        let (count, elements) = try array(data, index)
        return try (0..<count).map { try address(elements, $0) }
    }

    /// The `uint256[]` whose offset is in word `index`.
    package static func uintArray(_ data: [UInt8], _ index: Int) throws -> [BigUInt] {
        let (count, elements) = try array(data, index)
        return try (0..<count).map { try uint(elements, $0) }
    }

    /// The `bytes[]` (or `string[]`) whose offset is in word `index`.
    package static func bytesArray(_ data: [UInt8], _ index: Int) throws -> [[UInt8]] {
        let (count, elements) = try array(data, index)
        return try (0..<count).map { try bytes(elements, $0) }
    }

    /// The `string` whose offset is in word `index`, as UTF-8 (invalid sequences replaced).
    package static func string(_ data: [UInt8], _ index: Int) throws -> String {
        String(decoding: try bytes(data, index), as: UTF8.self)
    }

    /// The `string[]` whose offset is in word `index`.
    package static func stringArray(_ data: [UInt8], _ index: Int) throws -> [String] {
        try bytesArray(data, index).map { String(decoding: $0, as: UTF8.self) }
    }
}
