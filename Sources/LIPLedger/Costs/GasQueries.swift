import BigInt
import Foundation
import GRDB
import GRDBSQLite
import LIPCore
import LIPEthereum

extension Ledger {
    /// Every benchmark set, oldest first (the last is the default of `lip costs`).
    public func gasSets() throws -> [GasSetInfo] {
        try read { db in try GasSetInfo.fetchAll(db, sql: "SELECT name, source, file, arguments, content_sha256 FROM gas_sets ORDER BY seq") }
    }

    /// The rows of set `name`, by operation then chain.
    public func gasBenchmarks(set name: String) throws -> [GasBenchmark] {
        try read { db in
            try GasBenchmark.fetchAll(
                db, sql: "SELECT operation, chain, gas, tx, gas_used_for_l1 FROM gas_benchmarks WHERE set_name = ? ORDER BY operation, chain", arguments: [name])
        }
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

extension GasBenchmark: FetchableRecord {
    /// A row of `gas_benchmarks`.
    public init(row: Row) throws {
        let r = StoredRow(row: row, table: "gas_benchmarks", key: ["operation", "chain"])
        self.init(
            operation: try r("operation"), chain: try r("chain"), gas: try r("gas"), tx: try r.optional("tx", as: String.self),
            gasUsedForL1: try r.optional("gas_used_for_l1"))
    }
}

extension GasSetInfo: FetchableRecord {
    /// A row of `gas_sets`.
    public init(row: Row) throws {
        let r = StoredRow(row: row, table: "gas_sets", key: ["name"])
        self.init(name: try r("name"), source: try r("source"), file: try r("file"), arguments: try r("arguments"), sha256: try r("content_sha256"))
    }
}

extension GasPriceSample: FetchableRecord, BufferDecodable {
    /// A row of `gas_prices`.
    public init(row: Row) throws {
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

extension GasPriceSource: FetchableRecord {
    /// A row of `gas_price_sources`.
    public init(row: Row) throws {
        let r = StoredRow(row: row, table: "gas_price_sources", key: ["chain", "file"])
        self.init(chain: try r("chain"), source: try r("source"), file: try r("file"), arguments: try r("arguments"))
    }
}
