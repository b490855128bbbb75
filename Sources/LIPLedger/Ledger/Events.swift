import Foundation
import LIPCore

/// The events the ledger decodes, with their signatures; topic0 is computed with keccak-256.
public enum LedgerEvent: String, CaseIterable, Sendable {
    case pollCreated = "PollCreated"
    case vote = "Vote"
    case migrateDelegatorFinalized = "MigrateDelegatorFinalized"
    case stakeClaimed = "StakeClaimed"
    case delegatorPoolCreated = "DelegatorPoolCreated"

    /// The canonical signature (tuple parameters expanded as the ABI hashes them).
    public var signature: String {
        switch self {
        case .pollCreated: return "PollCreated(address,bytes,uint256,uint256,uint256)"
        case .vote: return "Vote(address,uint256)"
        case .migrateDelegatorFinalized: return "MigrateDelegatorFinalized((address,address,uint256,uint256,uint256,address))"
        case .stakeClaimed: return "StakeClaimed(address,address,uint256,uint256)"
        case .delegatorPoolCreated: return "DelegatorPoolCreated(address,address)"
        }
    }

    /// keccak256 of the signature, `0x`-prefixed.
    public var topic0: String { ABI.topic(signature) }

    /// The event whose topic0 this is.
    public static func from(topic0: String) -> LedgerEvent? { byTopic[topic0.lowercased()] }

    private static let byTopic: [String: LedgerEvent] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.topic0, $0) })
}
