import Foundation
import LIPDocuments

/// The rules of `lip reconcile`: stable kebab-case ids, like the lint's.
public enum ReconcileRule: String, CaseIterable, Sendable {
    /// Proposed while the poll ended with yes or no: the LIP should move (`--fix` moves it).
    case statusBehind = "reconcile-status-behind"
    /// Accepted or Final while the poll said no or quorum-not-met, or Rejected while it said yes.
    case statusContradicts = "reconcile-status-contradicts"
    /// Accepted, Rejected or Final with no poll and no forced-move record.
    case noPoll = "reconcile-no-poll"

    /// The severity a finding of this rule has (`--strict` makes warnings errors).
    public var severity: Severity {
        switch self {
        case .statusBehind, .statusContradicts: return .error
        case .noPoll: return .warning
        }
    }

    /// What the rule checks, in a line.
    public var summary: String {
        switch self {
        case .statusBehind: return "a Proposed LIP whose poll ended with yes or no"
        case .statusContradicts: return "a LIP status the poll's result contradicts"
        case .noPoll: return "an Accepted, Rejected or Final LIP with no poll and no forced-move record"
        }
    }
}
