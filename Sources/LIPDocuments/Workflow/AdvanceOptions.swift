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

    /// Creates options.
    public init(deadline: CalendarDate? = nil, force: Bool = false, reason: String? = nil, today: CalendarDate) {
        self.deadline = deadline
        self.force = force
        self.reason = reason
        self.today = today
    }
}
