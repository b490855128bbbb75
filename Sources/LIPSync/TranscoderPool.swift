import Foundation
import LIPCore
import LIPEthereum

extension Node {
    /// The longest transcoder pool believed: the BondingManager caps it (100 on mainnet).
    package static let maximumPoolSize = 1_000

    /// The orchestrators in the BondingManager's transcoder pool at `block`, in the pool's order:
    /// `getFirstTranscoderInPool()`, then `getNextTranscoderInPool` until the zero address (one
    /// request each: a linked list is walked one step at a time). A node that answers a loop or a
    /// pool longer than `maximumPoolSize` is an error.
    package func transcoderPool(bondingManager bm: Address, at block: Int) throws -> [Address] {
        func next(_ call: ViewCall, _ what: String) throws -> Address {
            guard let answer = try read([call], at: block, multicall: nil).first, let data = answer else {
                throw LIPError.invalidInput(file: client.endpoint.display, location: "", message: "\(what) reverted at block \(block): is the BondingManager address right?")
            }
            do { return try ABI.address(data, 0) } catch { throw malformed("eth_call", "\(what) at block \(block): \(error)") }
        }
        var pool: [Address] = []
        var seen = Set<Address>()
        var current = try next(.getFirstTranscoderInPool(bm), "getFirstTranscoderInPool()")
        while !current.isZero {
            guard seen.insert(current).inserted, pool.count < Node.maximumPoolSize else {
                throw malformed("eth_call", "the transcoder pool at block \(block) loops or is longer than \(Node.maximumPoolSize) (at \(current.checksummed))")
            }
            pool.append(current)
            current = try next(.getNextTranscoderInPool(bm, current), "getNextTranscoderInPool(\(current.checksummed))")
        }
        return pool
    }
}
