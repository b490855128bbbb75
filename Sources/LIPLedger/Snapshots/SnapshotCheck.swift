import BigInt
import Foundation
import LIPEthereum

/// A snapshot's rows checked against what was stored when it was imported (`lip ledger verify`).
public struct SnapshotCheck: Sendable {
    /// The snapshot, as stored.
    public var snapshot: SnapshotInfo
    /// The digest of its rows now.
    public var rowsSHA256: String
    /// Its rows now.
    public var accounts: Int
    /// The sum of their stake now.
    public var totalStake: BigUInt
    /// The registered active stake now.
    public var activeStake: BigUInt

    /// Whether no row was added, removed or edited since the import.
    public var isIntact: Bool {
        rowsSHA256 == snapshot.rowsSHA256 && accounts == snapshot.accounts && totalStake == snapshot.totalStake && activeStake == snapshot.activeStake
    }
}

extension Ledger {
    /// Every snapshot's rows recomputed and compared with what was stored at import.
    public func checkSnapshots() throws -> [SnapshotCheck] {
        try snapshots().map { s in
            let d = try read { try SnapshotDigest.compute($0, snapshotID: s.id, ledgerPath: path) }
            return SnapshotCheck(snapshot: s, rowsSHA256: d.rowsSHA256, accounts: d.accounts, totalStake: d.totalStake, activeStake: d.activeStake)
        }
    }
}
