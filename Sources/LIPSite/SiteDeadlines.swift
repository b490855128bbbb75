import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger
import LIPRecords
import LIPReports

/// The open votes the site lists and puts in its calendar: `lip due`'s, measured with the clock
/// the ledger's last sync kept for each chain (`chain_clocks`), never the machine's. A chain no
/// sync has read is placed at its latest snapshot, without a rate: its votes have a deadline block
/// but no estimated date.
enum SiteDeadlines {
    /// The open votes, L2 (with the governor's proposals) then L1 polls, each by deadline.
    static func openVotes(ledger: Ledger, workspace: Workspace) throws -> [Deadlines] {
        let network = try ledger.network()?.name ?? "mainnet"
        let snapshots = try ledger.snapshots()
        var out: [Deadlines] = []
        for chain in [Chain.l2, .l1] {
            let clock =
                try ledger.clock(chain: chain)
                ?? ChainClock(
                    headBlock: 0, position: snapshots.filter { $0.chain == chain }.map(\.l1Position).max() ?? 0, timestamp: 0, sampleSeconds: 0, sampleBlocks: 0,
                    round: nil)
            var due = try Deadlines.build(
                ledger: ledger, workspace: workspace, network: network, chain: chain, clock: clock, account: nil, readers: .init(pollRow: nil, bondingVotes: nil))
            if chain == .l1 { due.items.removeAll { $0.kind == .proposal } }
            out.append(due)
        }
        return out
    }

    /// The index's list of open votes: each linking its page, its deadline block (a proposal's end
    /// round), and its estimated date with what it was estimated from.
    static func html(_ votes: [Deadlines]) -> String {
        let items = votes.flatMap { due in due.items.map { (due, $0) } }
        guard !items.isEmpty else { return "<p>None.</p>\n" }
        var out = "<table>\n<tr><th>Vote</th><th>Closes after</th><th>Estimated (UTC)</th></tr>\n"
        for (due, item) in items {
            let page = item.kind == .poll ? "polls/\(item.id).html" : "proposals/\(item.id).html"
            let parts = [item.deadlineBlock.map { "block \($0)" }, item.endRound.map { "the end of round \($0)" }].compactMap { $0 }
            var closes = parts.isEmpty ? "-" : parts.joined(separator: ", ")
            if item.pending { closes += " (voting not started)" }
            let estimate =
                item.estimatedTime.map {
                    "\(UTCTimestamp.iso($0)) (from block times up to block \(due.clock.headBlock))"
                } ?? "unknown (no sync has read the chain's block times)"
            out +=
                "<tr><td><a href=\"\(page)\">\(SitePage.text(item.title))</a></td><td>\(SitePage.text(closes))</td><td>\(SitePage.text(estimate))</td></tr>\n"
        }
        return out + "</table>\n"
    }
}
