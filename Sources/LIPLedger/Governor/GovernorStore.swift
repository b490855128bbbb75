import BigInt
import Crypto
import Foundation
import LIPEthereum
import GRDB
import LIPCore

extension Ledger {
    /// Imports a governor-state file in one transaction. Each proposal it names gets these views
    /// (the newest read replaces an older one: state and on-chain totals move as voting goes on).
    package func importGovernorState(_ url: URL, path: String) throws -> ImportSummary {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw LIPError.unreadable(path: path, reason: FileProblem.describe(nil, at: url))
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
        let file = try GovernorStateFile(data: data, path: path)
        let record = ImportRecord(kind: .governorState, file: path, sha256: Hex.encode(Array(SHA256.hash(data: data))))
        var summary = ImportSummary(what: "governor state of \(file.governor.checksummed)", rows: 0)
        try transaction(changing: .governor(file.governor)) { db in
            for views in file.proposals {
                if try Ledger.storeViews(db, governor: file.governor, views) { summary.rows += 1 } else { summary.unchanged += 1 }
            }
            if summary.rows > 0 { try Ledger.record(db, record) }
        }
        return summary
    }

    /// Stores what `lip ledger sync proposals` read, in one transaction: the governor's logs and
    /// each proposal's views, and what BondingVotes said of the pool's orchestrators at each
    /// proposal's snapshot round (`stakes`, by proposal id). The same sync again changes nothing.
    package func storeProposalSync(logs: [EventLog], state: GovernorStateFile, stakes: [BigUInt: [ProposalStake]] = [:], record: ImportRecord) throws -> ImportSummary {
        var summary = ImportSummary(what: "sync of \(state.governor.checksummed)", rows: 0)
        try transaction(changing: .governor(state.governor)) { db in
            try storeLogs(logs, chain: .l2, db: db, links: [:], source: record.file, into: &summary)
            for views in state.proposals {
                if try Ledger.storeViews(db, governor: state.governor, views) { summary.rows += 1 } else { summary.unchanged += 1 }
            }
            for (id, list) in stakes.sorted(by: { $0.key < $1.key }) where try Ledger.storeStakes(db, governor: state.governor, id: id, list) {
                summary.rows += 1
            }
            if summary.rows > 0 { try Ledger.record(db, record) }
        }
        return summary
    }

    /// Replaces the stored views of one proposal; false when they were stored already, the same.
    static func storeViews(_ db: Database, governor: Address, _ v: ProposalViews) throws -> Bool {
        let key: [DatabaseValueConvertible] = [governor, String(v.id)]
        let row: [DatabaseValueConvertible?] = [
            governor, String(v.id), StoredWei(v.totalSupply), StoredWei(v.quorumNumerator), StoredWei(v.quota), v.onchain.map { StoredWei($0.against) },
            v.onchain.map { StoredWei($0.for) }, v.onchain.map { StoredWei($0.abstain) }, v.state.rawValue,
        ]
        let delegations = v.delegations.keys.sorted().map { [$0.lowercased, v.delegations[$0]!.lowercased] }
        if let existing = try Row.fetchOne(
            db,
            sql:
                "SELECT governor, proposal, total_supply, quorum_numerator, quota, onchain_against, onchain_for, onchain_abstain, state FROM proposal_views WHERE governor = ? AND proposal = ?",
            arguments: StatementArguments(key))
        {
            let sameViews = zip(existing.databaseValues, row.map { $0?.databaseValue ?? .null }).allSatisfy { $0 == $1 }
            let stored = try Row.fetchAll(
                db, sql: "SELECT account, delegate FROM proposal_delegations WHERE governor = ? AND proposal = ? ORDER BY account", arguments: StatementArguments(key)
            ).map { [$0[0] as String? ?? "", $0[1] as String? ?? ""] }
            if sameViews && stored == delegations { return false }
        }
        try db.execute(sql: "DELETE FROM proposal_views WHERE governor = ? AND proposal = ?", arguments: StatementArguments(key))
        try db.execute(sql: "DELETE FROM proposal_delegations WHERE governor = ? AND proposal = ?", arguments: StatementArguments(key))
        try db.execute(
            sql: """
                INSERT INTO proposal_views (governor, proposal, total_supply, quorum_numerator, quota, onchain_against, onchain_for, onchain_abstain, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments(row))
        let insert = try db.makeStatement(sql: "INSERT INTO proposal_delegations (governor, proposal, account, delegate) VALUES (?, ?, ?, ?)")
        for pair in delegations { try insert.execute(arguments: [governor, String(v.id), pair[0], pair[1]]) }
        return true
    }
}
