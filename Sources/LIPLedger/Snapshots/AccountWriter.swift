import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

/// Inserts account rows with one prepared statement and keeps the sums the snapshot needs.
struct AccountWriter {
    let db: Database
    let snapshotID: Int64
    let path: String
    let insert: Statement
    var count = 0
    var totalStake = BigUInt(0)
    var delegatedSums: [String: BigUInt] = [:]
    /// Accounts whose delegated stake the input gave (the others are written 0 and filled in by `finish`).
    var givenDelegated: Set<String> = []
    var sawZeroEntry = false

    init(db: Database, snapshotID: Int64, path: String) throws {
        self.db = db
        self.snapshotID = snapshotID
        self.path = path
        insert = try db.makeStatement(
            sql: """
                INSERT INTO snapshot_accounts (snapshot_id, account, delegate, stake, delegated_stake, registered, active, fees)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    mutating func add(_ row: AccountRow, location: String) throws {
        let stake = Amount.value(ofDigits: row.stake.utf8)
        totalStake += stake
        if let d = row.delegate { delegatedSums[d, default: 0] += stake }
        if row.delegatedStake != nil { givenDelegated.insert(row.account) }
        // Bound through SQLite's own API (`BoundStatements`): an import inserts every row of the file.
        insert.bind(1, integer: snapshotID)
        insert.bind(2, text: row.account)
        insert.bind(3, text: row.delegate)
        insert.bind(4, text: row.stake)
        insert.bind(5, text: row.delegatedStake ?? "0")
        insert.bind(6, integer: row.registered ? 1 : 0)
        insert.bind(7, integer: row.active.map { $0 ? 1 : 0 })
        insert.bind(8, text: row.fees)
        do {
            _ = try insert.stepOnce()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw LIPError.invalidInput(file: path, location: location, message: "duplicate account \(Address(row.account)?.checksummed ?? row.account)")
        }
        count += 1
    }

    /// Fills in the delegated stake that the input did not give: the sum of stake delegated to each
    /// account (rows were written with 0, so only the delegates' rows change).
    func finish() throws {
        let update = try db.makeStatement(sql: "UPDATE snapshot_accounts SET delegated_stake = ? WHERE snapshot_id = ? AND account = ?")
        for (delegate, sum) in delegatedSums.sorted(by: { $0.key < $1.key }) where !givenDelegated.contains(delegate) {
            try update.execute(arguments: [Amount.decimal(sum), snapshotID, delegate])
        }
    }
}
