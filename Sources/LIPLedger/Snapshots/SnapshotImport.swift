import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

extension Ledger {
    /// Imports a stake snapshot from `url` (named `path` in messages), in one transaction.
    package func importSnapshot(_ url: URL, path: String, options: SnapshotOptions, progress: ImportProgress? = nil) throws -> ImportSummary {
        if options.chain == .l2 && options.l1Block == nil {
            throw LIPError.usage("an l2 snapshot needs --l1-block N: the L1 block number Arbitrum reported at block \(options.block)")
        }
        if options.chain == .l1 && options.l1Block != nil {
            throw LIPError.usage("--l1-block is for l2 snapshots only")
        }
        let format = try options.format ?? Ledger.guessFormat(url, path: path)
        let fileDigest = try Ledger.fileSHA256(url, path: path)
        let digest = Ledger.snapshotDigest(fileSHA256: fileDigest, options: options, format: format)
        let what = "snapshot \(options.chain.rawValue)@\(options.block) (\(format.rawValue))"
        return try transaction { db in
            // A bigger page cache for the bulk insert: the delegate index is written out of order.
            try db.execute(sql: "PRAGMA cache_size = -49152")
            if let row = try Row.fetchOne(db, sql: "SELECT id, content_sha256, accounts FROM snapshots WHERE chain = ? AND block = ?", arguments: [options.chain, options.block]) {
                let existing = stored(row, "snapshots", key: ["id"])
                let existingID: Int64 = try existing("id")
                if try existing("content_sha256", as: String.self) == digest {
                    return ImportSummary(what: what, rows: 0, unchanged: try existing("accounts"))
                }
                guard options.replace else {
                    throw LIPError.refused("\(path): the ledger already has a different \(options.chain.rawValue) snapshot at block \(options.block); use --replace to replace it")
                }
                try db.execute(sql: "DELETE FROM snapshot_accounts WHERE snapshot_id = ?", arguments: [existingID])
                try db.execute(sql: "DELETE FROM snapshots WHERE id = ?", arguments: [existingID])
                // The replaced file no longer rebuilds the ledger: drop the import that made that snapshot.
                try db.execute(sql: "DELETE FROM imports WHERE snapshot_id = ?", arguments: [existingID])
            }
            try db.execute(
                sql: """
                    INSERT INTO snapshots (chain, block, l1_block, source, accounts, total_stake, total_bonded, total_active, content_sha256)
                    VALUES (?, ?, ?, ?, 0, '0', ?, ?, ?)
                    """,
                arguments: [options.chain, options.block, options.l1Block, format, options.totalBonded.map(StoredWei.init), options.totalActive.map(StoredWei.init), digest])
            let snapshotID = db.lastInsertedRowID
            // A bulk import into a ledger holding fewer rows than the file brings (a CSV row is about
            // 100 bytes) builds the delegate index once after the insert, inside this transaction,
            // instead of updating it row by row out of order: a third of the time at 10^6 rows.
            let fileBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            // The rows already there are the snapshots' stored counts: no scan of the accounts table.
            let held = try Int.fetchOne(db, sql: "SELECT coalesce(sum(accounts), 0) FROM snapshots") ?? 0
            let rebuildIndex = held < max(1_000, fileBytes / 100)
            if rebuildIndex { try db.execute(sql: "DROP INDEX snapshot_accounts_by_delegate") }
            var writer = try AccountWriter(db: db, snapshotID: snapshotID, path: path)
            var warnings: [String] = []
            switch format {
            case .csv: try Ledger.readCSV(url, path: path, into: &writer, progress: progress)
            case .lip73: try Ledger.readLIP73(url, path: path, into: &writer)
            case .subgraph: warnings += try Ledger.readSubgraph(url, path: path, into: &writer)
            }
            if rebuildIndex {
                // A smaller page cache for the index's sort keeps the import under 100 MB.
                try db.execute(sql: "PRAGMA cache_size = -8192")
                try db.execute(sql: "CREATE INDEX snapshot_accounts_by_delegate ON snapshot_accounts (snapshot_id, delegate)")
            }
            try writer.finish()
            try db.execute(sql: "UPDATE snapshots SET zero_entry = ? WHERE id = ?", arguments: [writer.sawZeroEntry, snapshotID])
            try SnapshotDigest.store(db, snapshotID: snapshotID, ledgerPath: self.path)
            try Ledger.record(
                db,
                ImportRecord(
                    kind: .snapshot, file: path, sha256: fileDigest, chain: options.chain, block: options.block,
                    l1Block: options.l1Block, totalBonded: options.totalBonded, totalActive: options.totalActive,
                    format: options.format), snapshotID: snapshotID)
            if let bonded = options.totalBonded, bonded != writer.totalStake {
                warnings.append(
                    "--total-bonded \(bonded) differs from the sum of stake \(writer.totalStake) by \(bonded > writer.totalStake ? bonded - writer.totalStake : writer.totalStake - bonded) wei; the tally uses --total-bonded"
                )
            }
            return ImportSummary(what: what, rows: writer.count, warnings: warnings)
        }
    }

    static func guessFormat(_ url: URL, path: String) throws -> SnapshotFormat {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw LIPError.unreadable(path: path, reason: "no such file or not readable") }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") { return .lip73 }
        if trimmed.hasPrefix("{") { return .subgraph }
        if trimmed.isEmpty { throw LIPError.invalidInput(file: path, location: "1", message: "empty file") }
        return .csv
    }

    /// What identifies a snapshot's content: the file's SHA-256 and every option that shapes the rows.
    static func snapshotDigest(fileSHA256: String, options: SnapshotOptions, format: SnapshotFormat) -> String {
        let text =
            "\(format.rawValue)|\(options.chain.rawValue)|\(options.block)|\(options.l1Block.map(String.init) ?? "")|\(options.totalBonded.map(String.init) ?? "")|\(options.totalActive.map(String.init) ?? "")|\(fileSHA256)"
        return Hex.encode(Array(SHA256.hash(data: Data(text.utf8))))
    }

    static func readCSV(_ url: URL, path: String, into writer: inout AccountWriter, progress: ImportProgress?) throws {
        var reader = try CSVReader(url: url, path: path)
        guard let header = try reader.next() else { throw LIPError.invalidInput(file: path, location: "1", message: "empty file: expected a header row") }
        let known = ["account", "delegate", "stake", "delegated_stake", "status", "active"]
        var column: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.lowercased()
            guard known.contains(key) else {
                throw LIPError.invalidInput(file: path, location: "\(reader.line)", message: "unknown column `\(name)` (columns: \(known.joined(separator: ", ")))")
            }
            guard column[key] == nil else { throw LIPError.invalidInput(file: path, location: "\(reader.line)", message: "column `\(name)` appears twice") }
            column[key] = i
        }
        for required in ["account", "delegate", "stake"] where column[required] == nil {
            throw LIPError.invalidInput(file: path, location: "\(reader.line)", message: "missing required column `\(required)` (header: \(header.joined(separator: ",")))")
        }
        let a = column["account"]!, d = column["delegate"]!, s = column["stake"]!
        let ds = column["delegated_stake"], st = column["status"], ac = column["active"]
        while let fields = try reader.next() {
            let line = reader.line
            func fail(_ message: String) -> LIPError { LIPError.invalidInput(file: path, location: "\(line)", message: message) }
            guard fields.count == header.count else {
                throw fail("expected \(header.count) fields, found \(fields.count)" + (reader.lastLineUnterminated ? " (the file looks truncated)" : ""))
            }
            guard let account = Address(fields[a]) else { throw fail("account `\(fields[a])` is not an address (\(Address.problem(with: fields[a])))") }
            var delegate: String?
            if !fields[d].isEmpty {
                guard let addr = Address(fields[d]) else { throw fail("delegate `\(fields[d])` is not an address (\(Address.problem(with: fields[d])))") }
                delegate = addr.isZero ? nil : addr.lowercased
            }
            let stake: Substring
            do { stake = try Amount.canonicalWei(Substring(fields[s])) } catch let p as Amount.Problem {
                throw fail("stake `\(fields[s])`: \(p)")
            }
            var delegated: String?
            if let ds, !fields[ds].isEmpty {
                do { delegated = String(try Amount.canonicalWei(Substring(fields[ds]))) } catch let p as Amount.Problem {
                    throw fail("delegated_stake `\(fields[ds])`: \(p)")
                }
            }
            var registered = delegate == account.lowercased
            if let st, !fields[st].isEmpty {
                switch fields[st].lowercased() {
                case "registered": registered = true
                case "not-registered", "notregistered", "not registered": registered = false
                default: throw fail("status `\(fields[st])` is not `registered` or `not-registered`")
                }
            }
            var active: Bool? = false
            if let ac, !fields[ac].isEmpty {
                switch fields[ac].lowercased() {
                case "true", "1": active = true
                case "false", "0": active = false
                default: throw fail("active `\(fields[ac])` is not `true` or `false`")
                }
            }
            try writer.add(
                AccountRow(
                    account: account.lowercased, delegate: delegate, stake: String(stake), delegatedStake: delegated,
                    registered: registered, active: active, fees: nil), location: "\(line)")
            if writer.count % 100_000 == 0 { progress?(writer.count) }
        }
    }

    static func readLIP73(_ url: URL, path: String, into writer: inout AccountWriter) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
        guard let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
            throw LIPError.invalidInput(file: path, location: "", message: "not valid JSON, or not an array of hex strings (is the file truncated?)")
        }
        var seen: [String: [UInt8]] = [:]
        for (i, item) in array.enumerated() {
            let location = "entry \(i)"
            guard let hex = item as? String, let bytes = Hex.decode(hex) else {
                throw LIPError.invalidInput(file: path, location: location, message: "`\(String(describing: item).prefix(40))` is not a hex string")
            }
            guard bytes.count == 104 else {
                throw LIPError.invalidInput(file: path, location: location, message: "entry is \(bytes.count) bytes; a LIP-73 entry is 104 (delegator, delegate, stake, fees)")
            }
            if bytes.allSatisfy({ $0 == 0 }) { writer.sawZeroEntry = true; continue }
            let entry = SnapshotEntry(packed: bytes)
            if let previous = seen[entry.delegator.lowercased] {
                if previous == bytes { continue }
                throw LIPError.invalidInput(file: path, location: location, message: "delegator \(entry.delegator.checksummed) appears twice with different entries")
            }
            seen[entry.delegator.lowercased] = bytes
            try writer.add(
                AccountRow(
                    account: entry.delegator.lowercased, delegate: entry.delegate.isZero ? nil : entry.delegate.lowercased,
                    stake: Amount.decimal(entry.stake), delegatedStake: nil, registered: entry.delegator == entry.delegate,
                    active: nil, fees: String(entry.fees)), location: location)
        }
    }

    static func readSubgraph(_ url: URL, path: String, into writer: inout AccountWriter) throws -> [String] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LIPError.invalidInput(file: path, location: "", message: "not valid JSON (is the file truncated?)")
        }
        guard let body = root["data"] as? [String: Any], let delegators = body["delegators"] as? [[String: Any]] else {
            throw LIPError.invalidInput(file: path, location: "", message: "expected {\"data\": {\"delegators\": [...], \"transcoders\": [...]}}")
        }
        let transcoders = body["transcoders"] as? [[String: Any]] ?? []
        var orchestrators: [String: (total: String, registered: Bool, active: Bool)] = [:]
        for (i, t) in transcoders.enumerated() {
            let location = "transcoders[\(i)]"
            guard let id = t["id"] as? String, let address = Address(id) else {
                throw LIPError.invalidInput(file: path, location: location, message: "id `\(t["id"] ?? "")` is not an address")
            }
            let totalText = "\(t["totalStake"] ?? "0")"
            let total: BigUInt
            do { total = try Amount.parseLPT(totalText) } catch let p as Amount.Problem {
                throw LIPError.invalidInput(file: path, location: location, message: "totalStake `\(totalText)`: \(p)")
            }
            let status = (t["status"] as? String) ?? ""
            orchestrators[address.lowercased] = (String(total), status.lowercased() == "registered", (t["active"] as? Bool) ?? false)
        }
        var seen = Set<String>()
        for (i, item) in delegators.enumerated() {
            let location = "delegators[\(i)]"
            guard let id = item["id"] as? String, let address = Address(id) else {
                throw LIPError.invalidInput(file: path, location: location, message: "id `\(item["id"] ?? "")` is not an address")
            }
            guard seen.insert(address.lowercased).inserted else {
                throw LIPError.invalidInput(file: path, location: location, message: "duplicate account \(address.checksummed)")
            }
            let bondedText = "\(item["bondedAmount"] ?? "0")"
            let bonded: BigUInt
            do { bonded = try Amount.parseLPT(bondedText) } catch let p as Amount.Problem {
                throw LIPError.invalidInput(file: path, location: location, message: "bondedAmount `\(bondedText)`: \(p)")
            }
            var delegate: String?
            if let d = item["delegate"] as? [String: Any], let did = d["id"] as? String {
                guard let da = Address(did) else {
                    throw LIPError.invalidInput(file: path, location: location, message: "delegate id `\(did)` is not an address (\(Address.problem(with: did)))")
                }
                delegate = da.isZero ? nil : da.lowercased
            }
            let o = orchestrators[address.lowercased]
            try writer.add(
                AccountRow(
                    account: address.lowercased, delegate: delegate, stake: Amount.decimal(bonded), delegatedStake: o?.total,
                    registered: o?.registered ?? false, active: o?.active ?? false, fees: nil), location: location)
        }
        for (address, o) in orchestrators.sorted(by: { $0.key < $1.key }) where !seen.contains(address) {
            try writer.add(
                AccountRow(account: address, delegate: nil, stake: "0", delegatedStake: o.total, registered: o.registered, active: o.active, fees: nil), location: "transcoders")
        }
        return ["subgraph bondedAmount is not pendingStake: it lacks unclaimed rewards, so stakes may be lower than on chain"]
    }
}
