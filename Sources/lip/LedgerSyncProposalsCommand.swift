import ArgumentParser
import Foundation
import LIPKit

struct LedgerSyncProposalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposals",
        abstract: "Read LivepeerGovernor's proposals, votes and the views that weigh them from an L2 node.",
        discussion: """
            Reads every governor log since the governor's creation block (ProposalCreated, VoteCast, VoteCastWithParams, ProposalQueued, ProposalExecuted, ProposalCanceled, QuorumNumeratorUpdated), and for each proposal past Pending: state, proposalVotes, quorumNumerator and getPastTotalSupply at its snapshot round, quota, and BondingVotes' delegatedAt of every voter and every voter's delegate; and getPastVotes and delegatedAt at each proposal's snapshot round of every orchestrator in the transcoder pool at the head (so that `lip turnout` and `lip voter` weigh those that did not vote). BondingVotes is keyed by round, so any node will do: no archive node is needed. Everything is stored in one transaction at the end.

            The node is --rpc URL, else $LIP_RPC_L2; lip shows only its scheme and host. The network's l2 needs `livepeer-governor` and `bonding-votes` (mainnet has them built in).

            Examples:
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync proposals
              lip ledger sync proposals --network devnet --rpc http://127.0.0.1:8545

            Manual: docs/governor.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    func run() throws {
        let network = try ledger.writingNetwork()
        let chosen = try ledger.contracts(of: network)
        let reader = try node.connect(chain: .l2, network: network)
        let client = reader.client
        let sync = try ProposalSync(node: reader, network: chosen)
        let progress = node.progress
        let outcome = try sync.read(progress: progress)
        node.endProgress()
        let record = ImportRecord(kind: .proposalSync, file: sync.governor.address.checksummed, sha256: outcome.sha256, network: chosen.name)
        let opened = try self.ledger.openForImport(network: network)
        let summary = try opened.storeProposalSync(logs: outcome.logs, state: outcome.state, stakes: outcome.stakes, record: record)
        say("governor \(sync.governor.address.checksummed) from \(client.endpoint.display): \(summary.line)")
        var line = "  read at block \(outcome.block): \(outcome.state.proposals.count) proposals with views"
        if !outcome.pending.isEmpty { line += ", \(outcome.pending.count) pending (no views yet: \(outcome.pending.map(String.init).joined(separator: ", ")))" }
        say(line + "; \(client.roundTrips) HTTP requests")
        keepClock(opened, node: reader, chain: .l2, roundsManager: chosen.chains[.l2]?.roundsManager, at: outcome.block)
        keepSummaries(opened, workspace: self.ledger.workspaceOptions.locateIfPresent())
    }
}
