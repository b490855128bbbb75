import ArgumentParser
import Foundation
import LIPKit

/// What `lip poll vote` and `lip proposal vote` share: the network whose chain id the transaction
/// is for, and how it is printed.
struct VoteOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The network: mainnet, or a name from networks.yaml (for its chain id).", valueName: "NAME"))
    var network = "mainnet"

    @Option(help: ArgumentHelp("A networks.yaml to read networks from (default: the workspace's).", valueName: "FILE"))
    var networks: String?

    @Option(help: "What to print: text, json ({chainId, to, value, data}) or safe (a Safe Transaction Builder batch).")
    var format: VoteFormat = .text

    /// The chain id of `chain` on the network.
    func chainID(of chain: Chain, workspace: Workspace?) throws -> Int {
        let file = networks.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory).standardizedFileURL }
        return try Network.chainID(of: chain, network: network, file: file, path: networks, workspaceFile: workspace?.root.appendingPathComponent("networks.yaml"))
    }

    /// Prints `tx` as asked; in text under `heading`, with `lines` (`weight`, `reason`) after its fields.
    func print(_ tx: VoteTransaction, heading: String, lines: [String] = []) {
        switch format {
        case .json: say(tx.json.serialized(), terminator: "")
        case .safe: say(tx.safeBatch.serialized(), terminator: "")
        case .text:
            var out = heading + ": an unsigned transaction\n"
            out += "  chain id  \(tx.chainID)\n  to        \(tx.to.checksummed)\n  value     0\n  data      \(Hex.prefixed(tx.data))\n"
            out += lines.map { "  \($0)\n" }.joined()
            out += "\nWith Foundry:  \(tx.castCommand)\nEIP-681:       \(tx.eip681)\n"
            say(out, terminator: "")
        }
    }
}

/// What `lip poll vote` and `lip proposal vote` print.
enum VoteFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, safe
}
