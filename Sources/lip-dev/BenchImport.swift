import BigInt
import Foundation
import LIPKit

/// Imports generated snapshot CSVs of 300,000 and 1,000,000 accounts with `lip` (the process as a
/// user runs it), and in the same run the same file with sqlite3's own `.import` into a table of the
/// same shape and indexes with SQLite's default settings; prints both times, their ratio and
/// lip's peak memory.
func benchImport() {
    print("import benchmark: `lip ledger import snapshot` against sqlite3 .import of the same CSV into the same table and indexes, default settings")
    print("(targets: lip <= 1.2x sqlite3 .import at 3x10^5 and 10^6 rows, peak memory < 100 MB; each figure the fastest of 3 runs)")
    print("accounts   sqlite3 s  lip s   ratio  lip peak MB")
    for accounts in sizes([300_000, 1_000_000], smoke: 3_000) {
        let root = scratchDirectory("import-\(accounts)")
        defer { try? FileManager.default.removeItem(at: root) }
        let csv = root.appendingPathComponent("snapshot.csv")
        writeFile(csv, head: "account,delegate,stake\n", count: accounts) { i in
            "\(String(format: "0x%040x", i + 1)),\(String(format: "0x%040x", (i % 1000) + 1)),\(UInt64(i) * 1_000_000_007 % 999_999_999_999 + 1)000000000\n"
        }
        let sqliteDB = root.appendingPathComponent("sqlite3.db").path
        // SQLite's defaults (4 KiB pages): the anchor is what a user of sqlite3 gets.
        let schema =
            "CREATE TABLE snapshot_accounts (account TEXT NOT NULL, delegate TEXT, stake TEXT NOT NULL, PRIMARY KEY (account)) WITHOUT ROWID; CREATE INDEX by_delegate ON snapshot_accounts (delegate);"
        let s = fastest(
            of: 3,
            prepare: {
                removeLedger(sqliteDB)
                _ = measure("/usr/bin/sqlite3", [sqliteDB, schema])
            }
        ) { measure("/usr/bin/sqlite3", [sqliteDB, ".mode csv", ".import --skip 1 \(csv.path) snapshot_accounts"]) }
        precondition(s.exitCode == 0, "sqlite3 .import failed")
        let lipDB = root.appendingPathComponent("lip.sqlite").path
        let l = fastest(of: runsPerFigure, prepare: { removeLedger(lipDB) }) {
            measure(lipExecutable, ["ledger", "import", "snapshot", csv.path, "--chain", "l1", "--block", "1", "--db", lipDB])
        }
        precondition(l.exitCode == 0, "lip import failed")
        print(
            String(accounts).padding(toLength: 11, withPad: " ", startingAt: 0) + format(s.seconds).padding(toLength: 11, withPad: " ", startingAt: 0)
                + format(l.seconds).padding(toLength: 8, withPad: " ", startingAt: 0) + format(l.seconds / s.seconds).padding(toLength: 7, withPad: " ", startingAt: 0)
                + format(l.peakMemoryMB, 1))
    }
}

/// `lip-dev bench-logs`: imports 10^5 and 10^6 vote logs; prints logs per second and peak memory
/// beside the targets (streamed: the same peak at both sizes, under 120 MB; >= 150,000 logs/s).
/// Twice: with random transaction hashes, as on chain (the logs' key then takes each insert at a
/// random place in its index), and with ascending ones (each insert at its end).
func benchLogs() {
    let root = scratchDirectory("logs")
    defer { try? FileManager.default.removeItem(at: root) }
    let poll = Address("0x" + String(repeating: "90", count: 20))!
    let topic0 = LedgerEvent.vote.topic0
    print("logs benchmark: `lip ledger import logs` of Vote logs, each figure the fastest of 3 runs (targets: >= 150,000 logs/s; peak < 120 MB and flat from 10^5 to 10^6)")
    print("hashes     logs      seconds  logs/s     peak MB  anchor: SQLite inserting the same rows itself")
    for ascending in [false, true] {
        for votes in sizes([100_000, 1_000_000], smoke: 1_000) {
            let file = root.appendingPathComponent("votes-\(votes).json")
            // Voters are distinct, one vote each.
            var random = SplitMix64(state: 12)
            writeFile(file, head: "[", count: votes, tail: "]") { i in
                let voter = String(format: "%064x", i + 1)
                let hash = ascending ? String(format: "%064x", i) : (0..<4).map { _ in String(format: "%016llx", random.next()) }.joined()
                let data = Hex.prefixed(ABI.encode(uint: BigUInt(i % 3 == 0 ? 1 : 0)))
                return (i == 0 ? "" : ",\n")
                    + "{\"address\":\"\(poll.lowercased)\",\"topics\":[\"\(topic0)\",\"0x\(voter)\"],\"data\":\"\(data)\",\"blockNumber\":\"0x\(String(1000 + i / 100, radix: 16))\",\"logIndex\":\"0x\(String(i % 100, radix: 16))\",\"transactionHash\":\"0x\(hash)\"}"
            }
            // Each run into a new ledger (an import into one that has the logs changes nothing).
            let lipDB = root.appendingPathComponent("lip-\(votes).sqlite").path
            let m = fastest(of: runsPerFigure, prepare: { removeLedger(lipDB) }) {
                measure(lipExecutable, ["ledger", "import", "logs", file.path, "--chain", "l2", "--db", lipDB])
            }
            precondition(m.exitCode == 0, "lip logs import failed")
            // The anchor: SQLite itself inserting the same rows (the raw logs and the votes, same
            // sizes: blobs of 32 bytes, random or ascending as the hashes, 20, 64 and 32) into the
            // same schema and pages, in one transaction, in WAL mode, with lip's page cache, in the
            // file's order (lip sorts each chunk of logs by hash), no parsing at all.
            let floorDB = root.appendingPathComponent("sqlite-\(votes).sqlite").path
            let empty = root.appendingPathComponent("empty.json")
            try! Data("[]".utf8).write(to: empty)
            let rows = "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < \(votes))"
            let hash = ascending ? "cast(printf('%032d', i) AS BLOB)" : "randomblob(32)"
            let sql = """
                PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; BEGIN;
                \(rows) INSERT INTO logs SELECT 'l2', \(hash), i % 100, 1000 + i / 100, cast(printf('%020d', 9) AS BLOB), cast(printf('%064d', i) AS BLOB), cast(printf('%032d', i % 3 = 0) AS BLOB), 'Vote' FROM c;
                \(rows) INSERT INTO votes SELECT '\(poll.lowercased)', printf('0x%040x', i), i % 3 = 0, 1000 + i / 100, i % 100 FROM c;
                COMMIT;
                """
            let anchor = fastest(
                of: 3,
                prepare: {
                    removeLedger(floorDB)
                    _ = measure(lipExecutable, ["ledger", "import", "logs", empty.path, "--chain", "l2", "--db", floorDB])
                }
            ) { measure("/usr/bin/sqlite3", [floorDB, sql]) }
            precondition(anchor.exitCode == 0, "sqlite3 insert failed")
            print(
                (ascending ? "ascending" : "random").padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(votes).padding(toLength: 10, withPad: " ", startingAt: 0) + format(m.seconds).padding(toLength: 9, withPad: " ", startingAt: 0)
                    + String(Int(Double(votes) / m.seconds)).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + format(m.peakMemoryMB, 1).padding(toLength: 9, withPad: " ", startingAt: 0)
                    + "sqlite3 alone \(format(anchor.seconds)) s (\(Int(Double(votes) / anchor.seconds)) rows/s), lip/sqlite3 \(format(m.seconds / anchor.seconds))")
        }
    }
}

/// Removes the ledger at `path` with its WAL files.
func removeLedger(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

/// Writes `head`, `line(i)` for i in 0..<count and `tail` to `url`, a megabyte at a time, so that
/// a generated input of millions of lines never sits in memory whole.
func writeFile(_ url: URL, head: String, count: Int, tail: String = "", _ line: (Int) -> String) {
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = FileHandle(forWritingAtPath: url.path)!
    var text = head
    for i in 0..<count {
        text += line(i)
        if text.utf8.count > 1 << 20 {
            handle.write(Data(text.utf8))
            text = ""
        }
    }
    handle.write(Data((text + tail).utf8))
    try? handle.close()
}
