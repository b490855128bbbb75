import BigInt
import Foundation
import GRDB
import LIPCore
import LIPEthereum

extension Ledger {
    /// Imports a benchmark set from a CSV `operation,chain,gas[,tx]`, in one transaction: the same
    /// rows again change nothing; other rows for an existing set need `replace`.
    package func importGas(_ url: URL, path: String, set: String, replace: Bool) throws -> ImportSummary {
        var reader = try CSVReader(url: url, path: path)
        let columns = try reader.header(expected: ["operation", "chain", "gas"], optional: ["tx"])
        var rows: [GasBenchmark] = []
        var lines: [String: Int] = [:]
        while let v = try reader.record(columns: columns) {
            let line = reader.line
            func fail(_ m: String) -> LIPError { LIPError.invalidInput(file: path, location: "\(line)", message: m) }
            let operation = v("operation")
            guard GasBenchmark.isLabel(operation) else { throw fail("operation `\(operation)` is not a label of 1 to 64 letters, digits, `.`, `_` or `-`") }
            guard let chain = Chain(rawValue: v("chain")) else { throw fail("chain `\(v("chain"))` is not l1 or l2") }
            guard let gas = Ledger.wholeNumber(v("gas")) else { throw fail("gas `\(v("gas"))` is not a non-negative whole number") }
            let tx = v("tx")
            guard tx.isEmpty || Ledger.isTransactionHash(tx) else { throw fail("tx `\(tx)` is not a transaction hash (0x + 64 hex digits)") }
            if let first = lines["\(operation)|\(chain.rawValue)"] {
                throw fail("operation \(operation) on \(chain.rawValue) appears twice (first on line \(first))")
            }
            lines["\(operation)|\(chain.rawValue)"] = line
            rows.append(GasBenchmark(operation: operation, chain: chain, gas: gas, tx: tx.isEmpty ? nil : tx.lowercased()))
        }
        guard !rows.isEmpty else { throw LIPError.invalidInput(file: path, location: "", message: "no benchmark rows after the header") }
        return try storeGasSet(rows, name: set, source: "csv", file: path, arguments: "", sha256: try Ledger.fileSHA256(url, path: path), replace: replace)
    }

    /// Stores a benchmark set, in one transaction (see `importGas`).
    package func storeGasSet(
        _ rows: [GasBenchmark], name: String, source: String, file: String, arguments: String, sha256: String, replace: Bool
    ) throws
        -> ImportSummary
    {
        guard GasBenchmark.isLabel(name) else { throw LIPError.usage("--set `\(name)` is not a name of 1 to 64 letters, digits, `.`, `_` or `-`") }
        let sorted = rows.sorted { ($0.operation, $0.chain.rawValue) < ($1.operation, $1.chain.rawValue) }
        var summary = ImportSummary(what: "gas benchmarks, set \(name)", rows: 0)
        try transaction { db in
            let existing = try GasBenchmark.fetchAll(
                db, sql: "SELECT operation, chain, gas, tx, gas_used_for_l1 FROM gas_benchmarks WHERE set_name = ? ORDER BY operation, chain", arguments: [name])
            if !existing.isEmpty {
                if existing == sorted {
                    summary.unchanged = existing.count
                    return
                }
                guard replace else {
                    throw LIPError.usage("the ledger has a set \(name) with other rows (\(existing.count) of them): import it under another --set name, or add --replace")
                }
                try db.execute(sql: "DELETE FROM gas_benchmarks WHERE set_name = ?", arguments: [name])
            }
            let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM gas_sets") ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO gas_sets (name, source, file, content_sha256, arguments, seq) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET source = excluded.source, file = excluded.file, content_sha256 = excluded.content_sha256,
                    arguments = excluded.arguments, seq = excluded.seq
                    """, arguments: [name, source, file, sha256, arguments, seq])
            for r in sorted {
                try db.execute(
                    sql: "INSERT INTO gas_benchmarks (set_name, operation, chain, gas, tx, gas_used_for_l1) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [name, r.operation, r.chain, StoredWei(r.gas), r.tx, r.gasUsedForL1.map(StoredWei.init)])
            }
            summary.rows = sorted.count
        }
        return summary
    }

    /// Imports gas price samples of `chain` from a CSV `block,timestamp,base_fee_wei,priority_fee_wei`,
    /// in one transaction.
    package func importGasPrices(_ url: URL, path: String, chain: Chain, progress: ImportProgress? = nil) throws -> ImportSummary {
        var reader = try CSVReader(url: url, path: path)
        let columns = try reader.header(expected: ["block", "timestamp", "base_fee_wei", "priority_fee_wei"])
        var samples: [(sample: GasPriceSample, location: String)] = []
        while let v = try reader.record(columns: columns) {
            let line = reader.line
            func fail(_ m: String) -> LIPError { LIPError.invalidInput(file: path, location: "\(line)", message: m) }
            guard let block = Int(v("block")), block >= 0, String(block) == v("block") else { throw fail("block `\(v("block"))` is not a block number") }
            guard let timestamp = Int64(v("timestamp")), timestamp >= 0, String(timestamp) == v("timestamp") else {
                throw fail("timestamp `\(v("timestamp"))` is not Unix seconds")
            }
            guard let base = Ledger.wholeNumber(v("base_fee_wei")) else { throw fail("base_fee_wei `\(v("base_fee_wei"))` is not a non-negative whole number of wei") }
            guard let priority = Ledger.wholeNumber(v("priority_fee_wei")) else {
                throw fail("priority_fee_wei `\(v("priority_fee_wei"))` is not a non-negative whole number of wei")
            }
            samples.append((GasPriceSample(chain: chain, block: block, timestamp: timestamp, baseFee: base, priorityFee: priority), "\(line)"))
        }
        return try storeGasPrices(samples, chain: chain, source: "csv", file: path, arguments: "", sha256: try Ledger.fileSHA256(url, path: path), sourceFile: path)
    }

    /// Stores gas price samples, in one transaction: a sample stored again with the same values
    /// changes nothing; with other values it is an error naming `sourceFile` and its location
    /// (the chain does not change its past).
    package func storeGasPrices(
        _ samples: [(sample: GasPriceSample, location: String)], chain: Chain, source: String, file: String, arguments: String, sha256: String, sourceFile: String
    ) throws -> ImportSummary {
        var summary = ImportSummary(what: "gas prices on \(chain.rawValue)", rows: 0)
        try transaction { db in
            let insert = try db.makeStatement(
                sql: "INSERT INTO gas_prices (chain, block, timestamp, base_fee, priority_fee) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            let read = try db.makeStatement(sql: "SELECT chain, block, timestamp, base_fee, priority_fee FROM gas_prices WHERE chain = ? AND block = ?")
            for (s, location) in samples {
                try insert.execute(arguments: [chain, s.block, s.timestamp, StoredWei(s.baseFee), StoredWei(s.priorityFee)])
                if db.changesCount > 0 {
                    summary.rows += 1
                    continue
                }
                let stored = try GasPriceSample.fetchOne(read, arguments: [chain, s.block])
                guard stored == s else {
                    let was = stored.map { "timestamp \($0.timestamp), base fee \($0.baseFee), priority fee \($0.priorityFee)" } ?? "another value"
                    throw LIPError.invalidInput(
                        file: sourceFile, location: location,
                        message:
                            "block \(s.block) on \(chain.rawValue) has timestamp \(s.timestamp), base fee \(s.baseFee), priority fee \(s.priorityFee), but the ledger has \(was) for it: a chain does not change its past"
                    )
                }
                summary.unchanged += 1
            }
            if summary.rows > 0 {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO gas_price_sources (chain, source, file, arguments, content_sha256) VALUES (?, ?, ?, ?, ?)",
                    arguments: [chain, source, file, arguments, sha256])
            }
        }
        return summary
    }

    /// A non-negative whole number in decimal without a sign or leading zeros, below 2^256.
    static func wholeNumber(_ text: String) -> BigUInt? {
        guard !text.isEmpty, text.utf8.count <= 78, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), text == "0" || !text.hasPrefix("0") else { return nil }
        let value = Amount.value(ofDigits: text.utf8)
        return value <= Amount.max ? value : nil
    }

    /// `0x` + 64 hex digits.
    static func isTransactionHash(_ text: String) -> Bool {
        text.utf8.count == 66 && text.hasPrefix("0x")
            && text.utf8.dropFirst(2).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
    }
}
