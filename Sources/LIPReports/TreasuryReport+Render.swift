import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPTreasury

/// The treasury's movements (`lip treasury`): text, CSV, an SVG of the balance, a forum post.
extension TreasuryReport {
    /// A cut rate of 10^27 as a percentage.
    static func rate(_ r: BigUInt) -> String { Amount.percent(r, of: BigUInt(10).power(27)) + "%" }

    /// What a movement is, in words: `reward from 0x…`, `proposal 12…34 "Title"`.
    func what(_ m: Movement) -> String {
        switch m.kind {
        case .reward: return "reward (\(m.counterparty.checksummed))"
        case .proposal:
            let id = m.proposal.map { String($0) } ?? "?"
            let short = id.count > 12 ? String(id.prefix(6)) + "…" + String(id.suffix(4)) : id
            return "proposal \(short)" + (m.proposalTitle.map { " \"\(VisibleText.oneLine($0).prefix(40))\"" } ?? "")
                + " \(m.incoming ? "from" : "to") \(m.counterparty.checksummed)"
        case .otherIn: return "other in (from \(m.counterparty.checksummed))"
        case .otherOut: return "other out (to \(m.counterparty.checksummed))"
        }
    }

    /// The headline, the ceiling, totals, periods and every movement.
    public var text: String {
        var out = "Treasury \(treasury.checksummed) on \(network), blocks \(fromBlock) to \(toBlock)\n"
        out += "Balance at block \(toBlock): \(LPTFigure.text(balance)) LPT (the movements add up to balanceOf at block \(checkedBlock): \(LPTFigure.text(checkedBalance)) LPT)\n"
        out += "Cut rate: \(Self.rate(ceiling.cutRate)) this round, \(Self.rate(ceiling.nextCutRate)) next round; ceiling "
        out += ceiling.ceiling > 0 ? "\(LPTFigure.text(ceiling.ceiling)) LPT" : "none"
        if ceiling.halted {
            out += "; halted: no reward() pays the treasury this round\n"
        } else if ceiling.stopsNextRound {
            out += "; the balance is at or above the ceiling: the next reward() stops contributions from the next round (this round still pays)\n"
        } else {
            out += "; contributions continue\n"
        }
        var totalsTable = TextTable(header: ["kind", "in (LPT)", "out (LPT)"], right: [1, 2])
        totalsTable.rows = [
            ["reward", LPTFigure.text(totals.reward), "-"], ["proposal", LPTFigure.text(totals.proposalIn), LPTFigure.text(totals.proposalOut)],
            ["other", LPTFigure.text(totals.otherIn), LPTFigure.text(totals.otherOut)],
        ]
        out += "\nTotals\n" + totalsTable.text
        var periodTable = TextTable(header: [grouping == .round ? "round" : "day (UTC)", "in (LPT)", "out (LPT)", "balance after (LPT)"], right: [1, 2, 3])
        periodTable.rows = periods.map {
            [$0.round.map(String.init) ?? $0.day?.description ?? "-", LPTFigure.text($0.incoming), LPTFigure.text($0.outgoing), LPTFigure.text($0.balance)]
        }
        out += "\nBy \(grouping.rawValue)\n" + (periods.isEmpty ? "  (no movements)\n" : periodTable.text)
        var moves = TextTable(header: ["block", "transaction", "kind", "amount (LPT)", "balance after (LPT)"], right: [0, 3, 4])
        moves.rows = movements.map {
            [String($0.block), String($0.transaction.prefix(12)) + "…", what($0), ($0.incoming ? "+" : "-") + LPTFigure.text($0.amount), LPTFigure.text($0.balanceAfter)]
        }
        out += "\nMovements (\(movements.count))\n" + (movements.isEmpty ? "  (none)\n" : moves.text)
        for w in warnings { out += "warning: \(w)\n" }
        return out
    }

    /// One row per movement, the JSON's columns.
    public var csv: String {
        var out = "block,tx,logIndex,kind,counterparty,proposal,amount,balanceAfter\r\n"
        for m in movements {
            let cells = [
                String(m.block), m.transaction, String(m.logIndex), m.kind.rawValue, m.counterparty.checksummed, m.proposal.map { String($0) } ?? "",
                Amount.decimal(m.amount), Amount.decimal(m.balanceAfter),
            ]
            out += cells.map(Escaping.csv).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The balance after each movement over blocks, the ceiling as a dashed line, each executed
    /// proposal marked. A standalone SVG.
    public var svg: String {
        let width = 720, height = 320, left = 80, right = 20, top = 40, plotHeight = 220
        let plotWidth = width - left - right
        let highest = (movements.map(\.balanceAfter) + [ceiling.ceiling, balance]).max() ?? 0
        // The scale: up to the highest balance or ceiling, rounded up to a power-of-ten step.
        var step = BigUInt(10).power(18)
        while step * 10 < highest { step *= 10 }
        let scale = max(step, (highest + step - 1) / step * step)
        func y(_ wei: BigUInt) -> Int { top + plotHeight - Int(min(wei, scale) * BigUInt(plotHeight) / scale) }
        let span = max(1, toBlock - fromBlock)
        func x(_ block: Int) -> Int { left + Int(Int64(max(0, min(span, block - fromBlock))) * Int64(plotWidth) / Int64(span)) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        out += "  <title>Treasury balance, blocks \(fromBlock) to \(toBlock)</title>\n"
        out += "  <rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out += "  <text x=\"\(left)\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Treasury balance (LPT) by block</text>\n"
        out += "  <line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#000000\"/>\n"
        out += "  <line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#000000\"/>\n"
        // Ticks at whole steps (every other one past five), so each label is exact.
        let tickStep = scale / step > 5 ? step * 2 : step
        for tick in stride(from: BigUInt(0), through: scale, by: BigInt(tickStep)) {
            out += "  <line x1=\"\(left - 4)\" y1=\"\(y(tick))\" x2=\"\(left)\" y2=\"\(y(tick))\" stroke=\"#000000\"/>\n"
            out += "  <text x=\"\(left - 8)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\">\(Amount.formatLPT(tick, decimals: 0, grouping: true))</text>\n"
        }
        if ceiling.ceiling > 0 {
            out +=
                "  <line x1=\"\(left)\" y1=\"\(y(ceiling.ceiling))\" x2=\"\(left + plotWidth)\" y2=\"\(y(ceiling.ceiling))\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5 3\"><title>ceiling \(LPTFigure.text(ceiling.ceiling)) LPT</title></line>\n"
        }
        // The balance as steps: flat until the next movement.
        if let first = movements.first {
            var path = "M\(x(fromBlock)) \(y(previous(first)))"
            for m in movements { path += " L\(x(m.block)) \(y(previous(m))) L\(x(m.block)) \(y(m.balanceAfter))" }
            path += " L\(x(toBlock)) \(y(movements.last!.balanceAfter))"
            out += "  <path d=\"\(path)\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"><title>balance</title></path>\n"
        }
        for m in movements where m.kind == .proposal {
            let label = Escaping.xml(
                "proposal \(m.proposal.map { String($0) } ?? "?")\(m.proposalTitle.map { ": \($0)" } ?? ""): \(m.incoming ? "+" : "-")\(LPTFigure.text(m.amount)) LPT at block \(m.block)"
            )
            out += "  <circle cx=\"\(x(m.block))\" cy=\"\(y(m.balanceAfter))\" r=\"5\" fill=\"#6a1b9a\"><title>\(label)</title></circle>\n"
        }
        out += "  <text x=\"\(left)\" y=\"\(top + plotHeight + 18)\">block \(fromBlock)</text>\n"
        out += "  <text x=\"\(left + plotWidth)\" y=\"\(top + plotHeight + 18)\" text-anchor=\"end\">block \(toBlock)</text>\n"
        let ly = height - 24
        out +=
            "  <line x1=\"\(left)\" y1=\"\(ly - 4)\" x2=\"\(left + 30)\" y2=\"\(ly - 4)\" stroke=\"#1565c0\" stroke-width=\"2\"/><text x=\"\(left + 36)\" y=\"\(ly)\">balance</text>\n"
        out +=
            "  <line x1=\"\(left + 110)\" y1=\"\(ly - 4)\" x2=\"\(left + 140)\" y2=\"\(ly - 4)\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/><text x=\"\(left + 146)\" y=\"\(ly)\">ceiling</text>\n"
        out += "  <circle cx=\"\(left + 226)\" cy=\"\(ly - 4)\" r=\"5\" fill=\"#6a1b9a\"/><text x=\"\(left + 236)\" y=\"\(ly)\">executed proposal</text>\n"
        out += "</svg>\n"
        return out
    }

    /// The balance before movement `m`.
    private func previous(_ m: Movement) -> BigUInt { m.incoming ? m.balanceAfter - m.amount : m.balanceAfter + m.amount }

    /// A Discourse post: the table of totals and periods, the chart, the method, the evidence
    /// digest and the commands that rebuild it. `rebuild`: the options naming the network.
    public func forumPost(rebuild: [String]) -> String {
        var out = "## Treasury: where its LPT came from and where it went\n\n"
        out += "Treasury \(treasury.checksummed) on \(Escaping.markdown(network)), blocks \(fromBlock) to \(toBlock): **\(LPTFigure.text(balance)) LPT** at block \(toBlock).\n\n"
        out += "| | In (LPT) | Out (LPT) |\n| --- | ---: | ---: |\n"
        out += "| Rewards (the treasury's cut) | \(LPTFigure.text(totals.reward)) | |\n"
        out += "| Executed proposals | \(LPTFigure.text(totals.proposalIn)) | \(LPTFigure.text(totals.proposalOut)) |\n"
        out += "| Other transfers | \(LPTFigure.text(totals.otherIn)) | \(LPTFigure.text(totals.otherOut)) |\n\n"
        let executed = movements.filter { $0.kind == .proposal }
        if !executed.isEmpty {
            out += "| Proposal | Block | Amount (LPT) |\n| --- | ---: | ---: |\n"
            for m in executed {
                out +=
                    "| \(Escaping.markdown(m.proposalTitle ?? "proposal \(m.proposal.map { String($0) } ?? "?")")) | \(m.block) | \(m.incoming ? "+" : "-")\(LPTFigure.text(m.amount)) |\n"
            }
            out += "\n"
        }
        out += "```text\n"
        let top = periods.map(\.balance).max() ?? 0
        for p in periods.suffix(24) {
            let label = (p.round.map { "round \($0)" } ?? p.day?.description ?? "").padding(toLength: 12, withPad: " ", startingAt: 0)
            let bar = top > 0 ? String(repeating: "█", count: Int(p.balance * 40 / top)) : ""
            out += "\(label) \(bar) \(LPTFigure.text(p.balance))\n"
        }
        out += "```\n\n"
        out += "Cut rate \(Self.rate(ceiling.cutRate)) this round, \(Self.rate(ceiling.nextCutRate)) next; ceiling "
        out += (ceiling.ceiling > 0 ? "\(LPTFigure.text(ceiling.ceiling)) LPT" : "none") + (ceiling.halted ? "; contributions are halted.\n\n" : ".\n\n")
        out +=
            "Method: every LPT `Transfer` into or out of the treasury, read from the chain; a transfer in with a `TreasuryReward` of the same amount in its transaction is a reward, one in the transaction of a `ProposalExecuted` is that proposal's (its calldata checked against it), any other is named as such. "
        out += "The movements add up to the treasury's `balanceOf` at block \(checkedBlock) (\(LPTFigure.text(checkedBalance)) LPT), or no report is made.\n\n"
        if !warnings.isEmpty { out += "**Warnings**\n\n" + warnings.map { "- " + Escaping.markdown($0) + "\n" }.joined() + "\n" }
        out += "Evidence digest (SHA-256 of the movements and the balance): `\(evidenceDigest)`\n\n"
        out += "Rebuild it:\n\n```sh\n"
        out += ShellWord.line(["lip", "ledger", "sync", "treasury"] + rebuild + ["--to-block", String(checkedBlock)]) + "\n"
        out += ShellWord.line(["lip", "treasury"] + rebuild + ["--to-block", String(toBlock), "--by", grouping.rawValue, "--format", "forum"]) + "\n"
        out += "```\n"
        return out
    }
}
