import Crypto
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// `lip ledger sync migrations` (devnet-protocol.md, "The L2Migrator on one chain"): the
/// L2Migrator's MigrateDelegatorFinalized, StakeClaimed and DelegatorPoolCreated logs, from its
/// deploy block or the block after the last run, up to the head or `--to-block`. Every log is
/// checked to come from the migrator and to have its event's shape (the node's range and topics
/// are checked by `Node.logs`); the ledger applies them as it applies imported logs.
package struct MigrationSync {
    /// What a run read, ready for `Ledger.storeMigrationScan`.
    package struct Outcome: Sendable {
        /// The logs, in chain order.
        package var logs: [EventLog]
        /// The block read up to.
        package var scannedTo: Int
        /// The digest of what was read (the sync's record).
        package var sha256: String
    }

    /// The events read, with the topics and data bytes each has.
    static let shapes: [(event: LedgerEvent, topics: Int, dataBytes: Int)] = [
        (.migrateDelegatorFinalized, 1, 6 * 32), (.stakeClaimed, 2, 3 * 32), (.delegatorPoolCreated, 2, 32),
    ]

    package let node: Node
    package let network: String
    let chain: Chain = .l2
    let chainID: Int
    /// The L2Migrator read.
    package let migrator: Network.Contract

    /// A sync of `network`'s L2Migrator through `node`; the network must name it (`l2-migrator`).
    package init(node: Node, network: Network) throws {
        migrator = try Self.migrator(of: network)
        self.node = node
        self.network = network.name
        chainID = network.chains[.l2]?.chainID ?? 0
    }

    /// The L2Migrator `network` names; a usage error (before any node is asked) when it names none.
    package static func migrator(of network: Network) throws -> Network.Contract {
        guard let contracts = network.chains[.l2] else { throw LIPError.usage("network `\(network.name)` has no l2 chain in networks.yaml") }
        guard let migrator = contracts.l2Migrator else {
            throw LIPError.usage("network `\(network.name)` names no l2 `l2-migrator`: add it to networks.yaml as {address: \"0x…\", block: N} (its deploy block)")
        }
        return migrator
    }

    /// Reads from the block after `scannedTo` (the migrator's deploy block when nil) up to
    /// `toBlock` (when nil the node's finalized block, or its head when it has none).
    package func read(scannedTo: Int?, toBlock: Int?, progress: ((String) -> Void)? = nil) throws -> Outcome {
        try node.require(chainID: chainID, network: network)
        // Up to the finalized block: a migration stored is one no reorganisation can take back.
        let (from, end) = try node.forwardRange(after: scannedTo, first: migrator.block, toBlock: toBlock, what: "the migrations", finalOnly: true)
        var logs: [EventLog] = []
        if from <= end {
            // One query for the three events: the migrator's logs are few, its blocks many (on
            // Arbitrum One hundreds of millions), so each range is asked once, not once per event.
            // Its other events (L1MigratorUpdate, ControllerContractUpdate, …) are left out here.
            progress?("logs of \(migrator.address.checksummed) from block \(from) to \(end)")
            for log in try node.eventLogs(address: migrator.address, topics: [], from: from, to: end) {
                guard let shape = Self.shapes.first(where: { $0.event.topic0 == log.topics.first }) else { continue }
                guard log.topics.count == shape.topics, log.data.count == shape.dataBytes else {
                    throw LIPError.invalidInput(
                        file: node.client.endpoint.display, location: "",
                        message:
                            "a \(shape.event.rawValue) log of block \(log.blockNumber) (tx \(log.transactionHash.prefix(10))…) has \(log.topics.count) topics and \(log.data.count) data bytes, not the \(shape.topics) and \(shape.dataBytes) its event has; nothing was stored"
                    )
                }
                logs.append(log)
            }
        }
        logs.sort { ($0.blockNumber, $0.logIndex) < ($1.blockNumber, $1.logIndex) }
        try checkPairs(logs)
        return Outcome(logs: logs, scannedTo: end, sha256: Self.digest(logs, migrator: migrator.address, to: end))
    }

    /// An orchestrator's migration emits DelegatorPoolCreated and MigrateDelegatorFinalized (with
    /// `l1Addr == delegate`) in one transaction: each without the other is a log the node left out.
    func checkPairs(_ logs: [EventLog]) throws {
        var orchestrators = Set<String>(), pools = Set<String>()
        for log in logs {
            if log.topics.first == LedgerEvent.migrateDelegatorFinalized.topic0 {
                let l1 = try ABI.address(log.data, 0), delegate = try ABI.address(log.data, 5)
                if l1 == delegate { orchestrators.insert("\(log.transactionHash.lowercased())|\(l1.lowercased)") }
            } else if log.topics.first == LedgerEvent.delegatorPoolCreated.topic0, let topic = Hex.decode(log.topics[1]) {
                pools.insert("\(log.transactionHash.lowercased())|\(try ABI.address(topic, 0).lowercased)")
            }
        }
        if let unpaired = orchestrators.symmetricDifference(pools).sorted().first {
            let parts = unpaired.split(separator: "|")
            let which = orchestrators.contains(unpaired) ? "MigrateDelegatorFinalized of orchestrator" : "DelegatorPoolCreated of"
            let missing = orchestrators.contains(unpaired) ? "DelegatorPoolCreated" : "MigrateDelegatorFinalized"
            throw LIPError.invalidInput(
                file: node.client.endpoint.display, location: "",
                message:
                    "the \(which) \(Address(String(parts[1]))?.checksummed ?? String(parts[1])) in tx \(parts[0].prefix(10))… has no \(missing) in the same transaction: the node left a log out; nothing was stored"
            )
        }
    }

    /// The record of a run: the migrator's address as its file, the block read up to.
    package func record(_ outcome: Outcome) -> ImportRecord {
        ImportRecord(kind: .migrationSync, file: migrator.address.checksummed, sha256: outcome.sha256, chain: chain, block: outcome.scannedTo, network: network)
    }

    /// sha256 of the logs read, one canonical line each.
    static func digest(_ logs: [EventLog], migrator: Address, to block: Int) -> String {
        var hasher = SHA256()
        func add(_ line: String) { hasher.update(data: Data((line + "\n").utf8)) }
        add("lip-sync-migrations v1|\(migrator.lowercased)|\(block)")
        for log in logs {
            add("log|\(log.transactionHash.lowercased())|\(log.logIndex)|\(log.blockNumber)|\(log.topics.joined(separator: ","))|\(Hex.encode(log.data))")
        }
        return Hex.encode(Array(hasher.finalize()))
    }
}
