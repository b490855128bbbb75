import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// One line of `lip proposal list`: a proposal's id, title, state, deadline and LIP.
public struct ProposalSummary: Sendable, Equatable {
    /// The governor.
    public var governor: Address
    /// The id, decimal.
    public var id: BigUInt
    /// The description's title.
    public var title: String
    /// The state: the governor's `state()` when views were read, else what the lifecycle logs
    /// say (executed, canceled, queued), else `unknown`.
    public var state: String
    /// The deadline round.
    public var deadline: Int
    /// The LIP the description's front matter names.
    public var lip: Int?

    /// Every proposal of the ledger, by creation block.
    public static func all(in ledger: Ledger) throws -> [ProposalSummary] {
        try ledger.proposals().map { p in
            let d = ProposalDescription(p.description)
            let state =
                try ledger.proposalViews(governor: p.governor, id: p.id, delegations: false)?.state.name
                ?? (p.executed ? "executed" : p.canceled ? "canceled" : p.queuedETA != nil ? "queued" : "unknown")
            return ProposalSummary(governor: p.governor, id: p.id, title: d.title, state: state, deadline: p.voteEnd, lip: d.lip)
        }
    }

    /// The summary as JSON.
    public var json: JSONValue {
        .object([
            ("id", .string(String(id))), ("governor", .string(governor.checksummed)), ("title", .string(title)), ("state", .string(state)),
            ("deadline", .int(deadline)), ("lip", .int(lip)),
        ])
    }
}
