import BigInt
import Foundation
import LIPEthereum
import PropertyBased
import Testing

@testable import LIPRecords
@testable import LIPReports
@testable import LIPSite

/// A voter's page is written from the records' compact parts (`SiteVoterPages`), never from the
/// record's entries: on random records (roles, choices, a delegate's choice, weights unknown, 0,
/// below 0.01 LPT, of two machine words and wider, outcomes kept or not, open and ended votes of
/// both kinds, warnings) each page is exactly the page of `VoterRecords.record(i)` as this test
/// renders it from the record (its summary by `VoterRecord`'s own counts), and each row of
/// `voters.html` too. PropertyBased shrinks a failing case.
struct VoterPagesTests {
    /// kind (poll or proposal), open, outcome's pick, the LIP, and per account: role, voted,
    /// delegate's vote, weight's pick, whether it lacks the outcome, a warning.
    static let part = zip(Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.int(in: 0...5), Gen.bool, Gen.int(in: 0...6))
    static let vote = zip(Gen.bool, Gen.bool, Gen.int(in: 0...3), Gen.int(in: 0...2), part.array(of: 3...3))
    static let weights: [BigUInt] = [0, 1, BigUInt(10).power(16), BigUInt(1_353_097) * BigUInt(10).power(16) + 4, BigUInt(1) << 100, BigUInt(1) << 140]

    @Test func everyVoterPageIsThePageOfItsRecord() async throws {
        await propertyCheck(count: 200, input: Self.vote.array(of: 1...5)) { votes in
            let records = Self.records(votes)
            var pages: [String: [UInt8]] = [:]
            let rows = try! SiteVoterPages.write(records, 0..<records.accounts.count, explorers: .mainnet, siteTitle: "T") { pages[$0] = $1 }
            for (i, account) in records.accounts.enumerated() {
                let record = records.record(i)
                let expected = Self.page(record)
                #expect(pages["voters/\(account.lowercased).html"].map { String(decoding: $0, as: UTF8.self) } == expected.page)
                #expect(rows[i] == expected.row)
            }
        }
    }

    /// Records of three accounts in `votes`, as `VoterRecords.build` holds them.
    static func records(_ votes: [(Bool, Bool, Int, Int, [(Int, Int, Int, Int, Bool, Int)])]) -> VoterRecords {
        let accounts = (1...3).map { Address(bytes: Array(repeating: 0, count: 19) + [UInt8($0)]) }
        var columns: [VoterRecords.Column] = []
        for (n, (isPoll, open, outcomePick, lip, parts)) in votes.enumerated() {
            let words = isPoll ? ["yes", "no"] : ["for", "against", "abstain"]
            let outcomes: [String?] = isPoll ? [nil, "yes", "no", "quorum-not-met"] : [nil, "Defeated", "Executed", "Succeeded"]
            let shared = VoteEntry(
                kind: isPoll ? .poll : .proposal, id: isPoll ? "0x" + String(repeating: "\(n)", count: 40) : "1234567890123456\(n)", lip: lip == 0 ? nil : lip,
                createdBlock: n, endBlock: isPoll ? 100 : nil, endRound: isPoll ? nil : 7, open: open, role: nil, delegate: nil, voted: nil, reason: nil,
                weight: nil, delegateVoted: nil, outcome: open ? nil : outcomes[outcomePick])
            var column = VoterRecords.Column(shared: shared, parts: Array(repeating: .init(), count: accounts.count))
            for (i, (role, voted, delegateVoted, weight, withoutOutcome, warning)) in parts.enumerated() {
                var entry = shared
                entry.role = VoterRecords.Part.roles[role]
                entry.voted = voted == 0 ? nil : words[(voted - 1) % words.count]
                entry.delegateVoted = delegateVoted == 0 ? nil : words[(delegateVoted - 1) % words.count]
                entry.weight = weight == 0 ? nil : weights[weight - 1]
                if withoutOutcome { entry.outcome = nil }
                column.set(i, entry, delegate: 0)
                if warning == 6 { column.warnings[i] = "vote \(n): weight unknown <&>" }
            }
            columns.append(column)
        }
        let order = columns.indices.sorted { VoteEntry.precedes(columns[$0].shared, columns[$1].shared) }
        return VoterRecords(accounts: accounts, network: "mainnet", columns: columns, order: order)
    }

    /// The page and `voters.html` row of `record`, from its entries and `VoterRecord`'s counts.
    static func page(_ record: VoterRecord) -> (page: String, row: String) {
        let a = record.account
        let participation = SitePage.text(record.participation ?? "-")
        var body = "<h1>Voter \(a.checksummed)</h1>\n"
        body += "<p>On the explorer: <a href=\"https://arbiscan.io/address/\(a.checksummed)\">Arbitrum (L2)</a> · "
        body += "<a href=\"https://etherscan.io/address/\(a.checksummed)\">Ethereum (L1)</a>.</p>\n"
        body +=
            "<p>Voted in \(record.voted) of the \(record.eligible) ended votes it could weigh in (participation \(participation)); with the outcome in \(record.withOutcome).</p>\n"
        body += "<table class=\"right-5\">\n<tr><th>Vote</th><th>LIP</th><th>Role</th><th>Voted</th><th>Weight (LPT)</th><th>Its orchestrator</th><th>Outcome</th></tr>\n"
        // A row without end tags (HTML lets a table omit them).
        func cell(_ text: String) -> String { "<td>\(SitePage.text(text))" }
        for e in record.entries {
            let page = e.kind == .poll ? "../polls/\(e.id).html" : "../proposals/\(e.id).html"
            let name = e.kind == .poll ? "poll \(e.id.prefix(10))…" : "proposal \(e.id.count > 12 ? String(e.id.prefix(6)) + "…" + String(e.id.suffix(4)) : e.id)"
            body += "<tr><td><a href=\"\(page)\">\(SitePage.text(name))</a>" + cell(e.lip.map { "LIP-\($0)" } ?? "-") + cell(e.role ?? "-")
            body += cell(e.voted ?? (e.open ? "(open)" : "did not vote")) + cell(e.weight.map(LPTFigure.text) ?? "unknown")
            body += cell(e.delegateVoted ?? "-") + cell(e.outcome ?? (e.open ? "open" : "-")) + "\n"
        }
        body += "</table>\n"
        for warning in record.warnings { body += "<p>Note: \(SitePage.text(warning))</p>\n" }
        let row =
            "<tr><td><a href=\"voters/\(a.lowercased).html\"><code>\(a.checksummed)</code></a><td>\(record.voted)<td>\(record.eligible)<td>\(participation)\n"
        return (SitePage.page(title: "Voter \(a.checksummed) — T", root: "../", body: body), row)
    }
}
