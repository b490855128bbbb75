import Foundation
import LIPEthereum
import LIPCore

/// The events the ledger decodes, with their signatures; topic0 is computed with keccak-256.
public enum LedgerEvent: String, CaseIterable, Sendable {
    case pollCreated = "PollCreated"
    case vote = "Vote"
    case migrateDelegatorFinalized = "MigrateDelegatorFinalized"
    case stakeClaimed = "StakeClaimed"
    case delegatorPoolCreated = "DelegatorPoolCreated"
    // LivepeerGovernor (governor.md); no field indexed but VoteCast's voter.
    case proposalCreated = "ProposalCreated"
    case voteCast = "VoteCast"
    case voteCastWithParams = "VoteCastWithParams"
    case proposalQueued = "ProposalQueued"
    case proposalExecuted = "ProposalExecuted"
    case proposalCanceled = "ProposalCanceled"
    case quorumNumeratorUpdated = "QuorumNumeratorUpdated"

    /// The canonical signature (tuple parameters expanded as the ABI hashes them).
    public var signature: String {
        switch self {
        case .pollCreated: return "PollCreated(address,bytes,uint256,uint256,uint256)"
        case .vote: return "Vote(address,uint256)"
        case .migrateDelegatorFinalized: return "MigrateDelegatorFinalized((address,address,uint256,uint256,uint256,address))"
        case .stakeClaimed: return "StakeClaimed(address,address,uint256,uint256)"
        case .delegatorPoolCreated: return "DelegatorPoolCreated(address,address)"
        case .proposalCreated: return "ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)"
        case .voteCast: return "VoteCast(address,uint256,uint8,uint256,string)"
        case .voteCastWithParams: return "VoteCastWithParams(address,uint256,uint8,uint256,string,bytes)"
        case .proposalQueued: return "ProposalQueued(uint256,uint256)"
        case .proposalExecuted: return "ProposalExecuted(uint256)"
        case .proposalCanceled: return "ProposalCanceled(uint256)"
        case .quorumNumeratorUpdated: return "QuorumNumeratorUpdated(uint256,uint256)"
        }
    }

    /// keccak256 of the signature, `0x`-prefixed.
    public var topic0: String { ABI.topic(signature) }

    /// Whether LivepeerGovernor emits it.
    public var isGovernorEvent: Bool {
        switch self {
        case .proposalCreated, .voteCast, .voteCastWithParams, .proposalQueued, .proposalExecuted, .proposalCanceled, .quorumNumeratorUpdated: return true
        default: return false
        }
    }

    /// The event whose topic0 this is.
    public static func from(topic0: String) -> LedgerEvent? { byTopic[topic0.lowercased()] }

    private static let byTopic: [String: LedgerEvent] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.topic0, $0) })

    /// The event whose topic0 is these 32 bytes.
    static func from(topic0 bytes: ArraySlice<UInt8>) -> LedgerEvent? {
        byTopicBytes.first { $0.bytes.elementsEqual(bytes) }?.event
    }

    /// Each event's topic0 as bytes.
    private static let byTopicBytes: [(bytes: [UInt8], event: LedgerEvent)] = allCases.map { (Hex.decode($0.topic0)!, $0) }
}
