import Foundation
import GRDB
import LIPCore

extension Ledger {
    /// Records an import (inside its transaction) unless the same one is recorded already.
    static func record(_ db: Database, _ record: ImportRecord, snapshotID: Int64? = nil) throws {
        let values: [DatabaseValue] = [
            record.kind.databaseValue, record.file.databaseValue, record.sha256.databaseValue,
            record.chain?.databaseValue ?? .null, record.block?.databaseValue ?? .null, record.l1Block?.databaseValue ?? .null,
            record.totalBonded?.databaseValue ?? .null, record.totalActive?.databaseValue ?? .null, record.format?.databaseValue ?? .null,
            record.poll?.databaseValue ?? .null, record.network?.databaseValue ?? .null, record.full.databaseValue,
        ]
        let arguments = StatementArguments(values)
        let same =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM imports WHERE kind = ? AND file = ? AND content_sha256 = ? AND chain IS ? AND block IS ? AND l1_block IS ?
                    AND total_bonded IS ? AND total_active IS ? AND format IS ? AND poll IS ? AND network IS ? AND full IS ?
                    """, arguments: arguments) ?? false
        if same { return }
        try db.execute(
            sql: """
                INSERT INTO imports (kind, file, content_sha256, chain, block, l1_block, total_bonded, total_active, format, poll, network, full, snapshot_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments(values + [snapshotID?.databaseValue ?? .null]))
    }
}
