import Foundation
import LIPEthereum
import GRDB
import LIPCore

extension Ledger {
    /// Records an import (inside its transaction) unless the same one is recorded already, with
    /// what it held (`holds`: polls' lowercase addresses, `migrations`, `governor`); returns its id.
    @discardableResult
    static func record(_ db: Database, _ record: ImportRecord, snapshotID: Int64? = nil, holds: Set<String> = []) throws -> Int64 {
        let values: [DatabaseValue] = [
            record.kind.databaseValue, record.file.databaseValue, record.sha256.databaseValue,
            record.chain?.databaseValue ?? .null, record.block?.databaseValue ?? .null, record.l1Block?.databaseValue ?? .null,
            record.totalBonded.map { StoredWei($0).databaseValue } ?? .null, record.totalActive.map { StoredWei($0).databaseValue } ?? .null, record.format?.databaseValue ?? .null,
            record.poll?.databaseValue ?? .null, record.network?.databaseValue ?? .null, record.full.databaseValue,
        ]
        let arguments = StatementArguments(values)
        let id: Int64
        if let same = try Int64.fetchOne(
            db,
            sql: """
                SELECT id FROM imports WHERE kind = ? AND file = ? AND content_sha256 = ? AND chain IS ? AND block IS ? AND l1_block IS ?
                AND total_bonded IS ? AND total_active IS ? AND format IS ? AND poll IS ? AND network IS ? AND full IS ?
                """, arguments: arguments)
        {
            id = same
        } else {
            try db.execute(
                sql: """
                    INSERT INTO imports (kind, file, content_sha256, chain, block, l1_block, total_bonded, total_active, format, poll, network, full, snapshot_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments(values + [snapshotID?.databaseValue ?? .null]))
            id = db.lastInsertedRowID
        }
        for item in holds.sorted() {
            try db.execute(sql: "INSERT OR IGNORE INTO import_polls (import_id, poll) VALUES (?, ?)", arguments: [id, item])
        }
        return id
    }

    /// What a log of `event` at `address` (20 bytes) holds, for `import_polls`; nil for others.
    static func holding(_ log: RawLog) -> String? {
        let event = log.event
        switch event {
        case .vote?: return Hex.prefixed(Array(log.addressBytes))
        case .pollCreated?: return log.topic(1).flatMap { $0.count == 32 ? Hex.prefixed(Array($0.suffix(20))) : nil }
        case .migrateDelegatorFinalized?, .stakeClaimed?, .delegatorPoolCreated?: return "migrations"
        case nil: return nil
        default: return "governor"
        }
    }
}

/// A row of `imports`: the record, its id and the snapshot it made.
struct ImportRow: FetchableRecord {
    let id: Int64, snapshotID: Int64?, record: ImportRecord

    init(row: Row) throws {
        let r = StoredRow(row: row, table: "imports", key: ["id"])
        id = try r("id")
        snapshotID = try r.optional("snapshot_id")
        record = ImportRecord(
            kind: try r("kind"), file: try r("file"), sha256: try r("content_sha256"), chain: try r.optional("chain"), block: try r.optional("block"),
            l1Block: try r.optional("l1_block"), totalBonded: try r.optional("total_bonded"), totalActive: try r.optional("total_active"),
            format: try r.optional("format"), poll: try r.optional("poll"), network: try r.optional("network"), full: try r("full"))
    }
}
