import Foundation
import LIPCore

/// The status of a LIP (LIP-1 as amended by LIP-15).
public enum LIPStatus: String, CaseIterable, Sendable {
    case draft = "Draft"
    case lastCall = "Last Call"
    case proposed = "Proposed"
    case accepted = "Accepted"
    case rejected = "Rejected"
    case final = "Final"
    case abandoned = "Abandoned"

    /// Parses a status as written in a preamble (`Last Call`) or in kebab case (`last-call`), any case.
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "-", with: " ")
            .replacingOccurrences(of: "_", with: " ")
        guard let match = LIPStatus.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = match
    }

    /// The status in kebab case, as the CLI accepts it (`last-call`).
    public var kebab: String { rawValue.lowercased().replacingOccurrences(of: " ", with: "-") }

    /// Whether a missing field is only a warning for a LIP in this status (the record is closed).
    public var isClosed: Bool { self == .final || self == .rejected || self == .abandoned }
}
