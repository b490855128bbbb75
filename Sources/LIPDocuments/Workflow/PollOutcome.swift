import Foundation

/// How a poll ended (LIP-16): what `result.json` says and `lip advance` acts on.
public enum PollOutcome: String, CaseIterable, Sendable {
    /// Quorum met and yes above the quota: the LIP may become Accepted.
    case yes
    /// Quorum met and yes not above the quota: the LIP may become Rejected.
    case no
    /// Too little stake voted: the LIP stays Proposed.
    case quorumNotMet = "quorum-not-met"
}
