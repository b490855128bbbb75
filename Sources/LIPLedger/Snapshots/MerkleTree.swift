import Foundation
import LIPEthereum
import LIPCore

/// The LIP-73 snapshot Merkle tree: leaves are keccak256 of the packed entries, de-duplicated and
/// sorted bytewise; a parent is keccak256 of its two children, smaller first; on a level of odd
/// length the last node goes up unchanged.
public struct MerkleTree: Sendable {
    /// Every level, leaves first, root last.
    public let levels: [[[UInt8]]]

    /// Builds the tree over `leaves` (de-duplicated and sorted here).
    public init(leaves: [[UInt8]]) {
        var level = Array(Set(leaves.map { Hex.encode($0) })).sorted().map { Hex.decode($0)! }
        var levels = [level]
        while level.count > 1 {
            var next: [[UInt8]] = []
            next.reserveCapacity((level.count + 1) / 2)
            var i = 0
            while i < level.count {
                if i + 1 < level.count {
                    next.append(MerkleTree.parent(level[i], level[i + 1]))
                } else {
                    next.append(level[i])
                }
                i += 2
            }
            levels.append(next)
            level = next
        }
        self.levels = levels
    }

    /// The tree of a snapshot's entries (the all-zero entry dropped).
    public init(entries: [SnapshotEntry]) {
        self.init(leaves: entries.filter { !$0.packed.allSatisfy { $0 == 0 } }.map(\.leaf))
    }

    /// keccak256(min(a, b) ‖ max(a, b)).
    public static func parent(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        a.lexicographicallyPrecedes(b) ? Keccak256.hash(a + b) : Keccak256.hash(b + a)
    }

    /// The root (32 zero bytes for an empty tree).
    public var root: [UInt8] { levels.last?.first ?? [UInt8](repeating: 0, count: 32) }

    /// The sibling hashes from `leaf` up to the root, or nil when the leaf is not in the tree.
    public func proof(for leaf: [UInt8]) -> [[UInt8]]? {
        guard var index = levels[0].firstIndex(of: leaf) else { return nil }
        var proof: [[UInt8]] = []
        for level in levels.dropLast() {
            let sibling = index ^ 1
            if sibling < level.count { proof.append(level[sibling]) }
            index /= 2
        }
        return proof
    }

    /// Checks a proof the way the L2 contract does: fold the siblings in sorted pairs.
    public static func verify(leaf: [UInt8], proof: [[UInt8]], root: [UInt8]) -> Bool {
        proof.reduce(leaf) { parent($0, $1) } == root
    }
}
