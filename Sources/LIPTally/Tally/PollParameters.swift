import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// The poll being tallied.
public struct PollParameters: Equatable, Sendable {
    /// The poll contract, when known.
    public var address: Address?
    /// The LIP it decides.
    public var lip: Int?
    /// Its chain.
    public var chain: Chain
    /// The L1 end block.
    public var endBlock: Int
    /// Quorum, parts per million: the share of the stake that must vote.
    public var quorum: BigUInt
    /// Yes must be more than this share of the vote, parts per million.
    public var quota: BigUInt

    /// Creates poll parameters.
    public init(address: Address?, lip: Int?, chain: Chain, endBlock: Int, quorum: BigUInt, quota: BigUInt) {
        self.address = address
        self.lip = lip
        self.chain = chain
        self.endBlock = endBlock
        self.quorum = quorum
        self.quota = quota
    }
}
