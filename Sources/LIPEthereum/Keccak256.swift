import Foundation
import LIPCore

/// Keccak-256 as Ethereum uses it (the original Keccak padding `0x01`, not SHA3-256's `0x06`).
package enum Keccak256 {
    private static let roundConstants: [UInt64] = [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ]
    private static let rate = 136

    /// The 32-byte digest of `bytes`.
    package static func hash<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        // State and block on the stack: an address checksum per voter is part of every large tally.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 25) { a in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: rate) { b in
                a.initialize(repeating: 0)
                b.initialize(repeating: 0)
                var filled = 0
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
                return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
                    for i in 0..<32 { out[i] = UInt8(truncatingIfNeeded: a[i / 8] >> (8 * UInt64(i % 8))) }
                    count = 32
                }
            }
        }
    }

    /// The digest of a string's UTF-8 bytes.
    package static func hash(_ text: String) -> [UInt8] { hash(Array(text.utf8)) }

    private static func absorb(_ block: UnsafeMutableBufferPointer<UInt8>, into state: UnsafeMutableBufferPointer<UInt64>) {
        for i in 0..<(rate / 8) {
            var lane: UInt64 = 0
            for j in 0..<8 { lane |= UInt64(block[i * 8 + j]) << (8 * UInt64(j)) }
            state[i] ^= lane
        }
        permute(state)
    }

    /// Keccak-f[1600] on the 25 lanes, unrolled over lanes (generated from the θ, ρ, π, χ, ι steps).
    private static func permute(_ s: UnsafeMutableBufferPointer<UInt64>) {
        var a0 = s[0]
        var a1 = s[1]
        var a2 = s[2]
        var a3 = s[3]
        var a4 = s[4]
        var a5 = s[5]
        var a6 = s[6]
        var a7 = s[7]
        var a8 = s[8]
        var a9 = s[9]
        var a10 = s[10]
        var a11 = s[11]
        var a12 = s[12]
        var a13 = s[13]
        var a14 = s[14]
        var a15 = s[15]
        var a16 = s[16]
        var a17 = s[17]
        var a18 = s[18]
        var a19 = s[19]
        var a20 = s[20]
        var a21 = s[21]
        var a22 = s[22]
        var a23 = s[23]
        var a24 = s[24]
        for round in 0..<24 {
            let c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20
            let c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21
            let c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22
            let c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23
            let c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24
            let d0 = c4 ^ ((c1 << 1) | (c1 >> 63))
            let d1 = c0 ^ ((c2 << 1) | (c2 >> 63))
            let d2 = c1 ^ ((c3 << 1) | (c3 >> 63))
            let d3 = c2 ^ ((c4 << 1) | (c4 >> 63))
            let d4 = c3 ^ ((c0 << 1) | (c0 >> 63))
            let b0 = (a0 ^ d0)
            let b10 = ((a1 ^ d1) << 1) | ((a1 ^ d1) >> 63)
            let b20 = ((a2 ^ d2) << 62) | ((a2 ^ d2) >> 2)
            let b5 = ((a3 ^ d3) << 28) | ((a3 ^ d3) >> 36)
            let b15 = ((a4 ^ d4) << 27) | ((a4 ^ d4) >> 37)
            let b16 = ((a5 ^ d0) << 36) | ((a5 ^ d0) >> 28)
            let b1 = ((a6 ^ d1) << 44) | ((a6 ^ d1) >> 20)
            let b11 = ((a7 ^ d2) << 6) | ((a7 ^ d2) >> 58)
            let b21 = ((a8 ^ d3) << 55) | ((a8 ^ d3) >> 9)
            let b6 = ((a9 ^ d4) << 20) | ((a9 ^ d4) >> 44)
            let b7 = ((a10 ^ d0) << 3) | ((a10 ^ d0) >> 61)
            let b17 = ((a11 ^ d1) << 10) | ((a11 ^ d1) >> 54)
            let b2 = ((a12 ^ d2) << 43) | ((a12 ^ d2) >> 21)
            let b12 = ((a13 ^ d3) << 25) | ((a13 ^ d3) >> 39)
            let b22 = ((a14 ^ d4) << 39) | ((a14 ^ d4) >> 25)
            let b23 = ((a15 ^ d0) << 41) | ((a15 ^ d0) >> 23)
            let b8 = ((a16 ^ d1) << 45) | ((a16 ^ d1) >> 19)
            let b18 = ((a17 ^ d2) << 15) | ((a17 ^ d2) >> 49)
            let b3 = ((a18 ^ d3) << 21) | ((a18 ^ d3) >> 43)
            let b13 = ((a19 ^ d4) << 8) | ((a19 ^ d4) >> 56)
            let b14 = ((a20 ^ d0) << 18) | ((a20 ^ d0) >> 46)
            let b24 = ((a21 ^ d1) << 2) | ((a21 ^ d1) >> 62)
            let b9 = ((a22 ^ d2) << 61) | ((a22 ^ d2) >> 3)
            let b19 = ((a23 ^ d3) << 56) | ((a23 ^ d3) >> 8)
            let b4 = ((a24 ^ d4) << 14) | ((a24 ^ d4) >> 50)
            a0 = b0 ^ (~b1 & b2)
            a1 = b1 ^ (~b2 & b3)
            a2 = b2 ^ (~b3 & b4)
            a3 = b3 ^ (~b4 & b0)
            a4 = b4 ^ (~b0 & b1)
            a5 = b5 ^ (~b6 & b7)
            a6 = b6 ^ (~b7 & b8)
            a7 = b7 ^ (~b8 & b9)
            a8 = b8 ^ (~b9 & b5)
            a9 = b9 ^ (~b5 & b6)
            a10 = b10 ^ (~b11 & b12)
            a11 = b11 ^ (~b12 & b13)
            a12 = b12 ^ (~b13 & b14)
            a13 = b13 ^ (~b14 & b10)
            a14 = b14 ^ (~b10 & b11)
            a15 = b15 ^ (~b16 & b17)
            a16 = b16 ^ (~b17 & b18)
            a17 = b17 ^ (~b18 & b19)
            a18 = b18 ^ (~b19 & b15)
            a19 = b19 ^ (~b15 & b16)
            a20 = b20 ^ (~b21 & b22)
            a21 = b21 ^ (~b22 & b23)
            a22 = b22 ^ (~b23 & b24)
            a23 = b23 ^ (~b24 & b20)
            a24 = b24 ^ (~b20 & b21)
            a0 ^= roundConstants[round]
        }
        s[0] = a0
        s[1] = a1
        s[2] = a2
        s[3] = a3
        s[4] = a4
        s[5] = a5
        s[6] = a6
        s[7] = a7
        s[8] = a8
        s[9] = a9
        s[10] = a10
        s[11] = a11
        s[12] = a12
        s[13] = a13
        s[14] = a14
        s[15] = a15
        s[16] = a16
        s[17] = a17
        s[18] = a18
        s[19] = a19
        s[20] = a20
        s[21] = a21
        s[22] = a22
        s[23] = a23
        s[24] = a24
    }

}
