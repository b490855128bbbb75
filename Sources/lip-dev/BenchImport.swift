import BigInt
import Foundation
import LIPKit

/// Imports a generated 1,000,000-account snapshot CSV with `lip`, and in the same run the same file
/// with sqlite3's own `.import` into an equivalent table with the same indexes; prints both times,
/// their ratio and lip's peak memory. Then times 100,000 vote logs.
func benchImport(accounts: Int = 1_000_000, votes: Int = 100_000) {
    let root = scratchDirectory("import")
    defer { try? FileManager.default.removeItem(at: root) }
    let csv = root.appendingPathComponent("snapshot.csv")
    _ = FileManager.default.createFile(atPath: csv.path, contents: nil)
    let handle = FileHandle(forWritingAtPath: csv.path)!
    var text = "account,delegate,stake\n"
    for i in 0..<accounts {
        let account = String(format: "0x%040x", i + 1)
        let delegate = String(format: "0x%040x", (i % 1000) + 1)
        text += "\(account),\(delegate),\(UInt64(i) * 1_000_000_007 % 999_999_999_999 + 1)000000000\n"
        if text.utf8.count > 1 << 20 { handle.write(Data(text.utf8)); text = "" }
    }
    handle.write(Data(text.utf8))
    try? handle.close()
    print("import benchmark: \(accounts) accounts (target: lip within 2x of sqlite3 .import, peak memory < 150 MB)")
    let sqliteDB = root.appendingPathComponent("sqlite3.db").path
    let schema =
        "CREATE TABLE snapshot_accounts (account TEXT NOT NULL, delegate TEXT, stake TEXT NOT NULL, PRIMARY KEY (account)) WITHOUT ROWID; CREATE INDEX by_delegate ON snapshot_accounts (delegate);"
    _ = measure("/usr/bin/sqlite3", [sqliteDB, schema])
    let s = measure("/usr/bin/sqlite3", [sqliteDB, ".mode csv", ".import --skip 1 \(csv.path) snapshot_accounts"])
    precondition(s.exitCode == 0, "sqlite3 .import failed")
    let l = measure(lipExecutable, ["ledger", "import", "snapshot", csv.path, "--chain", "l1", "--block", "1", "--db", root.appendingPathComponent("lip.sqlite").path])
    precondition(l.exitCode == 0, "lip import failed")
    print("sqlite3 .import   \(format(s.seconds)) s   peak \(format(s.peakMemoryMB, 1)) MB")
    print("lip ledger import \(format(l.seconds)) s   peak \(format(l.peakMemoryMB, 1)) MB")
    print("ratio lip/sqlite3 \(format(l.seconds / s.seconds))")

    // 100,000 vote logs of one poll.
    let poll = Address("0x" + String(repeating: "90", count: 20))!
    var logs: [String] = []
    logs.reserveCapacity(votes)
    let topic0 = LedgerEvent.vote.topic0
    for i in 0..<votes {
        let voter = String(format: "%064x", i + 1)
        let data = Hex.prefixed(ABI.encode(uint: BigUInt(i % 3 == 0 ? 1 : 0)))
        logs.append(
            "{\"address\":\"\(poll.lowercased)\",\"topics\":[\"\(topic0)\",\"0x\(voter)\"],\"data\":\"\(data)\",\"blockNumber\":\"0x\(String(1000 + i / 100, radix: 16))\",\"logIndex\":\"0x\(String(i % 100, radix: 16))\",\"transactionHash\":\"0x\(String(format: "%064x", i))\"}"
        )
    }
    let logsFile = root.appendingPathComponent("votes.json")
    try! Data(("[" + logs.joined(separator: ",\n") + "]").utf8).write(to: logsFile)
    let v = measure(lipExecutable, ["ledger", "import", "logs", logsFile.path, "--chain", "l2", "--db", root.appendingPathComponent("lip.sqlite").path])
    precondition(v.exitCode == 0, "lip logs import failed")
    print("lip ledger import logs (\(votes) votes) \(format(v.seconds)) s   peak \(format(v.peakMemoryMB, 1)) MB")
}
