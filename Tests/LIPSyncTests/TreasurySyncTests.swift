import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPCore
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPSync

/// `lip ledger sync treasury` against a scripted node: what it reads, and that a log or a view of
/// the wrong shape, or a reward of another treasury, is never taken for the treasury's.
final class TreasurySyncTests: XCTestCase {
    let token = Address("0x" + String(repeating: "70", count: 20))!, treasury = Address("0x" + String(repeating: "7e", count: 20))!
    let bm = Address("0x" + String(repeating: "b0", count: 20))!, rounds = Address("0x" + String(repeating: "40", count: 20))!
    let governor = Address("0x" + String(repeating: "90", count: 20))!, orchestrator = Address("0x" + String(repeating: "01", count: 20))!
    let grantee = Address("0x" + String(repeating: "0b", count: 20))!, other = Address("0x" + String(repeating: "99", count: 20))!
    let head = 200

    /// The chain's logs: a reward cut (block 20), another treasury's reward (block 21), a payout by
    /// proposal 9 (block 30); `change` may alter any answer.
    func node(change: @escaping (String, inout [String: Any]) -> Void = { _, _ in }) -> Node {
        scriptedNode(
            head: head,
            logs: { [self] q in
                let topics = q["topics"] as? [Any] ?? []
                let address = Address(q["address"] as? String ?? "")
                if address == token, topics.count == 2 {  // from the treasury
                    return [scriptedLog(token, [TreasurySync.transferTopic, addressTopic(treasury), addressTopic(grantee)], ABI.encode(uint: 7), block: 30, index: 1)]
                } else if address == token, topics.count == 3 {  // to the treasury
                    return [scriptedLog(token, [TreasurySync.transferTopic, addressTopic(.zero), addressTopic(treasury)], ABI.encode(uint: 10), block: 20, index: 2)]
                } else if address == bm {
                    return [
                        scriptedLog(bm, [TreasurySync.treasuryRewardTopic, addressTopic(orchestrator)], ABI.encode(address: treasury) + ABI.encode(uint: 10), block: 20, index: 3),
                        scriptedLog(bm, [TreasurySync.treasuryRewardTopic, addressTopic(orchestrator)], ABI.encode(address: other) + ABI.encode(uint: 4), block: 21, index: 1),
                    ]
                } else if address == governor {
                    return [scriptedLog(governor, [LedgerEvent.proposalExecuted.topic0], ABI.encode(uint: 9), block: 30, index: 2)]
                }
                return []
            },
            call: { [self] data in
                let views: [([UInt8], Int)] = [
                    (ABI.selector("balanceOf(address)") + ABI.encode(address: treasury), 3), (ABI.selector("treasuryRewardCutRate()"), 100),
                    (ABI.selector("nextRoundTreasuryRewardCutRate()"), 100), (ABI.selector("treasuryBalanceCeiling()"), 750), (ABI.selector("roundLength()"), 10),
                    (ABI.selector("lastRoundLengthUpdateRound()"), 5), (ABI.selector("lastRoundLengthUpdateStartBlock()"), 0),
                ]
                return views.first(where: { $0.0 == data }).map { ABI.encode(uint: BigUInt($0.1)) }
            }, change: change)
    }

    var network: Network {
        var l2 = Network.ChainContracts(chainID: 1337, pollCreator: .init(address: other, block: 0), bondingManager: .init(address: bm, block: 0), multicall3: nil)
        l2.roundsManager = rounds
        l2.livepeerGovernor = .init(address: governor, block: 5)
        l2.livepeerToken = .init(address: token, block: 1)
        l2.treasury = .init(address: treasury, block: 10)
        return Network(name: "fake", chains: [.l2: l2])
    }

    func testTheTreasurysLogsAndViewsAreRead() throws {
        let read = try TreasurySync(node: node(), network: network).read(scannedTo: nil, toBlock: nil)
        XCTAssertEqual(read.transfers.map(\.amount), [10, 7], "in block order")
        XCTAssertEqual(read.transfers.map(\.timestamp), [1_700_000_020, 1_700_000_030])
        XCTAssertEqual(read.rewards.map(\.amount), [10], "another treasury's reward is not this one's")
        XCTAssertEqual(read.executions.map(\.proposal), [9])
        XCTAssertEqual(read.state.block, head)
        XCTAssertEqual([read.state.balance, read.state.cutRate, read.state.nextCutRate, read.state.ceiling], [3, 100, 100, 750])
        XCTAssertEqual(read.state.round(of: 25), 7)
    }

    func testALogOfTheWrongShapeOrAViewThatRevertsIsRefused() {
        let cases: [(String, (String, inout [String: Any]) -> Void)] = [
            (
                "has not the shape Transfer",
                { method, object in
                    guard method == "eth_getLogs", var logs = object["result"] as? [[String: Any]], let first = logs.first, (first["address"] as? String) == self.token.lowercased
                    else { return }
                    logs[0]["data"] = "0x"
                    object["result"] = logs
                }
            ),
            (
                "treasuryBalanceCeiling() at block 200 reverted",
                { method, object in
                    if method == "eth_call", (object["result"] as? String) == Hex.prefixed(ABI.encode(uint: 750)) {
                        object["result"] = nil
                        object["error"] = ["code": 3, "message": "execution reverted"]
                    }
                }
            ),
            (
                "a log's topic 2 is missing",
                { method, object in
                    guard method == "eth_getLogs", var logs = object["result"] as? [[String: Any]], let first = logs.first, (first["address"] as? String) == self.token.lowercased
                    else { return }
                    logs[0]["topics"] = [TreasurySync.transferTopic, addressTopic(self.treasury)]
                    object["result"] = logs
                }
            ),
        ]
        for (words, change) in cases {
            XCTAssertThrowsError(try TreasurySync(node: node(change: change), network: network).read(scannedTo: nil, toBlock: nil)) { error in
                guard let e = error as? LIPError, !e.isRefusal else { return XCTFail("\(error) is not exit 2") }
                XCTAssertTrue("\(e)".contains(words), "\(e)")
                XCTAssertFalse("\(e)".contains("SECRET"))
            }
        }
        // A log of another contract than the one asked.
        let moved = node { method, object in
            guard method == "eth_getLogs", var logs = object["result"] as? [[String: Any]], !logs.isEmpty else { return }
            logs[0]["address"] = self.other.lowercased
            object["result"] = logs
        }
        XCTAssertThrowsError(try TreasurySync(node: moved, network: network).read(scannedTo: nil, toBlock: nil))
    }

    /// Mainnet's treasury and token, as livepeer/protocol's and arbitrum-lpt-bridge's deployments say.
    func testMainnetNamesItsTreasuryAndToken() {
        let l2 = Network.mainnet.chains[.l2]
        XCTAssertEqual(l2?.treasury?.address, Address("0xf82C1FF415F1fCf582554fDba790E27019c8E8C4"))
        XCTAssertEqual(l2?.treasury?.block, 139_793_473)
        XCTAssertEqual(l2?.livepeerToken?.address, Address("0x289ba1701C2F088cf0faf8B3705246331cB8A839"))
        XCTAssertEqual(l2?.livepeerToken?.block, 5_856_156)
    }

    func testANetworkWithoutATreasuryIsAUsageError() {
        var n = network
        n.chains[.l2]?.treasury = nil
        XCTAssertThrowsError(try TreasurySync(node: node(), network: n)) { XCTAssertTrue("\($0)".contains("names no l2 `treasury`"), "\($0)") }
    }
}
