import ArgumentParser
import Foundation
import LIPKit

/// What the commands that read a node share: the node and the log range. The network is the
/// ledger's (`LedgerOptions`): the node must serve its chain.
struct NodeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The node's JSON-RPC URL (default: $LIP_RPC_L2, or $LIP_RPC_L1 for L1).", valueName: "URL"))
    var rpc: String?

    @Option(name: .customLong("max-range"), help: ArgumentHelp("The largest block range of one eth_getLogs; halved when the node refuses it.", valueName: "N"))
    var maxRange = 9_000

    func validate() throws {
        guard maxRange > 0 else { throw ValidationError("--max-range must be positive") }
    }

    /// Whether a node is named (--rpc or the chain's variable).
    func isNamed(for chain: Chain) -> Bool { NodeConnection.url(rpc, chain: chain, environment: ProcessInfo.processInfo.environment) != nil }

    /// A node of `chain`, checked to serve `network`.
    func connect(chain: Chain, network: LedgerNetwork) throws -> Node {
        try NodeConnection.open(rpc: rpc, chain: chain, network: network, environment: ProcessInfo.processInfo.environment, maxRange: maxRange)
    }

    /// Progress on standard error when it is a terminal.
    var progress: ((String) -> Void)? { stderrIsTerminal ? { FileHandle.standardError.write(Data("\r\u{1B}[K  \(VisibleText.oneLine($0))…".utf8)) } : nil }

    /// Clears the progress line, when there is one.
    func endProgress() { if stderrIsTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}

/// What BondingVotes says of an account at a round, from the node `rpc` (else `$LIP_RPC_L2`),
/// checked to serve the network `ledger` works on; nil when neither names a node.
func bondingVotesReader(rpc: String?, ledger: Ledger, options: LedgerOptions) -> ((Address, Int) throws -> ProposalWeight.Stake)? {
    guard let url = NodeConnection.url(rpc, chain: .l2, environment: ProcessInfo.processInfo.environment) else { return nil }
    // The network and the node, found at the first read (none may be needed) and kept for the next.
    var connection: (node: Node, bondingVotes: Address)?
    return { account, round in
        let c: (node: Node, bondingVotes: Address)
        if let known = connection {
            c = known
        } else {
            let network = try options.networkIdentity(of: ledger)
            let chosen = try options.contracts(of: network)
            guard let bondingVotes = chosen.chains[.l2]?.bondingVotes?.address else { throw LIPError.usage("network \(chosen.name) names no l2 bonding-votes in networks.yaml") }
            c = (try NodeConnection.open(url: url, chain: .l2, network: network), bondingVotes)
            connection = c
        }
        let s = try c.node.votingStake(bondingVotes: c.bondingVotes, account: account, round: round)
        return ProposalWeight.Stake(votes: s.votes, delegate: s.delegate)
    }
}

/// What a sync command opens before it reads: its network's contracts (checked by `requiring`),
/// the ledger opened for import (a ledger of another network is refused before any node is
/// asked), and a node of the chain checked to serve that network.
struct SyncTarget {
    let contracts: Network
    let ledger: Ledger
    let node: Node

    init(_ options: LedgerOptions, node: NodeOptions, chain: Chain, requiring check: (Network) throws -> Void = { _ in }) throws {
        let network = try options.writingNetwork()
        contracts = try options.contracts(of: network)
        try check(contracts)
        ledger = try options.openForImport(network: network)
        self.node = try node.connect(chain: chain, network: network)
    }
}
