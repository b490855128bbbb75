import Foundation

/// A check of a saved poll result against other evidence (the workspace's ledger), which the
/// workflow runs before acting on `result.json`.
public protocol PollResultCheck: Sendable {
    /// Why LIP `lip`'s saved result may not be acted on, or nil when it stands.
    func problem(with saved: PollResultFile, lip: Int) throws -> String?
}
