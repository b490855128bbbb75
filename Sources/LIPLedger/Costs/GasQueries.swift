import BigInt
import Foundation
import GRDB
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

    /// The samples of `chain` with `from <= timestamp < until` (either side open when nil), by block.
    public func gasPrices(chain: Chain, from: Int64?, until: Int64?) throws -> [GasPriceSample] {
        try read { db in
            try GasPriceSample.fetchAll(
                db,
                sql: """
                    SELECT chain, block, timestamp, base_fee, priority_fee FROM gas_prices
                    WHERE chain = ? AND (?2 IS NULL OR timestamp >= ?2) AND (?3 IS NULL OR timestamp < ?3) ORDER BY block
                    """, arguments: [chain, from, until])
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

extension GasPriceSample: FetchableRecord {
    /// A row of `gas_prices`.
    public init(row: Row) throws {
        // A year of samples is hundreds of thousands of rows: read by column index from SQLite's
        // buffers; a value of another form is read again by name to be named.
        let chain: DatabaseValue = row[0], block: DatabaseValue = row[1], time: DatabaseValue = row[2]
        if let chain = Chain.fromDatabaseValue(chain), let block = Int.fromDatabaseValue(block), let time = Int64.fromDatabaseValue(time),
            case .success(let base) = Result(catching: { try row.decode(StoredWei.self, atIndex: 3) }),
            case .success(let tip) = Result(catching: { try row.decode(StoredWei.self, atIndex: 4) })
        {
            self.init(chain: chain, block: block, timestamp: time, baseFee: base.value, priorityFee: tip.value)
            return
        }
        let r = StoredRow(row: row, table: "gas_prices", key: ["chain", "block"], indexes: StoredRow.indexes(of: row))
        self.init(chain: try r("chain"), block: try r("block"), timestamp: try r("timestamp"), baseFee: try r("base_fee"), priorityFee: try r("priority_fee"))
    }
}

extension GasPriceSource: FetchableRecord {
    /// A row of `gas_price_sources`.
    public init(row: Row) throws {
        let r = StoredRow(row: row, table: "gas_price_sources", key: ["chain", "file"])
        self.init(chain: try r("chain"), source: try r("source"), file: try r("file"), arguments: try r("arguments"))
    }
}
