import Foundation
import LIPGovernor
import LIPTally
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// Where a report links an address: Arbiscan for L2 and Etherscan for L1 on mainnet; on a devnet
/// or testnet, the `explorer:` its networks.yaml entry gives for the chain, or no link at all.
public struct Explorers: Equatable, Sendable {
    /// The address page prefix of each chain (the checksummed address is appended).
    public var addressPages: [Chain: String]

    /// Creates explorers.
    public init(addressPages: [Chain: String]) { self.addressPages = addressPages }

    /// Mainnet's: Arbiscan and Etherscan.
    public static let mainnet = Explorers(addressPages: [.l2: "https://arbiscan.io/address/", .l1: "https://etherscan.io/address/"])

    /// The page of `address` on `chain`, nil when the network has no explorer.
    public func url(_ address: Address, on chain: Chain) -> String? {
        addressPages[chain].map { $0 + address.checksummed }
    }

    /// `text` linked to `address`'s page in markdown, or `text` alone without an explorer.
    public func link(_ text: String, _ address: Address, on chain: Chain) -> String {
        url(address, on: chain).map { "[\(text)](\(Escaping.markdownURL($0)))" } ?? text
    }

    /// The explorers of the network the inputs were read from: mainnet's for `nil` (files, which
    /// carry no network) and `mainnet`; else the `explorer:` entries of that network in the
    /// workspace's networks.yaml, or none.
    public static func of(network: String?, workspace: Workspace?) -> Explorers {
        guard let network, network != "mainnet" else { return .mainnet }
        guard let workspace else { return Explorers(addressPages: [:]) }
        let url = workspace.root.appendingPathComponent("networks.yaml")
        guard FileManager.default.fileExists(atPath: url.path),
            let networks = (try? BoundedYAML.load(contentsOf: url, path: "networks.yaml")) as? [String: Any],
            let entry = networks[network] as? [String: Any]
        else { return Explorers(addressPages: [:]) }
        var pages: [Chain: String] = [:]
        for chain in Chain.allCases {
            guard let fields = entry[chain.rawValue] as? [String: Any], let base = fields["explorer"] as? String,
                let scheme = URLComponents(string: base)?.scheme?.lowercased(), ["http", "https"].contains(scheme)
            else { continue }
            pages[chain] = base.hasSuffix("/") ? base + "address/" : base + "/address/"
        }
        return Explorers(addressPages: pages)
    }
}
