import ArgumentParser
import Foundation
import LIPKit

struct LedgerSyncPollsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "polls",
        abstract: "Find every poll of the network's PollCreator on a node and read each as `lip ledger sync poll` does.",
        discussion: """
            Reads the PollCreator's PollCreated logs from its creation block (networks.yaml: poll-creator.block), or from the block after the last run's scan, up to --to-block (default: the head). A PollCreated from any other address is no poll. Each poll found, and each poll an earlier run read while it was open, is read as `lip ledger sync poll` reads it: its votes up to its deciding block, and the stake there of its voters, their delegates and every orchestrator in the transcoder pool (getFirstTranscoderInPool, getNextTranscoderInPool), so that `lip turnout` names the largest that did not vote. A poll whose end has not passed is read up to the head, and read again by the next run; a decided poll is never read again. Everything is stored in one transaction at the end: a failed or killed run changes nothing.

            The node is --rpc URL, else $LIP_RPC_L2 or $LIP_RPC_L1 for the chain; the network is the ledger's (mainnet by default).

            Examples:
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync polls
              lip ledger sync polls --network devnet --rpc http://127.0.0.1:8545
              lip ledger sync polls --to-block 6800000 --full

            Manual: docs/records.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @Option(help: "The chain the polls are on.")
    var chain: Chain = .l2

    @Option(name: .customLong("to-block"), help: ArgumentHelp("Scan and decide up to this block, as if it were the head (default: the head).", valueName: "N"))
    var toBlock: Int?

    @Flag(help: "Read every delegator of each poll (from Bond, Rebond and TransferBond logs), not only voters, their delegates and the pool.")
    var full = false

    func validate() throws {
        if let toBlock, toBlock < 0 { throw ValidationError("--to-block must not be negative") }
    }

    func run() throws {
        let workspace = ledger.workspaceOptions.locateIfPresent()
        let target = try SyncTarget(ledger, node: node, chain: chain)
        let (chosen, opened, reader) = (target.contracts, target.ledger, target.node)
        let sync = try PollsSync(node: reader, network: chosen, chain: chain)
        let undecided = Set(try opened.undecidedPolls(chain: chain, creator: sync.creator))
        let known = try opened.polls().filter { undecided.contains($0.address) }.compactMap { p in p.createdBlock.map { (poll: p.address, createdBlock: $0) } }
        let progress = node.progress
        let outcome = try sync.read(scannedTo: try opened.pollScan(chain: chain, creator: sync.creator), undecided: known, toBlock: toBlock, full: full, progress: progress)
        node.endProgress()
        let summary = try opened.storePollScan(
            outcome.polls, chain: chain, creator: sync.creator, scannedTo: outcome.scannedTo, links: try PollFile.links(in: workspace))
        say("\(sync.creator.checksummed) from \(reader.client.endpoint.display): \(summary.line)")
        let open = outcome.polls.filter { !$0.decided }.count
        say(
            "  scanned to \(chain.rawValue) block \(outcome.scannedTo): \(outcome.found) new poll\(outcome.found == 1 ? "" : "s"), \(outcome.polls.count - outcome.found) read again; "
                + "\(open) still open; \(reader.client.roundTrips) HTTP requests")
        keepClock(opened, node: reader, chain: chain, roundsManager: chosen.chains[chain]?.roundsManager, at: outcome.scannedTo)
        keepSummaries(opened, workspace: workspace)
    }
}
