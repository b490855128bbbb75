import BigInt
import Foundation
import LIPCore

/// Reading and writing 32-byte ABI words.
package enum ABI {
    /// Why ABI data could not be decoded.
    package enum Problem: Error, Equatable, CustomStringConvertible {
        case tooShort(needed: Int, have: Int)
        case notAnAddress(word: Int)
        case badOffset(word: Int)
        /// A length word that runs past the end of the data.
        case lengthPastEnd(word: Int, length: BigUInt, have: Int)

        package var description: String {
            switch self {
            case .tooShort(let needed, let have): return "data is \(have) bytes, needs at least \(needed)"
            case .notAnAddress(let w): return "word \(w) is not an address (its first 12 bytes are not zero)"
            case .badOffset(let w): return "word \(w) is not a valid offset into the data"
            case .lengthPastEnd(let w, let length, let have): return "the bytes at word \(w) claim a length of \(length), past the end of the \(have) bytes of data"
            }
        }
    }

    /// Word `index` of `data` (counted from `data`'s start, which may be a slice of a larger buffer).
    package static func word<D: RandomAccessCollection>(_ data: D, _ index: Int) throws -> D.SubSequence where D.Element == UInt8, D.Index == Int {
        let start = index * 32
        guard data.count >= start + 32 else { throw Problem.tooShort(needed: start + 32, have: data.count) }
        return data[data.startIndex + start..<data.startIndex + start + 32]
    }

    // A log import reads words of every log from other modules, where a generic function of this
    // one runs unspecialized (it cost half of the import): bytes and slices of bytes have their own
    // entry points, compiled here for their types.

    /// Word `index` as a uint256.
    package static func uint(_ data: ArraySlice<UInt8>, _ index: Int) throws -> BigUInt { try readUInt(data, index) }
    /// Word `index` as a uint256.
    package static func uint(_ data: [UInt8], _ index: Int) throws -> BigUInt { try readUInt(data, index) }
    /// Word `index` as a uint256.
    package static func uint<D: RandomAccessCollection>(_ data: D, _ index: Int) throws -> BigUInt where D.Element == UInt8, D.Index == Int {
        try readUInt(data, index)
    }

    private static func readUInt<D: RandomAccessCollection>(_ data: D, _ index: Int) throws -> BigUInt where D.Element == UInt8, D.Index == Int {
        let w = try word(data, index)
        // Most words are small: read them as one machine word, without a buffer (and with BigUInt's
        // one non-generic initializer: its generic ones are not specialized across packages).
        if w.prefix(24).allSatisfy({ $0 == 0 }) { return BigUInt(integerLiteral: w.suffix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
        return BigUInt(Data(w))
    }

    /// Word `index` as an address (left-padded with 12 zero bytes).
    package static func address<D: RandomAccessCollection>(_ data: D, _ index: Int) throws -> Address where D.Element == UInt8, D.Index == Int {
        Address(bytes: Array(try addressBytes(data, index)))
    }

    /// The 20 bytes of the address in word `index` (left-padded with 12 zero bytes).
    package static func addressBytes(_ data: ArraySlice<UInt8>, _ index: Int) throws -> ArraySlice<UInt8> { try readAddressBytes(data, index) }
    /// The 20 bytes of the address in word `index` (left-padded with 12 zero bytes).
    package static func addressBytes(_ data: [UInt8], _ index: Int) throws -> ArraySlice<UInt8> { try readAddressBytes(data, index) }
    /// The 20 bytes of the address in word `index` (left-padded with 12 zero bytes).
    package static func addressBytes<D: RandomAccessCollection>(_ data: D, _ index: Int) throws -> D.SubSequence where D.Element == UInt8, D.Index == Int {
        try readAddressBytes(data, index)
    }

    private static func readAddressBytes<D: RandomAccessCollection>(_ data: D, _ index: Int) throws -> D.SubSequence where D.Element == UInt8, D.Index == Int {
        let w = try word(data, index)
        guard w.prefix(12).allSatisfy({ $0 == 0 }) else { throw Problem.notAnAddress(word: index) }
        return w.suffix(20)
    }

    /// The dynamic `bytes` whose offset is in word `index`.
    package static func bytes(_ data: [UInt8], _ index: Int) throws -> [UInt8] {
        let offset = try uint(data, index)
        guard offset <= BigUInt(data.count), offset % 32 == 0 else { throw Problem.badOffset(word: index) }
        let start = Int(offset)
        guard data.count >= start + 32 else { throw Problem.tooShort(needed: start + 32, have: data.count) }
        let length = BigUInt(Data(data[start..<start + 32]))
        guard length <= BigUInt(data.count - start - 32) else { throw Problem.lengthPastEnd(word: index, length: length, have: data.count) }
        return Array(data[(start + 32)..<(start + 32 + Int(length))])
    }

    /// A uint256 as a 32-byte big-endian word.
    package static func encode(uint value: BigUInt) -> [UInt8] {
        let raw = [UInt8](value.serialize())
        return [UInt8](repeating: 0, count: 32 - raw.count) + raw
    }

    /// An address as a word.
    package static func encode(address: Address) -> [UInt8] { [UInt8](repeating: 0, count: 12) + address.bytes }

    /// Calldata: 4-byte selector of `signature`, then `bytes` as the only (dynamic) argument.
    package static func calldata(signature: String, bytesArgument: [UInt8]) -> [UInt8] {
        let selector = ABI.selector(signature)
        var out = selector + encode(uint: 32) + encode(uint: BigUInt(bytesArgument.count)) + bytesArgument
        let pad = (32 - bytesArgument.count % 32) % 32
        out += [UInt8](repeating: 0, count: pad)
        return out
    }

    /// topic0 of an event signature.
    package static func topic(_ signature: String) -> String { Hex.prefixed(Keccak256.hash(signature)) }

    /// A function's selector: the first 4 bytes of keccak-256 of its signature (`vote(uint256)`).
    package static func selector(_ signature: String) -> [UInt8] { Array(Keccak256.hash(signature).prefix(4)) }
}
