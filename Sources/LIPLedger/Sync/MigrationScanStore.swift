import Foundation
import GRDB
import LIPCore
import LIPEthereum

/// How far `lip ledger sync migrations` has read one L2Migrator (a row of `migration_scans`).
public struct MigrationScan: Sendable, Equatable {
    /// The chain (L2).
    public var chain: Chain
    /// The L2Migrator (its proxy).
    public var l2Migrator: Address
    /// Every log of it up to this block is in the ledger.
    public var scannedTo: Int
}

extension MigrationScan: LedgerRecord {
    /// A row of `migration_scans`.
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "migration_scans", key: ["chain", "l2_migrator"])
        self.init(chain: try r("chain"), l2Migrator: try r("l2_migrator"), scannedTo: try r("scanned_to"))
    }
}

extension Ledger {
    /// The block up to which every log of `migrator` on `chain` is in the ledger; nil when
    /// `lip ledger sync migrations` never read it.
    package func migrationScan(chain: Chain, migrator: Address) throws -> Int? {
        try read { db in
            try MigrationScan.fetchOne(db, sql: "SELECT * FROM migration_scans WHERE chain = ? AND l2_migrator = ?", arguments: [chain, migrator])?.scannedTo
        }
    }

    /// Every L2Migrator read so far, by chain and address.
    public func migrationScans() throws -> [MigrationScan] {
        try read { db in try MigrationScan.fetchAll(db, sql: "SELECT * FROM migration_scans ORDER BY chain, l2_migrator") }
    }

    /// Stores what `lip ledger sync migrations` read, in one transaction: the logs (each applied
    /// as an imported log is: a migration row of its event, the same log again changing nothing,
    /// a different one with its key an error), the sync's record when it added rows, and the
    /// scan's new end. A failed or killed run changes nothing.
    package func storeMigrationScan(_ logs: [EventLog], chain: Chain, migrator: Address, scannedTo: Int, record: ImportRecord) throws -> ImportSummary {
        var summary = ImportSummary(what: "migrations up to \(chain.rawValue) block \(scannedTo)", rows: 0)
        try transaction { db in
            let holds = try storeLogs(logs, chain: chain, db: db, links: [:], source: record.file, into: &summary)
            if summary.rows > 0 { try Ledger.record(db, record, holds: holds) }
            try db.execute(
                sql: """
                    INSERT INTO migration_scans (chain, l2_migrator, scanned_to) VALUES (?1, ?2, ?3)
                    ON CONFLICT (chain, l2_migrator) DO UPDATE SET scanned_to = ?3 WHERE scanned_to IS NOT ?3
                    """, arguments: [chain, migrator, scannedTo])
        }
        return summary
    }
}
