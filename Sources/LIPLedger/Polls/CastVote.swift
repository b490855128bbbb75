import Foundation
import LIPEthereum

/// One vote as cast: the raw choiceID and where it sits in the chain.
public struct CastVote: Equatable, Sendable {
    /// The voter.
    public var voter: Address
    /// The raw choiceID (decimal).
    public var choice: String
    /// The block of the Vote event.
    public var block: Int
    /// Its log index.
    public var logIndex: Int

    /// Creates a vote.
    public init(voter: Address, choice: String, block: Int, logIndex: Int) {
        self.voter = voter
        self.choice = choice
        self.block = block
        self.logIndex = logIndex
    }
}
