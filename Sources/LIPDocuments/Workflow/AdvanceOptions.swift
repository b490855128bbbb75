import Foundation
import LIPCore

/// Options of one `lip advance`.
public struct AdvanceOptions: Sendable {
    /// The Last Call deadline to set (default: today + 10 days).
    public var deadline: CalendarDate?
    /// Override guards (never an impossible move).
    public var force: Bool
    /// Why the guard is overridden; required with `force`.
    public var reason: String?
    /// Today's date.
    public var today: CalendarDate
    /// What else a saved poll result must agree with (the workspace's ledger), if anything.
    public var resultCheck: (any PollResultCheck)?
    /// Poll results about to be written with the move (`lip reconcile --fix`), read instead of the files.
    public var pendingResults: [Int: PollResultFile] = [:]

    /// Creates options.
    public init(deadline: CalendarDate? = nil, force: Bool = false, reason: String? = nil, today: CalendarDate, resultCheck: (any PollResultCheck)? = nil) {
        self.deadline = deadline
        self.force = force
        self.reason = reason
        self.today = today
        self.resultCheck = resultCheck
    }
}
