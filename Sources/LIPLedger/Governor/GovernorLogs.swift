import BigInt
import Foundation
import LIPEthereum
import GRDB
import LIPCore

extension Ledger {
    /// Decodes one LivepeerGovernor log (governor.md) into the proposal tables. The governor is
    /// the log's address. A log that restates what the ledger holds changes nothing; one that
    /// contradicts it (a second, different vote of one voter) is an error.
    func applyGovernorEvent(_ event: LedgerEvent, _ log: RawLog, db: Database) throws {
        let data = log.data
        let governor = log.address.lowercased
        func round(_ value: BigUInt, _ name: String) throws -> Int {
            guard value <= BigUInt(Int.max / 2) else { throw RowProblem("\(event.rawValue): \(name) \(value) is too large for a round") }
            return Int(value)
        }
        switch event {
        case .proposalCreated:
            let id = try ABI.uint(data, 0)
            let proposer = try ABI.address(data, 1)
            let targets = try ABI.addressArray(data, 2), values = try ABI.uintArray(data, 3)
            let signatures = try ABI.stringArray(data, 4), calldatas = try ABI.bytesArray(data, 5)
            let start = try round(try ABI.uint(data, 6), "voteStart"), end = try round(try ABI.uint(data, 7), "voteEnd")
            let description = try ABI.string(data, 8)
            let row: [DatabaseValueConvertible?] = [
                governor, String(id), proposer.lowercased,
                JSONValue.array(targets.map { .string($0.lowercased) }).serialized(pretty: false),
                JSONValue.array(values.map { .string(String($0)) }).serialized(pretty: false),
                JSONValue.array(signatures.map { .string($0) }).serialized(pretty: false),
                JSONValue.array(calldatas.map { .string(Hex.prefixed($0)) }).serialized(pretty: false),
                start, end, description, log.blockNumber,
            ]
            if let existing = try Row.fetchOne(
                db,
                sql:
                    "SELECT governor, id, proposer, targets, call_values, signatures, calldatas, vote_start, vote_end, description, block FROM proposals WHERE governor = ? AND id = ?",
                arguments: [governor, String(id)])
            {
                let same = zip(existing.databaseValues, row.map { $0?.databaseValue ?? .null }).allSatisfy { $0 == $1 }
                guard same else { throw RowProblem("ProposalCreated of proposal \(id) differs from the proposal already in the ledger") }
                return
            }
            try db.execute(
                sql: """
                    INSERT INTO proposals (governor, id, proposer, targets, call_values, signatures, calldatas, vote_start, vote_end, description, block)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments(row))
        case .voteCast, .voteCastWithParams:
            guard let bytes = log.topic(1) else {
                throw RowProblem("\(event.rawValue) needs topic 1 (the indexed voter)")
            }
            let voter = try ABI.address(bytes, 0).lowercased
            let id = String(try ABI.uint(data, 0))
            let supportWord = try ABI.uint(data, 1)
            guard supportWord <= 2, let support = VoteSupport(rawValue: Int(supportWord)) else {
                throw RowProblem("\(event.rawValue): support \(supportWord) is not 0 (against), 1 (for) or 2 (abstain)")
            }
            let weight = String(try ABI.uint(data, 2))
            let reason = try ABI.string(data, 3)
            let params = event == .voteCastWithParams ? Hex.prefixed(try ABI.bytes(data, 4)) : nil
            if let existing = try Row.fetchOne(
                db, sql: "SELECT support, weight, reason, block, log_index FROM proposal_votes WHERE governor = ? AND proposal = ? AND voter = ?",
                arguments: [governor, id, voter])
            {
                let stored = stored(existing, "proposal_votes", key: ["support", "block", "log_index"])
                if try stored("block", as: Int.self) == log.blockNumber, try stored("log_index", as: Int.self) == log.logIndex { return }
                throw RowProblem(
                    "a second vote of \(Address(lowercase: voter)?.checksummed ?? voter) on proposal \(id): the governor allows one vote per address (the ledger has one at block \(try stored("block", as: Int.self)))"
                )
            }
            try db.execute(
                sql: "INSERT INTO proposal_votes (governor, proposal, voter, support, weight, reason, params, block, log_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [governor, id, voter, support.rawValue, weight, reason, params, log.blockNumber, log.logIndex])
        case .proposalQueued, .proposalExecuted, .proposalCanceled:
            let id = String(try ABI.uint(data, 0))
            let kind = event == .proposalQueued ? "queued" : (event == .proposalExecuted ? "executed" : "canceled")
            let eta = event == .proposalQueued ? String(try ABI.uint(data, 1)) : nil
            try db.execute(
                sql: "INSERT OR IGNORE INTO proposal_events (governor, proposal, kind, eta, block) VALUES (?, ?, ?, ?, ?)",
                arguments: [governor, id, kind, eta, log.blockNumber])
        case .quorumNumeratorUpdated:
            let old = try ABI.uint(data, 0), new = try ABI.uint(data, 1)
            try db.execute(
                sql: "INSERT OR IGNORE INTO quorum_numerator_updates (governor, old_numerator, new_numerator, block, log_index) VALUES (?, ?, ?, ?, ?)",
                arguments: [governor, String(old), String(new), log.blockNumber, log.logIndex])
        default:
            break
        }
    }
}
