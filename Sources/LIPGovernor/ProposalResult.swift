import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// A tallied governor proposal: the one model that the tally's text and JSON and every export render.
public struct ProposalResult: Sendable {
    /// The proposal as created.
    public var proposal: GovernorProposal
    /// What the views said.
    public var views: ProposalViews
    /// The totals counted by `lip` (after overrides).
    public var totals: ProposalTotals
    /// Every vote, counted; by cast weight (largest first), then address.
    public var votes: [ProposalCount.CountedVote]
    /// floor(totalSupply × quorumNumerator / 10^6).
    public var quorum: BigUInt
    /// For + Against + Abstain reach the quorum.
    public var quorumMet: Bool
    /// floor((For + Against) × quota / 10^6): For must be at least this.
    public var quotaThreshold: BigUInt
    /// The outcome.
    public var result: ProposalOutcome
    /// Whether voting may still change it (the governor said pending or active).
    public var provisional: Bool
    /// Whether the counted totals equal `proposalVotes` (nil when it was not read).
    public var matchesChain: Bool?
    /// The totals that differ from the chain, in words.
    public var differences: [String]
    /// Warnings, in words.
    public var warnings: [String]
    /// SHA-256 of the inputs (`ProposalDigest`), hex.
    public var inputsDigest: String

    /// The title and LIP of the description.
    public var description: ProposalDescription { ProposalDescription(proposal.description) }

    /// The tally JSON: exactly the keys of issue 13, in this order.
    public var json: JSONValue {
        func amount(_ n: BigUInt) -> JSONValue { .string(String(n)) }
        return .object([
            ("proposal", .string(String(proposal.id))),
            ("snapshot", .int(proposal.voteStart)),
            ("deadline", .int(proposal.voteEnd)),
            ("quorumNumerator", amount(views.quorumNumerator)),
            ("quota", amount(views.quota)),
            ("totalSupply", amount(views.totalSupply)),
            ("for", amount(totals.for)),
            ("against", amount(totals.against)),
            ("abstain", amount(totals.abstain)),
            ("quorumMet", .bool(quorumMet)),
            ("result", .string(result.rawValue)),
            ("provisional", .bool(provisional)),
            ("onchain", views.onchain.map { o in .object([("against", amount(o.against)), ("for", amount(o.for)), ("abstain", amount(o.abstain))]) } ?? .null),
            ("matchesChain", matchesChain.map(JSONValue.bool) ?? .null),
            (
                "voters",
                .array(
                    votes.map { v in
                        .object([
                            ("address", .string(v.vote.voter.checksummed)), ("support", .string(v.vote.support.name)),
                            ("castWeight", amount(v.vote.weight)), ("countedWeight", amount(v.countedWeight)),
                        ])
                    })
            ),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("inputsDigest", .string(inputsDigest)),
        ])
    }

    /// LPT with two decimals and grouping, as the forum post and the text show it.
    public func lpt(_ wei: BigUInt) -> String { Amount.formatLPT(wei, decimals: 2, grouping: true) }

    /// Parts per million as a percentage.
    public func ppm(_ value: BigUInt) -> String { Amount.percent(value, of: 1_000_000) + "%" }

    /// The outcome in words.
    public var resultWords: String {
        switch result {
        case .succeeded: return "Succeeded"
        case .defeated: return "Defeated"
        case .quorumNotMet: return "Quorum not met"
        }
    }

}
