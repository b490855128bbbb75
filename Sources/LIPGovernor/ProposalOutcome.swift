import Foundation

/// How a governor proposal ended (or stands, while provisional).
public enum ProposalOutcome: String, CaseIterable, Sendable {
    /// Quorum met and For at least the quota of For + Against.
    case succeeded
    /// Quorum met, For below the quota.
    case defeated
    /// For + Against + Abstain below quorum.
    case quorumNotMet = "quorum-not-met"
}
