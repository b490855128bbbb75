import Foundation
import LIPCore

/// Keccak-256 as Ethereum uses it (the original Keccak padding `0x01`, not SHA3-256's `0x06`).
public enum Keccak256 {
    private static let roundConstants: [UInt64] = [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ]
    /// ρ: the rotation of lane x + 5y.
    private static let rotations: [UInt64] = [
        0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
    ]
    /// π: where lane x + 5y goes (y + 5 × ((2x + 3y) mod 5)).
    private static let destinations: [Int] = (0..<25).map { i in
        let x = i % 5, y = i / 5
        return y + 5 * ((2 * x + 3 * y) % 5)
    }
    private static let rate = 136

    /// The 32-byte digest of `bytes`.
    public static func hash<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var state = [UInt64](repeating: 0, count: 25)
        var block = [UInt8](repeating: 0, count: rate)
        var filled = 0
        state.withUnsafeMutableBufferPointer { a in
            block.withUnsafeMutableBufferPointer { b in
                for byte in bytes {
                    b[filled] = byte
                    filled += 1
                    if filled == rate {
                        absorb(b, into: a)
                        filled = 0
                    }
                }
                for i in filled..<rate { b[i] = 0 }
                b[filled] ^= 0x01
                b[rate - 1] ^= 0x80
                absorb(b, into: a)
            }
        }
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<32 { out[i] = UInt8(truncatingIfNeeded: state[i / 8] >> (8 * UInt64(i % 8))) }
        return out
    }

    /// The digest of a string's UTF-8 bytes.
    public static func hash(_ text: String) -> [UInt8] { hash(Array(text.utf8)) }

    private static func absorb(_ block: UnsafeMutableBufferPointer<UInt8>, into state: UnsafeMutableBufferPointer<UInt64>) {
        for i in 0..<(rate / 8) {
            var lane: UInt64 = 0
            for j in 0..<8 { lane |= UInt64(block[i * 8 + j]) << (8 * UInt64(j)) }
            state[i] ^= lane
        }
        permute(state)
    }

    private static func permute(_ a: UnsafeMutableBufferPointer<UInt64>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 30) { scratch in
            let b = scratch.baseAddress!, c = b + 25
            rotations.withUnsafeBufferPointer { rho in
                destinations.withUnsafeBufferPointer { pi in
                    roundConstants.withUnsafeBufferPointer { iota in
                        for round in 0..<24 {
                            // θ
                            for x in 0..<5 { c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] }
                            for x in 0..<5 {
                                let d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1)
                                a[x] ^= d; a[x + 5] ^= d; a[x + 10] ^= d; a[x + 15] ^= d; a[x + 20] ^= d
                            }
                            // ρ and π
                            for i in 0..<25 { b[pi[i]] = rotl(a[i], rho[i]) }
                            // χ
                            for y in stride(from: 0, to: 25, by: 5) {
                                let b0 = b[y], b1 = b[y + 1], b2 = b[y + 2], b3 = b[y + 3], b4 = b[y + 4]
                                a[y] = b0 ^ (~b1 & b2)
                                a[y + 1] = b1 ^ (~b2 & b3)
                                a[y + 2] = b2 ^ (~b3 & b4)
                                a[y + 3] = b3 ^ (~b4 & b0)
                                a[y + 4] = b4 ^ (~b0 & b1)
                            }
                            // ι
                            a[0] ^= iota[round]
                        }
                    }
                }
            }
        }
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 {
        n == 0 ? x : (x << n) | (x >> (64 - n))
    }
}
