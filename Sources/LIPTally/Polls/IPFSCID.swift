import Crypto
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// The CIDv0 that `ipfs add` prints for a file with its default settings: the file as one
/// UnixFS `File` node in dag-pb, hashed with sha2-256, the multihash in base58btc.
///
/// `ipfs add` splits files larger than 256 KiB into chunks under a tree of links; such files are
/// refused here rather than given a CID that `ipfs add` would not print.
package enum IPFSCID {
    /// The chunk size of `ipfs add` (262,144 bytes); larger files are refused.
    package static let maximumSize = 256 * 1024

    /// Why no CID could be made.
    package enum Problem: Error, Equatable, CustomStringConvertible {
        case tooLarge(size: Int)
        package var description: String {
            switch self {
            case .tooLarge(let size):
                return "the file is \(size) bytes; `ipfs add` splits files over \(IPFSCID.maximumSize) bytes into chunks, which lip does not do: shorten the LIP text"
            }
        }
    }

    /// The CIDv0 of `content`.
    package static func cidV0(_ content: [UInt8]) throws -> String {
        Base58.encode(try multihash(content))
    }

    /// The sha2-256 multihash (0x12 0x20 + digest) of the dag-pb node of `content`.
    package static func multihash(_ content: [UInt8]) throws -> [UInt8] {
        let node = try dagPBNode(content)
        return [0x12, 0x20] + Array(SHA256.hash(data: node))
    }

    /// The dag-pb `PBNode` holding the UnixFS data of a single-chunk file (no links).
    package static func dagPBNode(_ content: [UInt8]) throws -> [UInt8] {
        guard content.count <= maximumSize else { throw Problem.tooLarge(size: content.count) }
        // UnixFS Data: Type = File (field 1, varint 2); Data (field 2, bytes) when not empty; filesize (field 3).
        var unixfs: [UInt8] = [0x08, 0x02]
        if !content.isEmpty { unixfs += [0x12] + varint(UInt64(content.count)) + content }
        unixfs += [0x18] + varint(UInt64(content.count))
        // PBNode: Data (field 1, bytes).
        return [0x0a] + varint(UInt64(unixfs.count)) + unixfs
    }

    /// Protobuf base-128 varint.
    static func varint(_ value: UInt64) -> [UInt8] {
        var v = value
        var out: [UInt8] = []
        repeat {
            var byte = UInt8(v & 0x7f)
            v >>= 7
            if v != 0 { byte |= 0x80 }
            out.append(byte)
        } while v != 0
        return out
    }
}
