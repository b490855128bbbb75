import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPRecords

/// Open votes and their deadlines (`lip due`): text, and an RFC 5545 calendar.
extension Deadlines {
    /// One block per open vote; with an account, whether it and its orchestrator voted.
    public var text: String {
        var out = "Open votes on \(network) at block \(clock.headBlock)"
        if clock.position != clock.headBlock { out += " (L1 block \(clock.position))" }
        out += clock.round.map { ", round \($0.current)" } ?? ""
        out += ": \(items.count)\n"
        for item in items {
            out += "\(item.kind == .poll ? "Poll" : "Proposal") \(item.id): \(VisibleText.oneLine(item.title))\n"
            if item.pending { out += "  pending: voting starts in a later round\n" }
            var deadline = "  closes"
            if let block = item.deadlineBlock { deadline += " after block \(block)" }
            if let round = item.endRound { deadline += (item.deadlineBlock == nil ? " at the end of" : ", the end of") + " round \(round)" }
            var left: [String] = []
            if let blocks = item.blocksLeft { left.append("\(blocks) block\(blocks == 1 ? "" : "s")") }
            if let rounds = item.roundsLeft { left.append("\(rounds) round\(rounds == 1 ? "" : "s")") }
            if !left.isEmpty { deadline += " (in " + left.joined(separator: ", ") + ")" }
            deadline += item.estimatedTime.map { "; estimated \(UTCTimestamp.iso($0)) from recent block times" } ?? "; no time estimate (no recent block times)"
            out += deadline + "\n"
            if let part = item.account, let account {
                var line = "  \(account.checksummed): "
                if let voted = part.voted {
                    line += "voted \(voted)"
                } else if part.awaits {
                    line += "has not voted; its vote would count " + (part.weight.map { LPTFigure.text($0) + " LPT" } ?? "an unknown weight")
                } else {
                    line += item.pending ? "voting has not started" : "nothing to vote with (weight 0)"
                }
                if part.role == "delegator", let delegate = part.delegate {
                    line +=
                        "; its orchestrator \(delegate.checksummed) "
                        + (part.delegateVoted.map { "voted \($0)" + (part.voted == nil ? ": vote to override it" : "") } ?? "has not voted")
                }
                out += line + "\n"
                if part.awaits { out += "  vote: \(voteCommand(item))\n" }
            }
        }
        if account != nil { out += awaitsVote ? "A vote awaits this account.\n" : "Nothing awaits this account.\n" }
        return out
    }

    /// An RFC 5545 calendar: one VEVENT per open vote with a time estimate, a stable UID, DTSTAMP
    /// and DTSTART at the head's time and the estimate (UTC); CRLF lines folded at 75 octets.
    public var ics: String {
        let lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Livepeer lip//lip due//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] + icsEvents + ["END:VCALENDAR"]
        return lines.map(Deadlines.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A VEVENT (unfolded lines) at each vote's estimated deadline; a vote without an estimate has none.
    package var icsEvents: [String] {
        var lines: [String] = []
        for item in items {
            guard let time = item.estimatedTime else { continue }
            var description = "\(item.kind == .poll ? "Poll" : "Proposal") \(item.id)"
            if let block = item.deadlineBlock { description += " closes after block \(block)" }
            if let round = item.endRound { description += ", the end of round \(round)" }
            description += " (the time is an estimate from recent block times).\nVote: \(voteCommand(item))"
            lines += [
                "BEGIN:VEVENT", "UID:\(item.kind.rawValue)-\(item.id)@\(network).lip", "DTSTAMP:\(UTCTimestamp.basic(clock.timestamp))",
                "DTSTART:\(UTCTimestamp.basic(time))", "SUMMARY:" + Deadlines.icsText("Vote closes: " + item.title), "DESCRIPTION:" + Deadlines.icsText(description),
                "END:VEVENT",
            ]
        }
        return lines
    }

    /// TEXT as RFC 5545 writes it: backslash, semicolon and comma escaped, a line break as `\n`,
    /// other controls made visible.
    package static func icsText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default:
                if VisibleText.isLineBreak(scalar) {
                    out += "\\n"
                } else if VisibleText.isControl(scalar) {
                    out += VisibleText.escape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A content line folded at 75 octets (RFC 5545 3.1): a CRLF and a space before each
    /// continuation, never inside a UTF-8 sequence.
    package static func fold(_ line: String) -> String {
        var out = "", octets = 0
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(character)
            octets += size
        }
        return out
    }
}
