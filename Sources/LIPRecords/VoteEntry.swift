import BigInt
import Foundation
import LIPCore
import LIPEthereum

/// One account's part in one poll or proposal (records.md): what `lip poll weight` or `lip
/// proposal weight` says at that vote's deciding point, with the vote's outcome.
public struct VoteEntry: Sendable, Equatable {
    /// A poll or a governor proposal.
    public enum Kind: String, Sendable {
        case poll, proposal
    }

    /// Poll or proposal.
    public var kind: Kind
    /// The poll's address (lowercase) or the proposal's id (decimal).
    public var id: String
    /// The LIP: a poll's poll.yaml's, a proposal's description front matter `lip:`.
    public var lip: Int?
    /// The block of its PollCreated or ProposalCreated.
    public var createdBlock: Int
    /// A poll's end block.
    public var endBlock: Int?
    /// A proposal's voteEnd round.
    public var endRound: Int?
    /// Whether voting is still open (or the ledger has not seen it end).
    public var open: Bool
    /// `orchestrator`, `delegator` or `none` at the deciding point; nil when unknown.
    public var role: String?
    /// A delegator's orchestrator.
    public var delegate: Address?
    /// Its choice (`yes`/`no`, `for`/`against`/`abstain`), nil when it did not vote.
    public var voted: String?
    /// A proposal vote's reason; nil when none.
    public var reason: String?
    /// What the tally counted for it, or would have; nil when unknown.
    public var weight: BigUInt?
    /// A delegator's orchestrator's choice.
    public var delegateVoted: String?
    /// A poll's `yes`/`no`/`quorum-not-met`, a proposal's state name; nil while open.
    public var outcome: String?

    /// Whether its choice was the outcome: a poll's yes or no, a proposal's `for` when it
    /// Succeeded, was Queued or Executed, `against` when Defeated.
    public var votedWithOutcome: Bool {
        guard let voted, let outcome, !open else { return false }
        switch kind {
        case .poll: return voted == outcome
        case .proposal: return (voted == "for" && ["Succeeded", "Queued", "Executed"].contains(outcome)) || (voted == "against" && outcome == "Defeated")
        }
    }

    /// Whether it counts as voted in a summary: ended, and it voted.
    package var countsAsVoted: Bool { !open && voted != nil }

    /// Whether it counts as eligible in a summary: ended, and its weight known and above 0, or voted.
    public var isEligible: Bool { !open && (voted != nil || (weight ?? 0) > 0) }

    /// The entry as records.md's JSON, keys in its order.
    public var json: JSONValue {
        .object([
            ("kind", .string(kind.rawValue)), ("id", .string(id)), ("lip", lip.map(JSONValue.int) ?? .null), ("createdBlock", .int(createdBlock)),
            ("endBlock", endBlock.map(JSONValue.int) ?? .null), ("endRound", endRound.map(JSONValue.int) ?? .null), ("open", .bool(open)),
            ("role", .string(role)), ("delegate", .string(delegate?.checksummed)), ("voted", .string(voted)), ("reason", .string(reason)),
            ("weight", .string(weight.map(Amount.decimal))), ("delegateVoted", .string(delegateVoted)), ("outcome", .string(outcome)),
        ])
    }

    /// The JSON keys, the CSV's columns.
    public static let columns = [
        "kind", "id", "lip", "createdBlock", "endBlock", "endRound", "open", "role", "delegate", "voted", "reason", "weight", "delegateVoted", "outcome",
    ]

    /// The order of a record: by creation block, then poll before proposal, then id (a proposal's
    /// decimal id by value).
    static func precedes(_ a: VoteEntry, _ b: VoteEntry) -> Bool { precedes((a.createdBlock, a.kind, a.id), (b.createdBlock, b.kind, b.id)) }

    /// The order of votes named by creation block, kind and id (what records, turnout and deadlines sort by).
    static func precedes(_ a: (block: Int, kind: Kind, id: String), _ b: (block: Int, kind: Kind, id: String)) -> Bool {
        if a.block != b.block { return a.block < b.block }
        if a.kind != b.kind { return a.kind == .poll }
        if a.kind == .proposal, let x = BigUInt(a.id), let y = BigUInt(b.id) { return x < y }
        return a.id < b.id
    }
}

/// A share as records.md writes it: 4 decimals, truncated (`0.8000`); nil when `whole` is 0.
public func truncatedShare(_ part: BigUInt, of whole: BigUInt) -> String? {
    guard whole > 0 else { return nil }
    let scaled = part * 10_000 / whole
    let units = scaled / 10_000, fraction = String(scaled % 10_000)
    return "\(units)." + String(repeating: "0", count: 4 - fraction.count) + fraction
}
