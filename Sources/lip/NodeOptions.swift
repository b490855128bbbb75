import ArgumentParser
import Foundation
import LIPKit

/// What the `lip ledger sync` commands share: the node, the network and the log range.
struct NodeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The node's JSON-RPC URL (default: $LIP_RPC_L2, or $LIP_RPC_L1 for an L1 poll).", valueName: "URL"))
    var rpc: String?

    @Option(help: ArgumentHelp("The network: mainnet, or a name from networks.yaml.", valueName: "NAME"))
    var network = "mainnet"

    @Option(help: ArgumentHelp("A networks.yaml to read networks from (default: the workspace's).", valueName: "FILE"))
    var networks: String?

    @Option(name: .customLong("max-range"), help: ArgumentHelp("The largest block range of one eth_getLogs; halved when the node refuses it.", valueName: "N"))
    var maxRange = 9_000

    func validate() throws {
        guard maxRange > 0 else { throw ValidationError("--max-range must be positive") }
    }

    /// The network chosen, and a node for `chain` (its URL from --rpc, else the chain's variable).
    func connect(chain: Chain, workspace: Workspace?) throws -> (network: Network, node: Node) {
        let variable = chain == .l2 ? "LIP_RPC_L2" : "LIP_RPC_L1"
        guard let url = rpc ?? ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            throw LIPError.usage("no node: give --rpc URL or set $\(variable)")
        }
        let networkFile = networks.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory).standardizedFileURL }
        let chosen = try Network.named(network, file: networkFile, path: networks, workspaceFile: workspace?.root.appendingPathComponent("networks.yaml"))
        return (chosen, Node(client: JSONRPCClient(endpoint: try RPCEndpoint(url)), maxRange: maxRange))
    }

    /// A node for `chain` of the network (whose entry needs only `chain-id`), checked to serve it:
    /// what the gas syncs read.
    func connectChecked(chain: Chain, workspace: Workspace?) throws -> Node {
        let variable = chain == .l2 ? "LIP_RPC_L2" : "LIP_RPC_L1"
        guard let url = rpc ?? ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            throw LIPError.usage("no node: give --rpc URL or set $\(variable)")
        }
        let networkFile = networks.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory).standardizedFileURL }
        let expected = try Network.chainID(
            of: chain, network: network, file: networkFile, path: networks, workspaceFile: workspace?.root.appendingPathComponent("networks.yaml"))
        let node = Node(client: JSONRPCClient(endpoint: try RPCEndpoint(url)), maxRange: maxRange)
        let id = try node.chainID()
        guard id == expected else {
            throw LIPError.usage("the node at \(node.client.endpoint.display) serves chain id \(id), not \(expected) as the network says: wrong URL or wrong --network")
        }
        return node
    }

    /// Progress on standard error when it is a terminal.
    var progress: ((String) -> Void)? { stderrIsTerminal ? { FileHandle.standardError.write(Data("\r\u{1B}[K  \(VisibleText.oneLine($0))…".utf8)) } : nil }
}
