import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger
import LIPTally

/// Every poll a ledger holds, oldest first (records.md): its LIP, proposal, end block, whether it
/// is open, and an ended poll's result by its poll.yaml's rules with participation.
public struct PollList: Sendable {
    /// One poll.
    public struct Row: Sendable, Equatable {
        public var address: Address
        public var lip: Int?
        /// The proposal's IPFS CID.
        public var proposal: String
        public var createdBlock: Int
        public var endBlock: Int
        /// Whether the ledger holds no stake at or past its end block.
        public var open: Bool
        /// An ended poll's `yes`, `no` or `quorum-not-met`.
        public var result: String?
        /// An ended poll's vote stake over its quorum base, 4 decimals truncated.
        public var participation: String?

        /// As JSON, in the columns' order.
        public var json: JSONValue {
            .object([
                ("address", .string(address.checksummed)), ("lip", lip.map(JSONValue.int) ?? .null), ("proposal", .string(proposal)),
                ("createdBlock", .int(createdBlock)), ("endBlock", .int(endBlock)), ("state", .string(open ? "open" : "ended")), ("result", .string(result)),
                ("participation", .string(participation)),
            ])
        }
    }

    /// The JSON keys, the CSV's columns.
    public static let columns = ["address", "lip", "proposal", "createdBlock", "endBlock", "state", "result", "participation"]

    /// The polls, by creation block, then address.
    public var rows: [Row]
    /// Ended polls not tallied, in words.
    public var warnings: [String]

    /// The polls of `ledger`, by the poll.yaml files of `workspace`.
    public static func build(ledger: Ledger, workspace: Workspace?) throws -> PollList {
        let polls = try ledger.polls(countingVotes: false)
        let files = try workspace.map { try PollFile.all(in: $0) } ?? []
        var rows: [Row] = []
        var warnings: [String] = []
        for poll in polls {
            let resolved = try PollResolver.resolve(poll.address.checksummed, polls: polls, files: files)
            let open = try PollVoting.ended(resolved.parameters, ledger: ledger) == nil
            var row = Row(
                address: poll.address, lip: resolved.parameters.lip, proposal: poll.proposal, createdBlock: poll.createdBlock ?? 0, endBlock: poll.endBlock, open: open,
                result: nil, participation: nil)
            if !open {
                do {
                    let summary = try VoteSummaries.poll(resolved, ledger: ledger)
                    row.result = summary.outcome
                    row.participation = truncatedShare(summary.totalVoteStake, of: summary.totalStake)
                } catch let error as LIPError {
                    guard case .usage(let message) = error else { throw error }
                    warnings.append("poll \(poll.address.checksummed): not tallied: \(message)")
                }
            }
            rows.append(row)
        }
        rows.sort { ($0.createdBlock, $0.address) < ($1.createdBlock, $1.address) }
        return PollList(rows: rows, warnings: warnings)
    }

    /// As JSON: an array of rows.
    public var json: JSONValue { .array(rows.map(\.json)) }
}
