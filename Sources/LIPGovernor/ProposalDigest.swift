import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPLedger

/// The inputs digest of a proposal tally: SHA-256 over these lines (each ending in `\n`):
///
///     lip-proposal-inputs v1
///     proposal|<governor>|<id>|<voteStart>|<voteEnd>
///     views|<totalSupply>|<quorumNumerator>|<quota>|<state>|<against,for,abstain on chain or ->
///     vote|<voter>|<support 0-2>|<weight>|<block>|<logIndex>|<sha256 of the reason>   by voter
///     delegation|<account>|<delegate>                                                 by account
///
/// Addresses lowercase, amounts decimal wei. Votes are sorted, so the digest, like the totals,
/// does not depend on the order the votes were cast or imported.
public enum ProposalDigest {
    /// The digest, hex.
    public static func of(proposal: GovernorProposal, views: ProposalViews, votes: [GovernorVote]) -> String {
        var hasher = SHA256()
        func add(_ line: String) { hasher.update(data: Data((line + "\n").utf8)) }
        add("lip-proposal-inputs v1")
        add("proposal|\(proposal.governor.lowercased)|\(proposal.id)|\(proposal.voteStart)|\(proposal.voteEnd)")
        let onchain = views.onchain.map { "\($0.against),\($0.for),\($0.abstain)" } ?? "-"
        add("views|\(views.totalSupply)|\(views.quorumNumerator)|\(views.quota)|\(views.state.rawValue)|\(onchain)")
        // The vote and delegation lines (ten thousand of each a proposal) made as bytes in one
        // buffer and hashed a block at a time; each distinct reason hashed once (most are empty).
        var lines: [UInt8] = []
        lines.reserveCapacity(1 << 16)
        // A block or log index as `String(n)` writes it (a chain's are never negative).
        func appendInteger(_ n: Int) {
            if n < 0 { lines += String(n).utf8 } else { Amount.appendDecimal(UInt64(n), to: &lines) }
        }
        func flush(ifOver limit: Int) {
            guard lines.count > limit else { return }
            lines.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            lines.removeAll(keepingCapacity: true)
        }
        var reasons: [String: String] = [:]
        // In voter order by index, each vote read in place (sorting copies of ten thousand votes,
        // and copying each, was a seventh of the digest).
        votes.withUnsafeBufferPointer { votes in
            let byVoter = votes.indices.sorted { votes[$0].voter < votes[$1].voter }
            for i in byVoter {
                let v = votes[i]
                let reason: String
                if let known = reasons[v.reason] {
                    reason = known
                } else {
                    reason = Hex.encode(Array(SHA256.hash(data: Data(v.reason.utf8))))
                    reasons[v.reason] = reason
                }
                lines += "vote|".utf8
                v.voter.appendLowercased(to: &lines)
                lines.append(UInt8(ascii: "|"))
                Amount.appendDecimal(UInt64(v.support.rawValue), to: &lines)
                lines.append(UInt8(ascii: "|"))
                Amount.appendDecimal(v.weight, to: &lines)
                lines.append(UInt8(ascii: "|"))
                appendInteger(v.block)
                lines.append(UInt8(ascii: "|"))
                appendInteger(v.logIndex)
                lines.append(UInt8(ascii: "|"))
                lines += reason.utf8
                lines.append(UInt8(ascii: "\n"))
                flush(ifOver: 60_000)
            }
        }
        for (account, delegate) in views.delegations.sorted(by: { $0.key < $1.key }) {
            lines += "delegation|".utf8
            account.appendLowercased(to: &lines)
            lines += "|".utf8
            delegate.appendLowercased(to: &lines)
            lines += "\n".utf8
            flush(ifOver: 60_000)
        }
        flush(ifOver: 0)
        return Hex.encode(Array(hasher.finalize()))
    }
}
