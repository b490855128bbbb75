import Foundation
import LIPCore

/// A condition a move must meet; `--force --reason` overrides it.
public enum TransitionGuard: Equatable, Sendable {
    /// Entering Last Call sets `last-call-deadline`.
    case setsDeadline
    /// Leaving Last Call for Proposed needs the deadline to have passed.
    case deadlinePassed
    /// Going back to Draft removes the deadline.
    case removesDeadline
    /// The poll result file must say this result (`yes` or `no`).
    case pollResult(String)
    /// No condition.
    case none

    /// What the guard asks, in words, for `lip show`.
    public var requirement: String {
        switch self {
        case .setsDeadline: return "sets last-call-deadline (default today + 10 days, or --deadline)"
        case .deadlinePassed: return "the last-call-deadline has passed"
        case .removesDeadline: return "removes last-call-deadline"
        case .pollResult(let r): return "Polls/LIP-<n>/result.json says \"result\": \"\(r)\""
        case .none: return "nothing"
        }
    }
}

/// The LIP-1 (as amended by LIP-15) transition table.
public enum TransitionTable {
    /// Every allowed move with its guard.
    public static let moves: [(from: LIPStatus, to: LIPStatus, guard: TransitionGuard)] = [
        (.draft, .lastCall, .setsDeadline),
        (.lastCall, .proposed, .deadlinePassed),
        (.lastCall, .draft, .removesDeadline),
        (.proposed, .accepted, .pollResult("yes")),
        (.proposed, .rejected, .pollResult("no")),
        (.accepted, .final, .none),
        (.draft, .abandoned, .none),
        (.lastCall, .abandoned, .none),
        (.proposed, .abandoned, .none),
    ]

    /// The statuses reachable from `status`, in table order.
    public static func allowed(from status: LIPStatus) -> [LIPStatus] {
        moves.filter { $0.from == status }.map(\.to)
    }

    /// The guard of the move, or nil when the move is not allowed at all.
    public static func guardOf(from: LIPStatus, to: LIPStatus) -> TransitionGuard? {
        moves.first { $0.from == from && $0.to == to }?.guard
    }
}
