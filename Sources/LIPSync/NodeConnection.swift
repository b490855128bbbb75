import LIPEthereum
import Foundation
import LIPCore
import LIPLedger

/// A node for one chain of a network, found once for every command that reads one: its URL from
/// `--rpc`, else the chain's variable (`$LIP_RPC_L2`, `$LIP_RPC_L1`), and checked to serve the
/// network's chain (`eth_chainId`) before anything else is read from it.
package enum NodeConnection {
    /// The variable that names a node of `chain`.
    package static func variable(for chain: Chain) -> String { chain == .l2 ? "LIP_RPC_L2" : "LIP_RPC_L1" }

    /// The URL of a node of `chain`: `rpc`, else the chain's variable in `environment`; nil when neither names one.
    package static func url(_ rpc: String?, chain: Chain, environment: [String: String]) -> String? {
        guard let url = rpc ?? environment[variable(for: chain)], !url.isEmpty else { return nil }
        return url
    }

    /// A node of `chain` of `network`, checked to serve it; an error when no node is named.
    package static func open(
        rpc: String?, chain: Chain, network: LedgerNetwork, environment: [String: String], maxRange: Int = 9_000
    ) throws -> Node {
        guard let url = url(rpc, chain: chain, environment: environment) else {
            throw LIPError.usage("no node: give --rpc URL or set $\(variable(for: chain))")
        }
        return try open(url: url, chain: chain, network: network, maxRange: maxRange)
    }

    /// A node at `url`, checked to serve `chain` of `network`.
    package static func open(url: String, chain: Chain, network: LedgerNetwork, maxRange: Int = 9_000) throws -> Node {
        guard let expected = network.chainID(of: chain) else {
            throw LIPError.usage("network \(network.name) names no \(chain.rawValue) chain (networks.yaml: \(network.name).\(chain.rawValue).chain-id)")
        }
        let node = Node(client: JSONRPCClient(endpoint: try RPCEndpoint(url)), maxRange: maxRange)
        try node.require(chainID: expected, network: network.name)
        return node
    }
}
