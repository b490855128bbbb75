import Foundation
import LIPCore

/// The LIP-1 (as amended by LIP-15) transition table.
public enum TransitionTable {
    /// Every allowed move with its guard.
    public static let moves: [(from: LIPStatus, to: LIPStatus, guard: TransitionGuard)] = [
        (.draft, .lastCall, .setsDeadline),
        (.lastCall, .proposed, .deadlinePassed),
        (.lastCall, .draft, .removesDeadline),
        (.proposed, .accepted, .pollResult(.yes)),
        (.proposed, .rejected, .pollResult(.no)),
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
