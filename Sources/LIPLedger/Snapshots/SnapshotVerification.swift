import BigInt
import Foundation
import LIPEthereum
import LIPCore

/// The LIP-73 Merkle tree of a ledger snapshot, with the second root the explorer's proof API builds.
///
/// The published LIP-73 file has an all-zero entry. The spec drops it; the explorer's proof API
/// hashes it as a leaf too. When the imported file had it, both roots are given and either one
/// matches an expected root.
public struct SnapshotVerification: Sendable {
    /// How an expected root compares.
    public enum Match: Sendable, Equatable {
        /// The spec's tree (all-zero entry dropped).
        case root
        /// The tree with the file's all-zero entry kept as a leaf.
        case rootWithZeroEntry
        /// Neither.
        case none
    }

    /// The entries, by account.
    public let entries: [SnapshotEntry]
    /// The spec's tree.
    public let tree: MerkleTree
    /// The root with the all-zero entry as a leaf, when the file had that entry.
    public let rootWithZeroEntry: [UInt8]?

    /// Builds the tree of the snapshot of `chain` at `block`.
    public init(ledger: Ledger, chain: Chain, block: Int) throws {
        entries = try ledger.snapshotEntries(chain: chain, block: block)
        tree = MerkleTree(entries: entries)
        let hadZero = try ledger.snapshot(chain: chain, block: block)?.hadZeroEntry ?? false
        rootWithZeroEntry = hadZero ? MerkleTree(leaves: tree.levels[0] + [Keccak256.hash([UInt8](repeating: 0, count: 104))]).root : nil
    }

    /// Which root `expected` is.
    public func match(_ expected: [UInt8]) -> Match {
        if expected == tree.root { return .root }
        if let rootWithZeroEntry, expected == rootWithZeroEntry { return .rootWithZeroEntry }
        return .none
    }

    /// The entry of `account` with its proof, and whether the proof verifies against the root.
    public func proof(for account: Address) throws -> (entry: SnapshotEntry, path: [[UInt8]], verifies: Bool) {
        guard let entry = entries.first(where: { $0.delegator == account }), let path = tree.proof(for: entry.leaf) else {
            throw LIPError.usage("\(account.checksummed) has no entry in this snapshot")
        }
        return (entry, path, MerkleTree.verify(leaf: entry.leaf, proof: path, root: tree.root))
    }
}
