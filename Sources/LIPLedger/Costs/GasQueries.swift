import BigInt
import Foundation
import GRDB
import GRDBSQLite
import LIPCore
import LIPEthereum

extension Ledger {
    /// Every benchmark set, oldest first (the last is the default of `lip costs`), with where
    /// each chain's measurements came from.
    public func gasSets() throws -> [GasSetInfo] {
        try read { db in
            let sources = try GasSetSource.fetchAll(
                db, sql: "SELECT set_name, chain, source, file, arguments, content_sha256 FROM gas_set_sources ORDER BY set_name, chain")
            return try String.fetchAll(db, sql: "SELECT name FROM gas_sets ORDER BY seq").map { name in
                GasSetInfo(name: name, sources: sources.filter { $0.setName == name }.map(\.source))
            }
        }
    }

    /// The measurements of set `name`, by operation, chain, gas (as numbers), then transaction.
    public func gasBenchmarks(set name: String) throws -> [GasBenchmark] {
        try read { db in
            try GasBenchmark.fetchAll(
                db, sql: "SELECT operation, chain, gas, tx, gas_used_for_l1, source FROM gas_measurements WHERE set_name = ?", arguments: [name]
            ).sorted(by: GasBenchmark.inOrder)
        }
    }

    /// The measurements of set `name` on `chain`, in order.
    static func gasMeasurements(_ db: Database, set name: String, chain: Chain) throws -> [GasBenchmark] {
        try GasBenchmark.fetchAll(
            db, sql: "SELECT operation, chain, gas, tx, gas_used_for_l1, source FROM gas_measurements WHERE set_name = ? AND chain = ?", arguments: [name, chain]
        ).sorted(by: GasBenchmark.inOrder)
    }

    /// Calls `body` with each sample of `chain` with `from <= timestamp < until` (either side open
    /// when nil), by block, one row at a time: a year of samples is hundreds of thousands of rows,
    /// and a report keeps only what it needs of each.
    public func forEachGasPrice(chain: Chain, from: Int64?, until: Int64?, _ body: (GasPriceSample) throws -> Void) throws {
        try read { db in
            let statement = try db.makeStatement(
                sql: """
                    SELECT chain, block, timestamp, base_fee, priority_fee FROM gas_prices
                    WHERE chain = ? AND (?2 IS NULL OR timestamp >= ?2) AND (?3 IS NULL OR timestamp < ?3) ORDER BY block
                    """)
            try statement.setArguments([chain, from, until])
            try db.forEachRecord(GasPriceSample.self, of: statement, body)
        }
    }

    /// Where the stored gas prices came from, in the order they were stored.
    public func gasPriceSources() throws -> [GasPriceSource] {
        try read { db in try GasPriceSource.fetchAll(db, sql: "SELECT chain, source, file, arguments FROM gas_price_sources ORDER BY id") }
    }
}

extension GasBenchmark: LedgerRecord {
    /// A row of `gas_measurements`.
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "gas_measurements", key: ["operation", "chain", "tx"])
        self.init(
            operation: try r("operation"), chain: try r("chain"), gas: try r("gas"), tx: try r.optional("tx", as: String.self),
            gasUsedForL1: try r.optional("gas_used_for_l1"), source: try r.optional("source", as: String.self))
    }
}

extension GasSetSource {
    /// A row of `gas_set_sources` and the set it belongs to.
    struct Row: FetchableRecord {
        var setName: String
        var source: GasSetSource

        init(row: GRDB.Row) throws {
            let r = StoredRow(row: row, table: "gas_set_sources", key: ["set_name", "chain"])
            setName = try r("set_name")
            source = GasSetSource(chain: try r("chain"), source: try r("source"), file: try r("file"), arguments: try r("arguments"), sha256: try r("content_sha256"))
        }
    }

    /// Every row of a query over `gas_set_sources`.
    static func fetchAll(_ db: Database, sql: String) throws -> [Row] { try Row.fetchAll(db, sql: sql) }
}

extension GasPriceSample: LedgerRecord, BufferDecodable {
    /// A row of `gas_prices`.
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "gas_prices", key: ["chain", "block"])
        self.init(chain: try r("chain"), block: try r("block"), timestamp: try r("timestamp"), baseFee: try r("base_fee"), priorityFee: try r("priority_fee"))
    }

    /// The row `SELECT chain, block, timestamp, base_fee, priority_fee` stands on, from SQLite's buffers.
    init?(sqliteStatement s: SQLiteStatement) {
        guard sqlite3_column_type(s, 1) == SQLITE_INTEGER, sqlite3_column_type(s, 2) == SQLITE_INTEGER,
            let chainText = StoredText.bytes(s, 0), let chain = Chain(rawValue: String(decoding: chainText, as: UTF8.self)),
            let base = StoredWei(sqliteStatement: s, index: 3), let tip = StoredWei(sqliteStatement: s, index: 4)
        else { return nil }
        self.init(chain: chain, block: Int(sqlite3_column_int64(s, 1)), timestamp: sqlite3_column_int64(s, 2), baseFee: base.value, priorityFee: tip.value)
    }
}

extension GasPriceSource: LedgerRecord {
    /// A row of `gas_price_sources`.
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "gas_price_sources", key: ["chain", "file"])
        self.init(chain: try r("chain"), source: try r("source"), file: try r("file"), arguments: try r("arguments"))
    }
}
