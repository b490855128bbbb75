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
    case pollResult(PollOutcome)
    /// No condition.
    case none

    /// What the guard asks, in words, for `lip show`.
    public var requirement: String {
        switch self {
        case .setsDeadline: return "sets last-call-deadline (default today + 10 days, or --deadline)"
        case .deadlinePassed: return "the last-call-deadline has passed"
        case .removesDeadline: return "removes last-call-deadline"
        case .pollResult(let r): return "Polls/LIP-<n>/result.json says \"result\": \"\(r.rawValue)\""
        case .none: return "nothing"
        }
    }
}
