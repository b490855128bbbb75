/// One of Livepeer's two chains: Ethereum (`l1`) and Arbitrum One (`l2`).
public enum Chain: String, CaseIterable, Sendable, Codable {
    case l1, l2
}
