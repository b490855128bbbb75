import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPRecords

/// An account's voting record for people choosing an orchestrator (`lip voter`), and as CSV.
extension VoterRecord {
    /// One line per poll and proposal, then the summary.
    public var text: String {
        let polls = entries.filter { $0.kind == .poll }.count, proposals = entries.count - polls
        var out = "Votes of \(account.checksummed) on \(network): \(polls) poll\(polls == 1 ? "" : "s") and \(proposals) proposal\(proposals == 1 ? "" : "s") in the ledger\n"
        var table = TextTable(header: ["vote", "lip", "ends", "role", "voted", "weight (LPT)", "its orchestrator", "outcome"], right: [5])
        for e in entries {
            let name = e.kind == .poll ? "poll \(e.id.prefix(10))…" : "proposal \(e.id.count > 12 ? String(e.id.prefix(6)) + "…" + String(e.id.suffix(4)) : e.id)"
            let ends = e.kind == .poll ? "block \(e.endBlock ?? 0)" : "round \(e.endRound ?? 0)"
            table.rows.append([
                name, e.lip.map { "LIP-\($0)" } ?? "-", ends, e.role ?? "unknown", e.voted ?? "-", e.weight.map(LPTFigure.text) ?? "unknown",
                e.delegateVoted ?? "-", e.open ? "open" : (e.outcome ?? "-"),
            ])
        }
        if !entries.isEmpty { out += table.text }
        out += "Summary: voted in \(voted) of \(eligible) ended votes it could weigh in"
        out += participation.map { " (participation \($0))" } ?? ""
        out += "; its choice was the outcome in \(withOutcome)\n"
        for e in entries where e.reason != nil { out += "  reason on proposal \(e.id): \(VisibleText.oneLine(e.reason ?? ""))\n" }
        return out
    }

    /// One row per entry, the JSON's columns (RFC 4180, CRLF line ends; text neutralised).
    public var csv: String {
        var out = VoteEntry.columns.joined(separator: ",") + "\r\n"
        for e in entries {
            let cells: [String] = [
                e.kind.rawValue, e.id, e.lip.map(String.init) ?? "", String(e.createdBlock), e.endBlock.map(String.init) ?? "", e.endRound.map(String.init) ?? "",
                e.open ? "true" : "false", e.role ?? "", e.delegate?.checksummed ?? "", e.voted ?? "", e.reason ?? "", e.weight.map(Amount.decimal) ?? "",
                e.delegateVoted ?? "", e.outcome ?? "",
            ]
            out += cells.map(Escaping.csv).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

extension PollList {
    /// One line per poll.
    public var text: String {
        guard !rows.isEmpty else { return "No polls in the ledger.\n" }
        var table = TextTable(header: ["poll", "lip", "proposal", "end block", "state", "result", "participation"], right: [3])
        for r in rows {
            table.rows.append([
                r.address.checksummed, r.lip.map { "LIP-\($0)" } ?? "-", r.proposal, String(r.endBlock), r.open ? "open" : "ended", r.result ?? "-",
                r.participation ?? "-",
            ])
        }
        return table.text
    }

    /// One row per poll (RFC 4180, CRLF).
    public var csv: String {
        var out = PollList.columns.joined(separator: ",") + "\r\n"
        for r in rows {
            let cells = [
                r.address.checksummed, r.lip.map(String.init) ?? "", r.proposal, String(r.createdBlock), String(r.endBlock), r.open ? "open" : "ended", r.result ?? "",
                r.participation ?? "",
            ]
            out += cells.map(Escaping.csv).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
