import Foundation

/// A counted vote: choiceID 0 is yes, 1 is no (LIP-16); other choiceIDs are not counted.
public enum VoteChoice: String, CaseIterable, Sendable {
    /// choiceID 0.
    case yes
    /// choiceID 1.
    case no

    /// The choice of a raw choiceID (decimal), nil when it is neither 0 nor 1.
    public init?(choiceID: String) {
        switch choiceID {
        case "0": self = .yes
        case "1": self = .no
        default: return nil
        }
    }
}
