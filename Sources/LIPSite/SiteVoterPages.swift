import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPRecords
import LIPReports

/// `voters/0x….html`, a page per account that voted (its record, records.md), and the rows of
/// `voters.html`. Ten thousand pages of two hundred rows: each page is written as bytes from the
/// records' compact parts, every cell's HTML made once per vote and code (a role, a choice, an
/// outcome) rather than once per row, and each row's figures counted by the summary's own rules
/// (`VoteEntry.countsAsVoted`, `isEligible`, `votedWithOutcome`) evaluated once per vote and code.
enum SiteVoterPages {
    /// The pages of the accounts at `indices` of `records`, each given to `give` as it is made,
    /// the account's pages on `explorers` linked (the vote pages link a voter here rather than
    /// there). Returns each account's row of `voters.html`, in the order of `indices`.
    static func write(
        _ records: VoterRecords, _ indices: Range<Int>, explorers: Explorers, siteTitle: String, to give: (String, [UInt8]) throws -> Void
    ) throws -> [String] {
        let votes = records.columnsInRecordOrder.map(VoteCells.init)
        var rows: [String] = []
        rows.reserveCapacity(indices.count)
        // About as many bytes as the last page took.
        var capacity = 4096
        for index in indices {
            let account = records.accounts[index]
            var counts = (voted: 0, eligible: 0, withOutcome: 0)
            for vote in votes {
                let summary = vote.summary(index)
                counts.voted += Int(summary & VoteCells.voted)
                counts.eligible += Int((summary & VoteCells.eligible) >> 1)
                counts.withOutcome += Int((summary & VoteCells.withOutcome) >> 2)
            }
            let participation = truncatedShare(BigUInt(counts.voted), of: BigUInt(counts.eligible))
            let page = SitePage.page(title: "Voter \(account.checksummed) — \(siteTitle)", root: "../", capacity: capacity) { body in
                body += "<h1>Voter ".utf8
                account.appendChecksummed(to: &body)
                body += "</h1>\n".utf8
                let onExplorers = [(Chain.l2, "Arbitrum (L2)"), (Chain.l1, "Ethereum (L1)")].compactMap { chain, name in
                    explorers.url(account, on: chain).map { "<a href=\"\(Escaping.xml($0))\">\(name)</a>" }
                }
                if !onExplorers.isEmpty { body += "<p>On the explorer: \(onExplorers.joined(separator: " · ")).</p>\n".utf8 }
                body +=
                    "<p>Voted in \(counts.voted) of the \(counts.eligible) ended votes it could weigh in (participation \(SitePage.text(participation ?? "-"))); with the outcome in \(counts.withOutcome).</p>\n"
                    .utf8
                // Rows without end tags, as the vote pages' (`SiteVotes.tableHTML`).
                body +=
                    "<table class=\"right-5\">\n<tr><th>Vote</th><th>LIP</th><th>Role</th><th>Voted</th><th>Weight (LPT)</th><th>Its orchestrator</th><th>Outcome</th></tr>\n".utf8
                // A weight's cell once per page: an account often weighs the same in many votes.
                var weights: [WeightKey: [UInt8]] = [:]
                for vote in votes { vote.appendRow(index, to: &body, weights: &weights) }
                body += "</table>\n".utf8
                for warning in records.warnings(index) { body += "<p>Note: \(SitePage.text(warning))</p>\n".utf8 }
            }
            capacity = page.count
            try give("voters/\(account.lowercased).html", page)
            rows.append(
                "<tr><td><a href=\"voters/\(account.lowercased).html\"><code>\(account.checksummed)</code></a><td>\(counts.voted)<td>\(counts.eligible)<td>\(SitePage.text(participation ?? "-"))\n"
            )
        }
        return rows
    }

    /// `voters.html`: every account that voted, by address (a reader finds its own with the
    /// browser's search), each linking its page, with how many ended votes it cast of those it
    /// could weigh in.
    static func list(_ rows: [String], siteTitle: String) -> String {
        let accounts = rows.count == 1 ? "1 account" : "\(rows.count) accounts"
        var body = "<h1>Voters</h1>\n<p>\(accounts) voted in a poll or on a proposal of the ledger; each links its record.</p>\n"
        body.reserveCapacity(rows.count * 180 + 400)
        body += "<table class=\"right-2 right-3 right-4\">\n<tr><th>Account</th><th>Voted</th><th>Of the ended votes it could weigh in</th><th>Participation</th></tr>\n"
        for row in rows { body += row }
        body += "</table>\n"
        return SitePage.page(title: "Voters — \(siteTitle)", root: "", body: body)
    }

    /// A weight that fits the parts' two machine words.
    struct WeightKey: Hashable {
        var low: UInt64, high: UInt64
    }

    /// One vote's cells on the voter pages, made once: the row's start (its link and LIP), and
    /// the cell of each role, choice and outcome its parts can name. A class: a page's loop over
    /// two hundred votes then copies one reference per vote, not a dozen.
    final class VoteCells {
        let column: VoterRecords.Column
        /// The column's parts, by account.
        let parts: [VoterRecords.Part]
        /// `<tr><td><a href="../polls/0x….html">poll 0x…</a><td>LIP-N`.
        let start: [UInt8]
        /// By a part's role code.
        let roles: [[UInt8]]
        /// By a part's voted code (0: it did not vote), and by its delegate's.
        let voted: [[UInt8]], delegateVoted: [[UInt8]]
        /// The outcome's cell, and the cell of a part without the outcome.
        let outcome: [UInt8], withoutOutcome: [UInt8]
        /// By voted code, whether it weighs (2) and whether it is without the outcome (1): the
        /// summary's bits (`voted`, `eligible`, `withOutcome`).
        let summaries: [UInt8]

        static let voted: UInt8 = 1, eligible: UInt8 = 2, withOutcome: UInt8 = 4

        init(_ column: VoterRecords.Column) {
            self.column = column
            parts = column.parts
            let e = column.shared
            let page = e.kind == .poll ? "../polls/\(e.id).html" : "../proposals/\(e.id).html"
            let name = e.kind == .poll ? "poll \(e.id.prefix(10))…" : "proposal \(e.id.count > 12 ? String(e.id.prefix(6)) + "…" + String(e.id.suffix(4)) : e.id)"
            start = Array("<tr><td><a href=\"\(page)\">\(SitePage.text(name))</a>".utf8) + Self.cell(e.lip.map { "LIP-\($0)" } ?? "-")
            roles = VoterRecords.Part.roles.map { Self.cell($0 ?? "-") }
            let codes = 0...column.words.count
            voted = codes.map { Self.cell($0 == 0 ? (e.open ? "(open)" : "did not vote") : column.words[$0 - 1]) }
            delegateVoted = codes.map { Self.cell($0 == 0 ? "-" : column.words[$0 - 1]) }
            outcome = Self.cell(e.outcome ?? (e.open ? "open" : "-"))
            withoutOutcome = Self.cell(e.open ? "open" : "-")
            summaries = codes.flatMap { code in
                [false, true].flatMap { weighs in
                    [false, true].map { without in
                        let entry = column.entryForSummary(voted: UInt8(code), weighs: weighs, withoutOutcome: without)
                        return (entry.countsAsVoted ? Self.voted : 0) | (entry.isEligible ? Self.eligible : 0) | (entry.votedWithOutcome ? Self.withOutcome : 0)
                    }
                }
            }
        }

        /// A cell without its end tag (HTML lets a row omit them).
        static func cell(_ text: String) -> [UInt8] { Array("<td>\(SitePage.text(text))".utf8) }

        /// Account `index`'s summary bits in this vote.
        func summary(_ index: Int) -> UInt8 {
            let part = parts[index]
            let weighs: Bool
            if part.flags & VoterRecords.Part.weightKnown == 0 {
                weighs = false
            } else if part.flags & VoterRecords.Part.wideWeight != 0 {
                weighs = true
            } else {
                weighs = part.low != 0 || part.high != 0
            }
            let without = part.flags & VoterRecords.Part.withoutOutcome != 0
            return summaries[Int(part.voted) * 4 + (weighs ? 2 : 0) + (without ? 1 : 0)]
        }

        /// Account `index`'s row.
        func appendRow(_ index: Int, to out: inout [UInt8], weights: inout [WeightKey: [UInt8]]) {
            let part = parts[index]
            out += start
            out += roles[Int(part.role)]
            out += voted[Int(part.voted)]
            if part.flags & VoterRecords.Part.weightKnown == 0 {
                out += "<td>unknown".utf8
            } else if part.flags & VoterRecords.Part.wideWeight != 0 {
                out += Self.cell(LPTFigure.text(column.weight(index)!))
            } else {
                let key = WeightKey(low: part.low, high: part.high)
                if let known = weights[key] {
                    out += known
                } else {
                    let made = Self.cell(LPTFigure.text(column.weight(index)!))
                    weights[key] = made
                    out += made
                }
            }
            out += delegateVoted[Int(part.delegateVoted)]
            out += part.flags & VoterRecords.Part.withoutOutcome != 0 ? withoutOutcome : outcome
            out += "\n".utf8
        }
    }
}
