import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPCore
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPSync

/// A made-up chain served as a JSON-RPC node answers (devnet-style: no `l1BlockNumber`): a
/// PollCreator that created one poll, four votes, and the BondingManager's views of each account.
/// `mutate`, when set, may change any answer object before it is sent.
final class FakeChain: @unchecked Sendable {
    let chainID = 1337
    let pollCreator = Address("0x" + String(repeating: "c1", count: 20))!
    let bondingManager = Address("0x" + String(repeating: "b0", count: 20))!
    let poll = Address("0x" + String(repeating: "9a", count: 20))!
    let head = 120, created = 10, endBlock = 60
    /// Voters, their choices and the blocks of their votes.
    let votes: [(Address, Int, Int)] = [
        (Address("0x" + String(repeating: "01", count: 20))!, 0, 20), (Address("0x" + String(repeating: "02", count: 20))!, 1, 25),
        (Address("0x" + String(repeating: "03", count: 20))!, 0, 30), (Address("0x" + String(repeating: "04", count: 20))!, 1, 70),
    ]
    /// Delegate, pending stake, delegated stake, registered.
    lazy var stake: [Address: (Address?, BigUInt, BigUInt, Bool)] = {
        let o1 = votes[0].0, o2 = votes[1].0
        return [
            o1: (o1, 100, 300, true), o2: (o2, 200, 250, true), votes[2].0: (o1, 150, 0, false), votes[3].0: (o2, 50, 0, false),
        ]
    }()
    var mutate: ((String, inout [String: Any]) -> Void)?
    var batchLimit = Int.max

    var network: Network {
        Network(
            name: "fake",
            chains: [
                .l2: Network.ChainContracts(
                    chainID: chainID, pollCreator: .init(address: pollCreator, block: 0), bondingManager: .init(address: bondingManager, block: 0), multicall3: nil)
            ])
    }

    func hex(_ n: Int) -> String { "0x" + String(n, radix: 16) }
    func word(_ n: Int) -> String { Hex.prefixed(ABI.encode(uint: BigUInt(n))) }

    func block(_ n: Int) -> [String: Any] { ["number": hex(n), "hash": Hex.prefixed(Array(repeating: UInt8(n % 256), count: 32))] }

    func logs(_ query: [String: Any]) -> [[String: Any]] {
        guard let address = (query["address"] as? String).flatMap({ Address($0) }), let from = Node.canonicalQuantity(query["fromBlock"] as Any),
            let to = Node.canonicalQuantity(query["toBlock"] as Any)
        else { return [] }
        var out: [[String: Any]] = []
        func log(_ address: Address, _ topics: [String], _ data: [UInt8], _ block: Int, _ index: Int) {
            guard (from...to).contains(block) else { return }
            out.append([
                "address": address.lowercased, "topics": topics, "data": Hex.prefixed(data), "blockNumber": hex(block),
                "transactionHash": Hex.prefixed(Array(repeating: UInt8(block), count: 31) + [UInt8(index)]), "logIndex": hex(index), "removed": false,
            ])
        }
        if address == pollCreator {
            let data = ABIEncoder.encode([.bytes(Array("QmProposal".utf8)), .uint(BigUInt(endBlock)), .uint(333_300), .uint(500_000)])
            log(pollCreator, [LedgerEvent.pollCreated.topic0, Hex.prefixed(ABI.encode(address: poll))], data, created, 0)
        } else if address == poll {
            for (i, (voter, choice, block)) in votes.enumerated() {
                log(poll, [LedgerEvent.vote.topic0, Hex.prefixed(ABI.encode(address: voter))], ABI.encode(uint: BigUInt(choice)), block, i)
            }
        }
        return out
    }

    /// The transcoder pool, in order; `poolLoops` makes its last orchestrator point back to the first.
    lazy var pool: [Address] = [votes[0].0, votes[1].0]
    var poolLoops = false

    func call(_ data: String) -> String? {
        let bm = bondingManager
        if data == Hex.prefixed(ViewCall.getTotalBonded(bm).data) { return word(1_000) }
        if data == Hex.prefixed(ViewCall.getFirstTranscoderInPool(bm).data) { return Hex.prefixed(ABI.encode(address: pool.first ?? .zero)) }
        for (i, member) in pool.enumerated() where data == Hex.prefixed(ViewCall.getNextTranscoderInPool(bm, member).data) {
            let next = i + 1 < pool.count ? pool[i + 1] : (poolLoops ? pool[0] : .zero)
            return Hex.prefixed(ABI.encode(address: next))
        }
        for (account, (delegate, pending, delegated, registered)) in stake {
            if data == Hex.prefixed(ViewCall.getDelegator(bm, account).data) {
                return Hex.prefixed(ABI.encode(uint: pending) + ABI.encode(uint: 0) + ABI.encode(address: delegate ?? .zero) + (0..<4).flatMap { _ in ABI.encode(uint: 0) })
            }
            if data == Hex.prefixed(ViewCall.pendingStake(bm, account).data) { return Hex.prefixed(ABI.encode(uint: pending)) }
            if data == Hex.prefixed(ViewCall.transcoderTotalStake(bm, account).data) { return Hex.prefixed(ABI.encode(uint: delegated)) }
            if data == Hex.prefixed(ViewCall.isRegisteredTranscoder(bm, account).data) { return word(registered ? 1 : 0) }
        }
        return nil
    }

    func answer(_ request: [String: Any]) -> [String: Any] {
        let method = request["method"] as? String ?? ""
        let params = request["params"] as? [Any] ?? []
        var object: [String: Any] = ["jsonrpc": "2.0", "id": request["id"] ?? NSNull()]
        switch method {
        case "eth_chainId": object["result"] = hex(chainID)
        case "eth_getBlockByNumber":
            let tag = params.first as? String ?? ""
            object["result"] = block(tag == "latest" ? head : Node.canonicalQuantity(tag) ?? 0)
        case "eth_getLogs": object["result"] = logs(params.first as? [String: Any] ?? [:])
        case "eth_call":
            let data = (params.first as? [String: Any])?["data"] as? String ?? ""
            if let result = call(data) { object["result"] = result } else { object["error"] = ["code": 3, "message": "execution reverted"] }
        default: object["error"] = ["code": -32601, "message": "method not found"]
        }
        mutate?(method, &object)
        return object
    }

    /// The transport serving this chain.
    var transport: ScriptedTransport {
        ScriptedTransport { [self] request in
            if let batch = request as? [[String: Any]] {
                if batch.count > self.batchLimit {
                    // Geth's answer to a batch over its limit.
                    return ScriptedTransport.json([["jsonrpc": "2.0", "id": batch[0]["id"]!, "error": ["code": -32600, "message": "batch too large"]]])
                }
                return ScriptedTransport.json(batch.map(self.answer))
            }
            return ScriptedTransport.json(self.answer(request as! [String: Any]))
        }
    }

    func node() -> Node {
        Node(
            client: JSONRPCClient(
                endpoint: try! RPCEndpoint("http://127.0.0.1:8545/SECRET"), policy: RetryPolicy(attempts: 1, baseDelay: 0, maximumDelay: 0, timeout: 1), batchLimit: 100,
                transport: transport, pause: { _ in }, jitter: { 0 }))
    }

    func read(full: Bool = false) throws -> PollSync.Outcome {
        try PollSync(node: node(), network: network, chain: .l2).read(poll: poll, full: full)
    }
}

final class NodeAnswerTests: XCTestCase {
    func expectMalformed(_ chain: FakeChain, _ words: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try chain.read(), file: file, line: line) { error in
            guard let e = error as? LIPError, !e.isRefusal, case .invalidInput = e else { return XCTFail("\(error) is not exit 2 invalid input", file: file, line: line) }
            XCTAssertTrue("\(e)".contains(words), "\(e)", file: file, line: line)
            XCTAssertTrue("\(e)".hasPrefix("http://127.0.0.1:8545: "), "\(e)", file: file, line: line)
            XCTAssertFalse("\(e)".contains("SECRET"), file: file, line: line)
        }
    }

    func testTheFakeChainSyncs() throws {
        let outcome = try FakeChain().read()
        XCTAssertEqual(outcome.voters, 3, "the vote at block 70 is after the deciding block 60")
        XCTAssertEqual(outcome.stake.block, 60)
        XCTAssertEqual(outcome.stake.accounts.count, 3)
    }

    func testALogOfAnotherContractTopicOrBlockIsRefused() {
        let other = FakeChain()
        other.mutate = { method, object in
            guard method == "eth_getLogs", var logs = object["result"] as? [[String: Any]], !logs.isEmpty else { return }
            logs[0]["address"] = "0x" + String(repeating: "ee", count: 20)
            object["result"] = logs
        }
        expectMalformed(other, "eth_getLogs: a malformed answer (blocks 0-120: a log of 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE was answered, but the query asked for")
        let topic = FakeChain()
        topic.mutate = { method, object in
            guard method == "eth_getLogs", var logs = object["result"] as? [[String: Any]], !logs.isEmpty else { return }
            logs[0]["topics"] = [LedgerEvent.vote.topic0, Hex.prefixed(ABI.encode(address: .zero))]
            object["result"] = logs
        }
        expectMalformed(topic, "a log's topic 0 is")
        let late = FakeChain()
        late.mutate = { method, object in
            guard method == "eth_getLogs", var logs = object["result"] as? [[String: Any]], logs.count > 1 else { return }
            logs[1]["blockNumber"] = "0x7d0"  // 2000: past the deciding block 60
            object["result"] = logs
        }
        expectMalformed(late, "a log of block 2000 was answered, outside the blocks asked")
    }

    func testAHeaderForAnotherBlockIsRefused() {
        let chain = FakeChain()
        chain.mutate = { method, object in
            guard method == "eth_getBlockByNumber", var block = object["result"] as? [String: Any], block["number"] as? String == "0x3c" else { return }
            block["number"] = "0x3d"
            object["result"] = block
        }
        expectMalformed(chain, "block 60 was answered with block 61")
    }

    func testQuantitiesAreCanonicalUnsignedHex() {
        for good in ["0x0", "0x1a", "0xFF", "0x7fffffffffffffff".prefix(17).description] { XCTAssertNotNil(Node.canonicalQuantity(good), good) }
        for bad in ["0x", "0x01", "-0x1", "0x-1", "0x+1", " 0x1", "0x1 ", "1a", "0x1g", "0x" + String(repeating: "f", count: 16)] {
            XCTAssertNil(Node.canonicalQuantity(bad), bad)
        }
        let chain = FakeChain()
        chain.mutate = { method, object in if method == "eth_chainId" { object["result"] = "0x-539" } }
        expectMalformed(chain, "`0x-539` is not a hex quantity")
    }

    func testBatchAnswersAreMatchedByExactlyTheIdSent() {
        for (name, change) in [("a string id", { (id: Int) -> Any in String(id) }), ("a boolean", { _ in true }), ("another number", { $0 + 1 })] {
            let chain = FakeChain()
            chain.mutate = { method, object in
                if method == "eth_call", let id = object["id"] as? Int { object["id"] = change(id) }
            }
            XCTAssertThrowsError(try chain.read(), name) { XCTAssertTrue("\($0)".contains("a malformed answer"), "\(name): \($0)") }
        }
        XCTAssertNil(JSONRPCClient.integerID(true))
        XCTAssertNil(JSONRPCClient.integerID(NSNumber(value: 1.5)))
        XCTAssertNil(JSONRPCClient.integerID((try! JSONSerialization.jsonObject(with: Data("[7.0]".utf8)) as! [Any])[0]), "7.0 is not the id 7")
        XCTAssertNil(JSONRPCClient.integerID("1"))
        XCTAssertEqual(JSONRPCClient.integerID(NSNumber(value: 7)), 7)
    }

    func testGethsBatchTooLargeSplitsTheBatch() throws {
        let chain = FakeChain()
        chain.batchLimit = 5
        let outcome = try chain.read()
        XCTAssertEqual(outcome.stake.accounts.count, 3, "the batches were split until geth took them")
    }

    func testANodesErrorNamesTheNodeAndMethodWithItsControlsVisible() {
        let chain = FakeChain()
        chain.mutate = { method, object in
            if method == "eth_chainId" {
                object.removeValue(forKey: "result")
                object["error"] = ["code": -32000, "message": "\u{1b}]8;;https://evil\u{07}click\u{1b}[2J"]
            }
        }
        XCTAssertThrowsError(try chain.read()) { error in
            guard case LIPError.node(let endpoint, let method, _)? = error as? LIPError else { return XCTFail("\(error)") }
            XCTAssertEqual(endpoint, "http://127.0.0.1:8545")
            XCTAssertEqual(method, "eth_chainId")
            XCTAssertEqual("\(error)", "http://127.0.0.1:8545: eth_chainId: \u{1b}]8;;https://evil\u{07}click\u{1b}[2J (code -32000)")
            XCTAssertEqual(
                VisibleText.forTerminal("lip: error: \(error)"), #"lip: error: http://127.0.0.1:8545: eth_chainId: \u{1b}]8;;https://evil\u{7}click\u{1b}[2J (code -32000)"#)
        }
    }

    func testADelegationWalkVisitsEachAccountOnceAndStopsAtItsDepth() throws {
        let a = (1...20).map { Address(String(format: "0x%040x", $0))! }
        // A voter, its orchestrator (self-delegated), and a delegator of a delegator: each asked once.
        var asked: [Address] = []
        let found = try ProposalSync.followDelegations(from: [a[0], a[1], a[0]]) { ask in
            asked += ask
            return ask.map { [a[0]: a[2], a[1]: a[3], a[2]: a[2], a[3]: a[2]][$0]! }
        }
        XCTAssertEqual(found, [a[0]: a[2], a[1]: a[3], a[2]: a[2], a[3]: a[2]])
        XCTAssertEqual(asked.count, 4, "each account once")
        // A cycle through the same accounts ends.
        XCTAssertEqual(try ProposalSync.followDelegations(from: [a[0]]) { $0.map { $0 == a[0] ? a[1] : a[0] } }.count, 2)
        // A node that answers an endless chain of new addresses is stopped at the documented depth.
        var calls = 0
        XCTAssertThrowsError(
            try ProposalSync.followDelegations(from: [a[0]]) { ask in
                calls += 1
                return ask.map { Address(String(format: "0x%040x", Int($0.lowercased.suffix(8), radix: 16)! + 1))! }
            }
        ) { error in
            guard case ProposalSync.DelegationWalk.tooDeep? = error as? ProposalSync.DelegationWalk else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(calls, ProposalSync.maximumDelegationDepth)
    }

    /// Mutations of every answer of every method the sync calls (types, numbers, ids, addresses,
    /// ranges, sizes): each run ends with the same tally inputs, or an error of exit 2; never a
    /// trap, never a partial store.
    func testMutatedNodeAnswersGiveTheSameResultOrExitTwoAndStoreNothingPartial() throws {
        let base = try FakeChain().read()
        var rng = SeededGenerator(seed: 2026)
        var failed = 0, same = 0
        let methods = ["eth_chainId", "eth_getBlockByNumber", "eth_getLogs", "eth_call"]
        for run in 0..<400 {
            let chain = FakeChain()
            let target = methods[run % methods.count]
            let pick = Int.random(in: 0..<40, using: &rng)
            let kind = Int.random(in: 0..<12, using: &rng)
            var seen = 0
            chain.mutate = { method, object in
                guard method == target else { return }
                defer { seen += 1 }
                guard seen == pick % 6 else { return }
                NodeAnswerTests.mutate(&object, kind: kind, salt: pick)
            }
            let ledger = try Ledger(path: try temporaryDirectory(self).appendingPathComponent("l.sqlite").path, create: true)
            do {
                let outcome = try chain.read()
                _ = try ledger.storeSync(
                    logs: outcome.logs, stake: outcome.stake, record: ImportRecord(kind: .sync, file: chain.poll.checksummed, sha256: outcome.sha256, poll: chain.poll))
                // Accepted: what it read is what the chain holds (a mutation the node may make harmlessly).
                XCTAssertEqual(outcome.stake.accounts, base.stake.accounts, "run \(run): \(target) kind \(kind)")
                XCTAssertEqual(outcome.voters, base.voters, "run \(run)")
                same += 1
            } catch let error as LIPError {
                XCTAssertFalse(error.isRefusal, "run \(run): \(error)")
                failed += 1
                let status = try ledger.status()
                XCTAssertTrue(status.snapshots.isEmpty && status.polls.isEmpty && status.logsImported == 0, "run \(run): a failed sync stored something")
            } catch {
                XCTFail("run \(run): \(target) kind \(kind): not an LIPError: \(error)")
            }
        }
        XCTAssertGreaterThan(failed, 150, "most mutations are caught")
        XCTAssertGreaterThan(same, 10, "some leave the answer as good as it was")
    }

    /// One mutation of an answer object: its id, its result's type, a number, an address, a range, a size.
    static func mutate(_ object: inout [String: Any], kind: Int, salt: Int) {
        func mutateValue(_ value: Any) -> Any {
            switch value {
            case let text as String where text.hasPrefix("0x"):
                switch salt % 5 {
                case 0: return String(text.dropLast(2))
                case 1: return text + "00"
                case 2: return "-" + text
                case 3: return "0x0" + text.dropFirst(2)
                default: return text.uppercased()
                }
            case var array as [Any]:
                if array.isEmpty { return [1] }
                if salt % 2 == 0 { array.removeLast() } else { array[0] = mutateValue(array[0]) }
                return array
            case var map as [String: Any]:
                let keys = map.keys.sorted()
                let key = keys[salt % keys.count]
                map[key] = mutateValue(map[key]!)
                return map
            default: return NSNull()
            }
        }
        switch kind {
        case 0: object["id"] = "\(object["id"] ?? 0)"
        case 1: object["id"] = ((object["id"] as? Int) ?? 0) + 1000
        case 2: object.removeValue(forKey: "id")
        case 3: object["result"] = 12345
        case 4: object["result"] = NSNull()
        case 5: object.removeValue(forKey: "result")
        case 6: object["result"] = ["unexpected": true]
        case 7: object["jsonrpc"] = "1.0"
        default: if let result = object["result"] { object["result"] = mutateValue(result) }
        }
    }
}

extension NodeAnswerTests {
    /// `lip ledger sync polls`: the PollCreator's poll found by scanning, read with the transcoder
    /// pool; a second scan from the first one's end finds nothing; a pool that loops is a
    /// malformed answer naming the node, never an endless walk.
    func testPollsAreFoundByScanningAndReadWithThePool() throws {
        let chain = FakeChain()
        let sync = try PollsSync(node: chain.node(), network: chain.network, chain: .l2)
        let outcome = try sync.read(scannedTo: nil, undecided: [], toBlock: nil, full: false)
        XCTAssertEqual(outcome.found, 1)
        XCTAssertEqual(outcome.scannedTo, chain.head)
        XCTAssertEqual(outcome.polls.map(\.poll), [chain.poll])
        XCTAssertTrue(outcome.polls[0].decided)
        XCTAssertEqual(Set(outcome.polls[0].stake.accounts.filter(\.registered).map(\.account)), Set(chain.pool))
        let again = try sync.read(scannedTo: outcome.scannedTo, undecided: [], toBlock: nil, full: false)
        XCTAssertEqual(again.polls.count, 0)
        // Up to a block before the end: the poll is read, undecided, at that block.
        let early = try sync.read(scannedTo: nil, undecided: [], toBlock: 40, full: false)
        XCTAssertEqual(early.polls.map(\.decided), [false])
        XCTAssertEqual(early.polls[0].stake.block, 40)
        XCTAssertThrowsError(try sync.read(scannedTo: nil, undecided: [], toBlock: chain.head + 1, full: false))
        chain.poolLoops = true
        XCTAssertThrowsError(try sync.read(scannedTo: nil, undecided: [], toBlock: nil, full: false)) { error in
            XCTAssertTrue("\(error)".contains("the transcoder pool at block 60 loops"), "\(error)")
        }
    }
}
