import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Finds every poll of a network's PollCreator and reads each as `PollSync` does (records.md):
/// the PollCreated logs after the last scan, and the polls the ledger holds whose stake was never
/// read past their end. Each poll is read with the transcoder pool at its deciding block.
package struct PollsSync {
    /// What a run read, ready for `Ledger.storePollScan`.
    package struct Outcome: Sendable {
        /// Every poll read, oldest first.
        package var polls: [ScannedPoll]
        /// The block up to which PollCreated logs were scanned.
        package var scannedTo: Int
        /// Polls found by this run's scan (the others were read again: not decided before).
        package var found: Int
    }

    /// The sync of one poll, whose node and contracts this uses.
    package let poll: PollSync

    /// A sync of `chain` of `network` through `node`.
    package init(node: Node, network: Network, chain: Chain) throws {
        poll = try PollSync(node: node, network: network, chain: chain)
    }

    /// The PollCreator scanned.
    package var creator: Address { poll.contracts.pollCreator.address }

    /// Reads the polls created after block `scannedTo` (from the PollCreator's block when nil) up
    /// to `toBlock` (the head when nil), and the polls `undecided` (each with its created block),
    /// which an earlier run read while they were open.
    package func read(
        scannedTo: Int?, undecided: [(poll: Address, createdBlock: Int)], toBlock: Int?, full: Bool, progress: ((String) -> Void)? = nil
    ) throws -> Outcome {
        let node = poll.node
        try node.require(chainID: poll.contracts.chainID, network: poll.network)
        let head = try node.head()
        if let toBlock, toBlock > head.number {
            throw LIPError.usage("--to-block \(toBlock) is after the node's head, block \(head.number)")
        }
        let end = toBlock ?? head.number
        let blocks: any BlockSource = toBlock == nil ? node : CappedBlocks(node: node, head: try node.header(end))
        let from = scannedTo.map { $0 + 1 } ?? poll.contracts.pollCreator.block
        var created: [EventLog] = []
        if from <= end {
            progress?("looking for PollCreated logs from block \(from) to \(end)")
            created = try node.eventLogs(address: creator, topics: [LedgerEvent.pollCreated.topic0], from: from, to: end)
        }
        var known = Set<Address>()
        for log in created {
            guard log.topics.count > 1, let bytes = Hex.decode(log.topics[1]), bytes.count == 32, let address = try? ABI.address(bytes, 0) else {
                throw LIPError.invalidInput(file: node.client.endpoint.display, location: "", message: "a PollCreated log has no poll topic")
            }
            known.insert(address)
        }
        let found = known.count
        // The polls read before while open: their PollCreated again, from its own block (one request each).
        for (address, block) in undecided where !known.contains(address) && block <= end {
            guard let log = try poll.pollCreated(address, from: block, to: block) else {
                throw LIPError.invalidInput(
                    file: node.client.endpoint.display, location: "",
                    message:
                        "the ledger's poll \(address.checksummed) has no PollCreated by \(creator.checksummed) at block \(block) on this node: a reorganisation, or another chain?")
            }
            created.append(log)
            known.insert(address)
        }
        created.sort { ($0.blockNumber, $0.logIndex) < ($1.blockNumber, $1.logIndex) }
        var polls: [ScannedPoll] = []
        for (i, log) in created.enumerated() {
            progress?("poll \(i + 1) of \(created.count)")
            let outcome = try poll.read(created: log, full: full, pool: true, blocks: blocks, progress: nil)
            let address = try ABI.address(Hex.decode(log.topics[1]) ?? [], 0)
            let record = ImportRecord(
                kind: .sync, file: address.checksummed, sha256: outcome.sha256, chain: poll.chain, network: poll.network, full: full)
            polls.append(ScannedPoll(poll: address, logs: outcome.logs, stake: outcome.stake, decided: !outcome.provisional, record: record))
        }
        return Outcome(polls: polls, scannedTo: end, found: found)
    }
}

/// A node seen as if its head were an earlier block (`--to-block`).
struct CappedBlocks: BlockSource {
    let node: Node
    let cap: BlockHeader

    init(node: Node, head: BlockHeader) {
        self.node = node
        cap = head
    }

    func head() throws -> BlockHeader { cap }
    func header(_ number: Int) throws -> BlockHeader { try node.header(number) }
}
