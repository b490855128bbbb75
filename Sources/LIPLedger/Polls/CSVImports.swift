import Foundation
import LIPEthereum
import LIPCore
import GRDB

extension Ledger {
    /// Imports votes of one poll from a CSV `voter,choice,block,log_index`, in one transaction.
    package func importVotes(_ url: URL, path: String, poll: Address) throws -> ImportSummary {
        var reader = try CSVReader(url: url, path: path)
        let columns = try reader.header(expected: ["voter", "choice", "block", "log_index"])
        var summary = ImportSummary(what: "votes for poll \(poll.checksummed)", rows: 0)
        try transaction { db in
            while let v = try reader.record(columns: columns) {
                let location = "\(reader.line)"
                func fail(_ m: String) -> LIPError { LIPError.invalidInput(file: path, location: location, message: m) }
                guard let voter = Address(v("voter")) else { throw fail("voter `\(v("voter"))` is not an address (\(Address.problem(with: v("voter"))))") }
                let choice: String
                do { choice = String(try Amount.parseWei(v("choice"))) } catch { throw fail("choice `\(v("choice"))` is not a whole number") }
                guard let block = Int(v("block")), block >= 0 else { throw fail("block `\(v("block"))` is not a block number") }
                guard let logIndex = Int(v("log_index")), logIndex >= 0 else { throw fail("log_index `\(v("log_index"))` is not a whole number") }
                let before = db.totalChangesCount
                do { try Ledger.insertVote(db, poll: poll.lowercased, voter: voter.lowercased, choice: choice, block: block, logIndex: logIndex) } catch let problem as RowProblem {
                    throw fail(problem.message)
                }
                if db.totalChangesCount > before { summary.rows += 1 } else { summary.unchanged += 1 }
            }
            if summary.rows > 0 { try Ledger.record(db, ImportRecord(kind: .votes, file: path, sha256: try Ledger.fileSHA256(url, path: path), poll: poll)) }
        }
        return summary
    }

    /// Imports migrations from a CSV `kind,l1_account,l2_account,l2_block,pool`, in one transaction.
    package func importMigrations(_ url: URL, path: String) throws -> ImportSummary {
        var reader = try CSVReader(url: url, path: path)
        let columns = try reader.header(expected: ["kind", "l1_account", "l2_account", "l2_block", "pool"])
        var summary = ImportSummary(what: "migrations", rows: 0)
        try transaction { db in
            while let v = try reader.record(columns: columns) {
                let location = "\(reader.line)"
                func fail(_ m: String) -> LIPError { LIPError.invalidInput(file: path, location: location, message: m) }
                guard let kind = MigrationKind(rawValue: v("kind").lowercased()), kind != .pool else { throw fail("kind `\(v("kind"))` is not delegator, claim or orchestrator") }
                guard let l1 = Address(v("l1_account")) else { throw fail("l1_account `\(v("l1_account"))` is not an address (\(Address.problem(with: v("l1_account"))))") }
                var l2: Address? = nil
                if !v("l2_account").isEmpty {
                    guard let a = Address(v("l2_account")) else { throw fail("l2_account `\(v("l2_account"))` is not an address (\(Address.problem(with: v("l2_account"))))") }
                    l2 = a
                }
                if kind == .claim { l2 = l2 ?? l1 }
                guard let l2 else { throw fail("a \(kind.rawValue) migration needs l2_account") }
                guard let block = Int(v("l2_block")), block >= 0 else { throw fail("l2_block `\(v("l2_block"))` is not a block number") }
                var pool: Address? = nil
                if !v("pool").isEmpty {
                    guard let p = Address(v("pool")) else { throw fail("pool `\(v("pool"))` is not an address (\(Address.problem(with: v("pool"))))") }
                    pool = p
                }
                if kind == .orchestrator && pool == nil { throw fail("an orchestrator migration needs the pool address") }
                let added: Bool
                do {
                    added = try insertMigration(db, kind: kind, l1: l1.lowercased, l2: l2.lowercased, l2Block: block, pool: pool?.lowercased, delegate: nil, stake: nil)
                } catch let problem as RowProblem { throw fail(problem.message) }
                if added { summary.rows += 1 } else { summary.unchanged += 1 }
            }
            if summary.rows > 0 { try Ledger.record(db, ImportRecord(kind: .migrations, file: path, sha256: try Ledger.fileSHA256(url, path: path))) }
        }
        return summary
    }
}
