import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPCore
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPSync

/// `lip ledger sync migrations` against a scripted node: the L2Migrator's three events read
/// from its deploy block, stored as migrations; a log of the wrong shape or of another contract
/// is refused (exit 2) and nothing is stored; a second run reads on from where the first stopped.
final class MigrationSyncTests: XCTestCase {
    let migrator = scriptedAddress("3e"), other = scriptedAddress("99"), pool = scriptedAddress("0f")
    let orchestrator = scriptedAddress("01"), l2 = scriptedAddress("02"), delegator = scriptedAddress("03")
    let head = 200

    /// The migrator's logs: the orchestrator's MigrateDelegatorFinalized and DelegatorPoolCreated
    /// (block 20), a delegator's StakeClaimed (block 150); `change` may alter any answer.
    func node(finalized: Int? = nil, change: @escaping (String, inout [String: Any]) -> Void = { _, _ in }) -> Node {
        scriptedNode(
            head: head, finalized: finalized,
            logs: { [self] q in
                let topic0 = (q["topics"] as? [Any])?.first as? String  // nil: every event of the migrator
                let from = Node.canonicalQuantity(q["fromBlock"] as Any) ?? 0, to = Node.canonicalQuantity(q["toBlock"] as Any) ?? 0
                let finalized =
                    ABI.encode(address: orchestrator) + ABI.encode(address: l2) + ABI.encode(uint: 1_000) + ABI.encode(uint: 1_500) + ABI.encode(uint: 0)
                    + ABI.encode(address: orchestrator)
                let all: [(LedgerEvent, [String], [UInt8], Int, Int)] = [
                    (.migrateDelegatorFinalized, [LedgerEvent.migrateDelegatorFinalized.topic0], finalized, 20, 0),
                    (.delegatorPoolCreated, [LedgerEvent.delegatorPoolCreated.topic0, addressTopic(orchestrator)], ABI.encode(address: pool), 20, 1),
                    // An event the sync leaves out: ClaimStakeEnabled(bool).
                    (.vote, [ABI.topic("ClaimStakeEnabled(bool)")], ABI.encode(uint: 1), 20, 2),
                    (
                        .stakeClaimed, [LedgerEvent.stakeClaimed.topic0, addressTopic(delegator)], ABI.encode(address: orchestrator) + ABI.encode(uint: 500) + ABI.encode(uint: 0),
                        150, 0
                    ),
                ]
                return all.filter { (topic0 == nil || $0.1.first == topic0) && (from...to).contains($0.3) }.map {
                    scriptedLog(migrator, $0.1, $0.2, block: $0.3, index: $0.4)
                }
            }, change: change)
    }

    var network: Network {
        var l2 = Network.ChainContracts(chainID: 1337, pollCreator: .init(address: other, block: 0), bondingManager: .init(address: other, block: 0), multicall3: nil)
        l2.l2Migrator = .init(address: migrator, block: 10)
        return Network(name: "fake", chains: [.l2: l2])
    }

    func testTheMigratorsLogsAreReadAndStoredAsMigrationsIncrementally() throws {
        let ledger = try Ledger(path: try temporaryDirectory(self).appendingPathComponent("l.sqlite").path, create: true)
        let sync = try MigrationSync(node: node(), network: network)
        let first = try sync.read(scannedTo: nil, toBlock: 100)
        XCTAssertEqual(first.logs.map(\.blockNumber), [20, 20])
        XCTAssertEqual(first.scannedTo, 100)
        XCTAssertEqual(sync.node.client.roundTrips, 4, "eth_chainId, the head, the finalized block, and one eth_getLogs for the three events")
        let stored = try ledger.storeMigrationScan(first.logs, chain: .l2, migrator: migrator, scannedTo: 100, record: sync.record(first))
        XCTAssertEqual(stored.rows, 2)
        XCTAssertEqual(try ledger.migrationScan(chain: .l2, migrator: migrator), 100)
        XCTAssertEqual(
            try ledger.migrations(atOrBefore: 1_000),
            [
                StakeMigration(kind: .delegator, l1Account: orchestrator, l2Account: l2, l2Block: 20, pool: nil),
                StakeMigration(kind: .pool, l1Account: orchestrator, l2Account: nil, l2Block: 20, pool: pool),
            ])
        // On from block 101: the claim.
        let second = try sync.read(scannedTo: 100, toBlock: nil)
        XCTAssertEqual(second.logs.map(\.blockNumber), [150])
        _ = try ledger.storeMigrationScan(second.logs, chain: .l2, migrator: migrator, scannedTo: second.scannedTo, record: sync.record(second))
        XCTAssertEqual(try ledger.migrations(atOrBefore: 1_000).map(\.kind), [.claim, .delegator, .pool])
        XCTAssertEqual(try ledger.migrationScans(), [MigrationScan(chain: .l2, l2Migrator: migrator, scannedTo: head)])
        XCTAssertEqual(try ledger.imports().filter { $0.kind == .migrationSync }.map(\.block), [100, 200], "each run is recorded with the block it read to")
        // Read again from the start: the same logs change nothing.
        let again = try sync.read(scannedTo: nil, toBlock: nil)
        XCTAssertEqual(try ledger.storeMigrationScan(again.logs, chain: .l2, migrator: migrator, scannedTo: head, record: sync.record(again)).rows, 0)
        // Only forward, and never past the head.
        XCTAssertThrowsError(try sync.read(scannedTo: 150, toBlock: 100)) { XCTAssertTrue("\($0)".contains("only read forward"), "\($0)") }
        XCTAssertThrowsError(try sync.read(scannedTo: nil, toBlock: 201)) { XCTAssertTrue("\($0)".contains("after the node's head"), "\($0)") }
    }

    /// A node with a `finalized` block: read up to it, never past it (a reorganisation could take
    /// a later block's migration back after the ledger stored it).
    func testOnlyFinalizedBlocksAreReadWhenTheNodeKnowsThem() throws {
        let sync = try MigrationSync(node: node(finalized: 120), network: network)
        let read = try sync.read(scannedTo: nil, toBlock: nil)
        XCTAssertEqual(read.scannedTo, 120)
        XCTAssertEqual(read.logs.map(\.blockNumber), [20, 20], "the claim of block 150 waits for finality")
        XCTAssertEqual(try sync.read(scannedTo: nil, toBlock: 100).scannedTo, 100)
        XCTAssertThrowsError(try sync.read(scannedTo: nil, toBlock: 150)) {
            XCTAssertTrue("\($0)".contains("past block 120, the node's finalized block"), "\($0)")
        }
    }

    func testALogOfTheWrongShapeOrOfAnotherContractIsRefusedAndNothingIsStored() throws {
        let cases: [(String, (String, inout [String: Any]) -> Void)] = [
            (
                "not the 1 and 192 its event has",
                { method, object in
                    MigrationSyncTests.change(&object, method, LedgerEvent.migrateDelegatorFinalized) { $0["data"] = "0x" + String(repeating: "00", count: 160) }
                }
            ),
            (
                "not the 2 and 96 its event has",
                { method, object in
                    MigrationSyncTests.change(&object, method, LedgerEvent.stakeClaimed) { $0["topics"] = [LedgerEvent.stakeClaimed.topic0] }
                }
            ),
            (
                "has no DelegatorPoolCreated in the same transaction: the node left a log out",
                { method, object in
                    guard method == "eth_getLogs", let logs = object["result"] as? [[String: Any]] else { return }
                    object["result"] = logs.filter { ($0["topics"] as? [String])?.first != LedgerEvent.delegatorPoolCreated.topic0 }
                }
            ),
            (
                "but the query asked for",
                { method, object in
                    guard method == "eth_getLogs", var logs = object["result"] as? [[String: Any]], !logs.isEmpty else { return }
                    logs[0]["address"] = self.other.lowercased
                    object["result"] = logs
                }
            ),
        ]
        for (words, change) in cases {
            XCTAssertThrowsError(try MigrationSync(node: node(change: change), network: network).read(scannedTo: nil, toBlock: nil)) { error in
                guard let e = error as? LIPError, !e.isRefusal else { return XCTFail("\(error) is not exit 2") }
                XCTAssertTrue("\(e)".contains(words), "\(e)")
                XCTAssertFalse("\(e)".contains("SECRET"))
            }
        }
        // A log stored before, answered now with other data under its key: the whole run is refused.
        let ledger = try Ledger(path: try temporaryDirectory(self).appendingPathComponent("l.sqlite").path, create: true)
        let sync = try MigrationSync(node: node(), network: network)
        let read = try sync.read(scannedTo: nil, toBlock: 100)
        _ = try ledger.storeMigrationScan(read.logs, chain: .l2, migrator: migrator, scannedTo: 100, record: sync.record(read))
        var changed = try sync.read(scannedTo: nil, toBlock: nil)
        changed.logs[1].data = ABI.encode(address: other)
        XCTAssertThrowsError(try ledger.storeMigrationScan(changed.logs, chain: .l2, migrator: migrator, scannedTo: head, record: sync.record(changed)))
        XCTAssertEqual(try ledger.migrationScan(chain: .l2, migrator: migrator), 100, "nothing of the refused run is kept")
        XCTAssertEqual(try ledger.migrations(atOrBefore: 1_000).count, 2)
    }

    /// Changes the answered log of `event` in an eth_getLogs answer.
    static func change(_ object: inout [String: Any], _ method: String, _ event: LedgerEvent, _ edit: (inout [String: Any]) -> Void) {
        guard method == "eth_getLogs", var logs = object["result"] as? [[String: Any]],
            let i = logs.firstIndex(where: { ($0["topics"] as? [String])?.first == event.topic0 })
        else { return }
        edit(&logs[i])
        object["result"] = logs
    }

    /// Mainnet's L2Migrator, as livepeer/arbitrum-lpt-bridge's deployments say (L2MigratorProxy.json).
    func testMainnetNamesItsL2Migrator() {
        XCTAssertEqual(Network.mainnet.chains[.l2]?.l2Migrator?.address, Address("0x148D5b6B4df9530c7C76A810bd1Cdf69EC4c2085"))
        XCTAssertEqual(Network.mainnet.chains[.l2]?.l2Migrator?.block, 5_864_923)
    }

    func testANetworkWithoutAnL2MigratorIsAUsageError() {
        var n = network
        n.chains[.l2]?.l2Migrator = nil
        XCTAssertThrowsError(try MigrationSync(node: node(), network: n)) { XCTAssertTrue("\($0)".contains("names no l2 `l2-migrator`"), "\($0)") }
    }

    /// Any one answer changed (its id, its result's type, a number, an address, a range, a size):
    /// the run reads the migrator's logs, or stops with exit 2; never a log the chain does not
    /// hold. A node that leaves a whole log out, or claims another head, cannot be caught by one
    /// node's answers, unless the log is half of an orchestrator's pair (`checkPairs`): such a read
    /// holds fewer of the chain's logs.
    func testMutatedNodeAnswersGiveTheSameLogsOrExitTwo() throws {
        let base = try MigrationSync(node: node(), network: network).read(scannedTo: nil, toBlock: nil)
        var rng = SeededGenerator(seed: 34)
        var failed = 0, same = 0
        let methods = ["eth_chainId", "eth_getBlockByNumber", "eth_getLogs"]
        for run in 0..<300 {
            let target = methods[run % methods.count]
            let pick = Int.random(in: 0..<40, using: &rng), kind = Int.random(in: 0..<12, using: &rng)
            // Each method is asked once: its answer is the one changed.
            let mutated = node { method, object in
                guard method == target else { return }
                NodeAnswerTests.mutate(&object, kind: kind, salt: pick)
            }
            do {
                let read = try MigrationSync(node: mutated, network: network).read(scannedTo: nil, toBlock: nil)
                XCTAssertTrue(read.logs.allSatisfy(base.logs.contains), "run \(run): \(target) kind \(kind)")
                if read.logs == base.logs {
                    // A node may claim another head (up to which it then answers): the same logs, read to there.
                    if read.scannedTo == base.scannedTo { XCTAssertEqual(read.sha256, base.sha256, "run \(run)") }
                    same += 1
                } else if read.scannedTo == base.scannedTo {
                    // Only the lone claim can go missing unseen; the orchestrator's pair cannot.
                    XCTAssertEqual(read.logs.map(\.blockNumber), [20, 20], "run \(run): \(target) kind \(kind)")
                } else {
                    // A claimed head or finalized block: the chain's logs up to it.
                    XCTAssertEqual(read.logs, base.logs.filter { $0.blockNumber <= read.scannedTo }, "run \(run): \(target) kind \(kind)")
                }
            } catch let error as LIPError {
                XCTAssertFalse(error.isRefusal, "run \(run): \(error)")
                XCTAssertFalse("\(error)".contains("SECRET"), "run \(run)")
                failed += 1
            } catch {
                XCTFail("run \(run): \(target) kind \(kind): not an LIPError: \(error)")
            }
        }
        XCTAssertGreaterThan(failed, 100, "most mutations are caught")
        XCTAssertGreaterThan(same, 10, "some leave the answer as good as it was")
    }
}
