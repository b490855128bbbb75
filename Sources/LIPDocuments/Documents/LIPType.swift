import Foundation
import LIPCore

/// The type of a LIP.
public enum LIPType: String, CaseIterable, Sendable {
    case standardTrack = "Standard Track"
    case parameter = "Parameter"
    case informational = "Informational"
    case meta = "Meta"

    /// Parses a type as written in a preamble, or in kebab case (`standard-track`), any case.
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: " ")
        guard let match = LIPType.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = match
    }

    /// The type in kebab case, as the CLI accepts it (`standard-track`).
    public var kebab: String { rawValue.lowercased().replacingOccurrences(of: " ", with: "-") }
}
