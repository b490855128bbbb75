import BigInt
import Crypto
import Foundation
import GRDB
import LIPCore
import LIPEthereum

extension Ledger {
    /// Imports measurements into a benchmark set from a CSV read by its header (any order):
    /// `operation`, `chain`, `gas` required; `tx`, `gas_used_for_l1`, `source` optional (an empty
    /// cell is absent). In one transaction; see `storeGasSet` for how a set grows.
    package func importGas(_ url: URL, path: String, set: String, replace: Bool) throws -> ImportSummary {
        var reader = try CSVReader(url: url, path: path)
        let columns = try reader.header(expected: ["operation", "chain", "gas"], optional: ["tx", "gas_used_for_l1", "source"])
        var rows: [GasBenchmark] = []
        var measured = GasBenchmark.Measured()
        while let v = try reader.record(columns: columns) {
            let line = reader.line
            func fail(_ m: String) -> LIPError { LIPError.invalidInput(file: path, location: "\(line)", message: m) }
            func cell(_ name: String) -> String { columns[name] == nil ? "" : v(name) }
            let operation = v("operation")
            guard GasBenchmark.isLabel(operation) else {
                throw fail("operation `\(VisibleText.oneLine(operation))` is not a label of 1 to 64 letters, digits, `.`, `_` or `-`")
            }
            guard let chain = Chain(rawValue: v("chain")) else { throw fail("chain `\(VisibleText.oneLine(v("chain")))` is not l1 or l2") }
            guard let gas = Ledger.wholeNumber(v("gas")) else { throw fail("gas `\(VisibleText.oneLine(v("gas")))` is not a non-negative whole number") }
            let tx = cell("tx")
            guard tx.isEmpty || Ledger.isTransactionHash(tx) else { throw fail("tx `\(VisibleText.oneLine(tx))` is not a transaction hash (0x + 64 hex digits)") }
            var forL1: BigUInt?
            let forL1Text = cell("gas_used_for_l1")
            if !forL1Text.isEmpty {
                guard chain == .l2 else { throw fail("gas_used_for_l1 is Arbitrum's (an l2 receipt's), not l1's") }
                guard let n = Ledger.wholeNumber(forL1Text) else { throw fail("gas_used_for_l1 `\(VisibleText.oneLine(forL1Text))` is not a non-negative whole number") }
                guard n <= gas else { throw fail("gas_used_for_l1 \(n) is more than gas \(gas), which includes it") }
                forL1 = n
            }
            let source = cell("source")
            guard VisibleText.oneLine(source) == source, source.utf8.count <= 512 else {
                throw fail("source `\(VisibleText.oneLine(String(source.prefix(80))))` is not one line of visible text of at most 512 bytes")
            }
            let row = GasBenchmark(
                operation: operation, chain: chain, gas: gas, tx: tx.isEmpty ? nil : tx.lowercased(), gasUsedForL1: forL1, source: source.isEmpty ? nil : source)
            if let problem = measured.add(row, at: "line \(line)") { throw fail(problem) }
            rows.append(row)
        }
        guard !rows.isEmpty else { throw LIPError.invalidInput(file: path, location: "", message: "no benchmark rows after the header") }
        return try storeGasSet(rows, name: set, source: "csv", file: path, arguments: "", sha256: try Ledger.fileSHA256(url, path: path), replace: replace)
    }

    /// Stores receipts read from a node of `network` into set `name` (see `storeGasSet`), with
    /// the arguments that read them again and the digest of what was read.
    package func storeGasReceipts(_ rows: [GasBenchmark], name: String, chain: Chain, network: String, replace: Bool) throws -> ImportSummary {
        var measured = GasBenchmark.Measured()
        for row in rows {
            if let problem = measured.add(row, at: "argument \(row.operation)=\(row.tx ?? "-")") { throw LIPError.usage(problem) }
        }
        let arguments = "--chain \(chain.rawValue) " + rows.map { "\($0.operation)=\($0.tx ?? "-")" }.joined(separator: " ")
        var hasher = SHA256()
        for r in rows {
            hasher.update(data: Data("\(r.operation)|\(r.chain.rawValue)|\(r.gas)|\(r.tx ?? "-")|\(r.gasUsedForL1.map(String.init) ?? "-")\n".utf8))
        }
        let sha = Hex.encode(Array(hasher.finalize()))
        return try storeGasSet(rows, name: name, source: "sync", file: network, arguments: arguments, sha256: sha, replace: replace)
    }

    /// Stores measurements into set `name`, in one transaction, chain by chain: the rows of a chain
    /// the set has none of are added; the same rows again change nothing; other rows for a chain
    /// the set has are refused unless `replace`, which replaces that chain's rows only.
    package func storeGasSet(
        _ rows: [GasBenchmark], name: String, source: String, file: String, arguments: String, sha256: String, replace: Bool
    ) throws
        -> ImportSummary
    {
        guard GasBenchmark.isLabel(name) else { throw LIPError.usage("--set `\(VisibleText.oneLine(name))` is not a name of 1 to 64 letters, digits, `.`, `_` or `-`") }
        var summary = ImportSummary(what: "gas benchmarks, set \(name)", rows: 0)
        try transaction(changing: .nothing) { db in
            var changed = false
            for chain in [Chain.l1, .l2] {
                let incoming = rows.filter { $0.chain == chain }.sorted(by: GasBenchmark.inOrder)
                guard !incoming.isEmpty else { continue }
                let existing = try Ledger.gasMeasurements(db, set: name, chain: chain)
                if existing == incoming {
                    summary.unchanged += existing.count
                    continue
                }
                if !existing.isEmpty {
                    guard replace else {
                        throw LIPError.usage(
                            "the ledger's set \(name) has other \(chain.rawValue) rows (\(existing.count) of them): import them under another --set name, or add --replace to replace its \(chain.rawValue) rows"
                        )
                    }
                    try db.execute(sql: "DELETE FROM gas_measurements WHERE set_name = ? AND chain = ?", arguments: [name, chain])
                }
                if !changed {
                    let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM gas_sets") ?? 0) + 1
                    try db.execute(
                        sql: """
                            INSERT INTO gas_sets (name, source, file, content_sha256, arguments, seq) VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (name) DO UPDATE SET source = excluded.source, file = excluded.file, content_sha256 = excluded.content_sha256,
                            arguments = excluded.arguments, seq = excluded.seq
                            """, arguments: [name, source, file, sha256, arguments, seq])
                    changed = true
                }
                try db.execute(
                    sql: """
                        INSERT INTO gas_set_sources (set_name, chain, source, file, content_sha256, arguments) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (set_name, chain) DO UPDATE SET source = excluded.source, file = excluded.file,
                        content_sha256 = excluded.content_sha256, arguments = excluded.arguments
                        """, arguments: [name, chain, source, file, sha256, arguments])
                for r in incoming {
                    try db.execute(
                        sql: "INSERT INTO gas_measurements (set_name, operation, chain, gas, tx, gas_used_for_l1, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        arguments: [name, r.operation, r.chain, StoredWei(r.gas), r.tx, r.gasUsedForL1.map(StoredWei.init), r.source])
                }
                summary.rows += incoming.count
            }
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

    /// Stores gas price samples read from a node of `network` (`arguments` ask for them again),
    /// with the digest of what was read.
    package func storeSyncedGasPrices(_ samples: [GasPriceSample], chain: Chain, network: String, arguments: String, endpoint: String) throws -> ImportSummary {
        var hasher = SHA256()
        for s in samples { hasher.update(data: Data("\(s.block)|\(s.timestamp)|\(s.baseFee)|\(s.priorityFee)\n".utf8)) }
        return try storeGasPrices(
            samples.map { ($0, "block \($0.block)") }, chain: chain, source: "sync", file: network, arguments: arguments, sha256: Hex.encode(Array(hasher.finalize())),
            sourceFile: endpoint)
    }

    /// Stores gas price samples, in one transaction: a sample stored again with the same values
    /// changes nothing; with other values it is an error naming `sourceFile` and its location
    /// (the chain does not change its past).
    package func storeGasPrices(
        _ samples: [(sample: GasPriceSample, location: String)], chain: Chain, source: String, file: String, arguments: String, sha256: String, sourceFile: String
    ) throws -> ImportSummary {
        var summary = ImportSummary(what: "gas prices on \(chain.rawValue)", rows: 0)
        try transaction(changing: .nothing) { db in
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
