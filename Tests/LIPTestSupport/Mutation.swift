import Foundation

/// Seeded random mutations of valid inputs, for the fuzz tests: the same seed, the same inputs.
public enum Mutation {
    /// Pieces that tend to find edge cases: separators, quotes, huge numbers, hex, nothing.
    static let pieces: [[UInt8]] = [
        ",", "\n", "\r\n", "\"", "0x", "-", ":", "|", "{", "}", "[", "]", "\u{0}", "é", "---\n", "lip: ", "\\",
        String(repeating: "9", count: 90), String(repeating: "ff", count: 40), "0x" + String(repeating: "f", count: 64), "", " ",
    ]
    .map { Array($0.utf8) }

    /// One to four random edits of `input`: a byte changed, a piece inserted, a run removed or
    /// repeated, the end cut, a piece appended.
    public static func mutate(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: bytes.insert(contentsOf: Mutation.pieces.randomElement(using: &rng)!, at: at)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...60, using: &rng))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &rng))
            case 4: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: Mutation.pieces.randomElement(using: &rng)!, at: bytes.count)
            }
        }
        return bytes
    }
}
