import Foundation

/// One vote as cast: the raw choiceID and where it sits in the chain.
public struct CastVote: Equatable, Sendable {
    /// The voter (lowercase).
    public var voter: String
    /// The raw choiceID (decimal).
    public var choice: String
    /// The block of the Vote event.
    public var block: Int
    /// Its log index.
    public var logIndex: Int

    /// Creates a vote.
    public init(voter: String, choice: String, block: Int, logIndex: Int) {
        self.voter = voter
        self.choice = choice
        self.block = block
        self.logIndex = logIndex
    }
}
