import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPCore
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPSync

/// A transport that answers from a script and records what was asked.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    let lock = NSLock()
    var bodies: [Any] = []
    let answer: (Any) throws -> HTTPAnswer

    init(_ answer: @escaping (Any) throws -> HTTPAnswer) { self.answer = answer }

    func post(_ body: Data, to url: URL, timeout: Double) throws -> HTTPAnswer {
        let request = try JSONSerialization.jsonObject(with: body)
        lock.lock()
        bodies.append(request)
        lock.unlock()
        return try answer(request)
    }

    static func json(_ object: Any) -> HTTPAnswer { HTTPAnswer(status: 200, body: try! JSONSerialization.data(withJSONObject: object)) }

    /// The result `result(method, params)` for each request of a single or batch body.
    static func results(_ request: Any, _ result: (String, [Any]) -> Any) -> HTTPAnswer {
        func one(_ r: [String: Any]) -> [String: Any] { ["jsonrpc": "2.0", "id": r["id"]!, "result": result(r["method"] as! String, r["params"] as! [Any])] }
        if let batch = request as? [[String: Any]] { return json(batch.map(one)) }
        return json(one(request as! [String: Any]))
    }
}

final class SyncClientTests: XCTestCase {
    let endpoint = try! RPCEndpoint("https://arb.example.org/v2/SECRET-KEY?apikey=SECRET")

    func client(_ transport: ScriptedTransport, pauses: PauseLog = PauseLog(), batchLimit: Int = 100) -> JSONRPCClient {
        JSONRPCClient(
            endpoint: endpoint, policy: RetryPolicy(attempts: 4, baseDelay: 0.5, maximumDelay: 30, timeout: 5), batchLimit: batchLimit, transport: transport,
            pause: { pauses.add($0) }, jitter: { 0.5 })
    }

    final class PauseLog: @unchecked Sendable {
        let lock = NSLock()
        var pauses: [Double] = []
        func add(_ d: Double) {
            lock.lock()
            pauses.append(d)
            lock.unlock()
        }
    }

    func testTheURLIsShownByHostOnly() throws {
        XCTAssertEqual(endpoint.display, "https://arb.example.org")
        XCTAssertEqual(try RPCEndpoint("http://127.0.0.1:8545/key").display, "http://127.0.0.1:8545")
        XCTAssertThrowsError(try RPCEndpoint("ftp://SECRET@host/")) { XCTAssertFalse("\($0)".contains("SECRET")) }
    }

    func testRetriesHonourRetryAfterThenBackOffWithJitter() throws {
        var answers = [HTTPAnswer(status: 429, retryAfter: 2, body: Data()), HTTPAnswer(status: 503, body: Data())]
        let transport = ScriptedTransport { request in
            if !answers.isEmpty { return answers.removeFirst() }
            return ScriptedTransport.results(request) { _, _ in "0xa4b1" }
        }
        let pauses = PauseLog()
        let rpc = client(transport, pauses: pauses)
        XCTAssertEqual(try rpc.call("eth_chainId", []) as? String, "0xa4b1")
        XCTAssertEqual(pauses.pauses, [2, 1.5], "Retry-After first; then the second retry waits base × 2 = 1 s plus half of it as jitter")
        XCTAssertEqual(rpc.roundTrips, 3)
    }

    func testDroppedConnectionsAndTimeoutsAreRetriedThenGiveUpNamingTheMethod() throws {
        let transport = ScriptedTransport { _ in throw TransportFailure.connection("connection dropped") }
        let pauses = PauseLog()
        let rpc = client(transport, pauses: pauses)
        XCTAssertThrowsError(try rpc.call("eth_getLogs", [], context: "blocks 100-9099")) { error in
            XCTAssertEqual(
                "\(error)", "https://arb.example.org: cannot read: eth_getLogs blocks 100-9099 failed: the connection was dropped 17 times in a row (connection dropped)")
            XCTAssertFalse("\(error)".contains("SECRET"))
        }
        XCTAssertEqual(pauses.pauses, [], "a drop is tried again at once, on a new connection, 16 times at most")
        XCTAssertEqual(transport.bodies.count, 17)
        // Timeouts are waited out with backoff from the first.
        let slow = ScriptedTransport { _ in throw TransportFailure.timeout }
        let waited = PauseLog()
        XCTAssertThrowsError(try client(slow, pauses: waited).call("eth_chainId", [])) { error in
            XCTAssertEqual("\(error)", "https://arb.example.org: cannot read: eth_chainId failed after 4 tries: no answer within 5.0 s")
        }
        XCTAssertEqual(waited.pauses, [0.75, 1.5, 3.0], "exponential backoff with jitter")
    }

    /// A connection the provider dropped is tried again at once, never waited out.
    func testADroppedConnectionIsRetriedAtOnce() throws {
        var drops = 2
        let transport = ScriptedTransport { request in
            if drops > 0 {
                drops -= 1
                throw TransportFailure.connection("connection dropped")
            }
            return ScriptedTransport.results(request) { _, _ in "0xa4b1" }
        }
        let pauses = PauseLog()
        let rpc = client(transport, pauses: pauses)
        XCTAssertEqual(try rpc.call("eth_chainId", []) as? String, "0xa4b1")
        XCTAssertEqual(try rpc.call("eth_chainId", []) as? String, "0xa4b1")
        XCTAssertEqual(pauses.pauses, [], "each drop is retried at once")
        XCTAssertEqual(rpc.roundTrips, 4)
    }

    func testMalformedAnswersAreErrorsNotRetries() throws {
        for body in ["<html>oops</html>", "{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":\"0x1\"}", "{\"jsonrpc\":\"2.0\",\"id\":1}"] {
            let transport = ScriptedTransport { _ in HTTPAnswer(status: 200, body: Data(body.utf8)) }
            XCTAssertThrowsError(try client(transport).call("eth_blockNumber", [])) { error in
                XCTAssertTrue("\(error)".hasPrefix("https://arb.example.org: eth_blockNumber: a malformed answer"), "\(error)")
                XCTAssertTrue("\(error)".hasSuffix("nothing was stored"), "\(error)")
            }
            XCTAssertEqual(transport.bodies.count, 1)
        }
    }

    func testABatchTooLargeIsSplit() throws {
        let transport = ScriptedTransport { request in
            if let batch = request as? [Any], batch.count > 3 {
                return ScriptedTransport.json(["jsonrpc": "2.0", "id": NSNull(), "error": ["code": -32600, "message": "batch too large"]])
            }
            return ScriptedTransport.results(request) { _, params in params.first ?? NSNull() }
        }
        let rpc = client(transport, batchLimit: 10)
        let results = try rpc.batch((0..<10).map { JSONRPCClient.Request("echo", [.int($0)]) })
        XCTAssertEqual(results.map { (try? $0.get()) as? Int }, Array(0..<10))
        XCTAssertLessThanOrEqual(rpc.batchLimit, 3)
        XCTAssertEqual(transport.bodies.compactMap { ($0 as? [Any])?.count }, [10, 5, 2, 2, 2, 2, 2], "refused whole, halved, then sent in batches the node takes")
    }

    func testLogRangesAreHalvedUntilTheNodeAcceptsThem() throws {
        let transport = ScriptedTransport { request in
            let r = request as! [String: Any]
            let query = (r["params"] as! [[String: Any]])[0]
            let from = Int((query["fromBlock"] as! String).dropFirst(2), radix: 16)!, to = Int((query["toBlock"] as! String).dropFirst(2), radix: 16)!
            if to - from + 1 > 300 {
                return ScriptedTransport.json(["jsonrpc": "2.0", "id": r["id"]!, "error": ["code": -32005, "message": "query returned more than 10000 results"]])
            }
            let logs = (from...to).filter { $0 % 100 == 0 }.map { n in
                [
                    "address": "0x" + String(repeating: "11", count: 20), "topics": [String](), "data": "0x", "blockNumber": "0x" + String(n, radix: 16),
                    "transactionHash": "0x" + String(repeating: "ab", count: 32), "logIndex": "0x0",
                ] as [String: Any]
            }
            return ScriptedTransport.json(["jsonrpc": "2.0", "id": r["id"]!, "result": logs])
        }
        let node = Node(client: client(transport), maxRange: 2_000)
        let logs = try node.logs(address: Address("0x" + String(repeating: "11", count: 20))!, topics: [], from: 1, to: 1_999)
        XCTAssertEqual(logs.count, 19)
        XCTAssertLessThanOrEqual(node.logRange, 300)
        let ranges = transport.bodies.map { body -> Int in
            let q = ((body as! [String: Any])["params"] as! [[String: Any]])[0]
            return Int((q["toBlock"] as! String).dropFirst(2), radix: 16)! - Int((q["fromBlock"] as! String).dropFirst(2), radix: 16)! + 1
        }
        XCTAssertEqual(Array(ranges.prefix(4)), [1_999, 999, 499, 249], "halved after each refusal")
    }

    /// A made-up Arbitrum chain: block n reports L1 block 1000 + n / 4.
    struct ArbitrumLike: BlockSource {
        var headNumber: Int
        var hasL1 = true
        func head() throws -> BlockHeader { try header(headNumber) }
        func header(_ n: Int) throws -> BlockHeader { BlockHeader(number: n, hash: "0x\(n)", l1BlockNumber: hasL1 ? 1000 + n / 4 : nil) }
    }

    func testTheDecidingBlockIsTheLastBlockAtOrBeforeTheEnd() throws {
        let decided = try DecidingBlock.find(endBlock: 1_100, lowerBound: 10, in: ArbitrumLike(headNumber: 5_000))
        XCTAssertEqual(decided.header.number, 403, "1000 + 403/4 = 1100, and block 404 reports 1101")
        XCTAssertFalse(decided.provisional)
        let early = try DecidingBlock.find(endBlock: 1_100, lowerBound: 10, in: ArbitrumLike(headNumber: 402))
        XCTAssertEqual(early.header.number, 402)
        XCTAssertTrue(early.provisional, "the head still reports L1 block 1100: more blocks may follow")
        let plain = try DecidingBlock.find(endBlock: 300, lowerBound: 10, in: ArbitrumLike(headNumber: 5_000, hasL1: false))
        XCTAssertEqual(plain.header.number, 300)
        XCTAssertTrue(try DecidingBlock.find(endBlock: 300, lowerBound: 10, in: ArbitrumLike(headNumber: 200, hasL1: false)).provisional)
    }

    func testSelectorsAndTopicsOfTheSpec() {
        let bm = Address("0x" + String(repeating: "22", count: 20))!, a = Address("0x" + String(repeating: "33", count: 20))!
        XCTAssertEqual(Hex.encode(ViewCall.getDelegator(bm, a).data.prefix(4)), "a64ad595")
        XCTAssertEqual(Hex.encode(ViewCall.pendingStake(bm, a).data.prefix(4)), "9d0b2c7a")
        XCTAssertEqual(Hex.encode(ViewCall.transcoderTotalStake(bm, a).data.prefix(4)), "9ef9df94")
        XCTAssertEqual(Hex.encode(ViewCall.isRegisteredTranscoder(bm, a).data.prefix(4)), "68ba170c")
        XCTAssertEqual(Hex.encode(ViewCall.getTotalBonded(bm).data), "5c50c356")
        XCTAssertEqual(Hex.encode(Multicall3.encode([]).prefix(4)), "82ad56cb")
        XCTAssertEqual(PollSync.Topics.bond, "0xe5917769f276ddca9f2ee7c6b0b33e1d1e1b61008010ce622c632dd20d168a23")
        XCTAssertEqual(PollSync.Topics.rebond, "0x9f5b64cc71e1e26ff178caaa7877a04d8ce66fde989251870e80e6fbee690c17")
        XCTAssertEqual(PollSync.Topics.transferBond, "0xf136b986590e86cf1abd7b6600186a7a1178ad3cbbdf0f3312e79f6214a2a567")
    }

    func testMulticallAnswersDecode() throws {
        // (bool,bytes)[] with [(true, 0x01 02), (false, "")], as aggregate3 returns it.
        var data = ABI.encode(uint: 32) + ABI.encode(uint: 2) + ABI.encode(uint: 64) + ABI.encode(uint: 192)
        data += ABI.encode(uint: 1) + ABI.encode(uint: 64) + ABI.encode(uint: 2) + [1, 2] + [UInt8](repeating: 0, count: 30)
        data += ABI.encode(uint: 0) + ABI.encode(uint: 64) + ABI.encode(uint: 0)
        XCTAssertEqual(try Multicall3.decode(data, count: 2), [[1, 2], nil])
        XCTAssertThrowsError(try Multicall3.decode(Array(data.prefix(100)), count: 2))
        XCTAssertThrowsError(try Multicall3.decode(data, count: 3))
    }

    func testGovernorViewSelectorsAndMainnetAddressesAreThoseOfTheSpec() {
        // The governor views' selectors of the spec.
        let governor = GovernorScenario.address(1)
        XCTAssertEqual(Hex.prefixed(ViewCall.proposalVotes(governor, 1).data.prefix(4)), "0x544ffc9c")
        XCTAssertEqual(Hex.prefixed(ViewCall.proposalState(governor, 1).data.prefix(4)), "0x3e4f49e6")
        XCTAssertEqual(Hex.prefixed(ViewCall.quota(governor).data.prefix(4)), "0xcebe09c9")
        XCTAssertEqual(Hex.prefixed(ViewCall.quorumNumerator(governor, round: 1).data.prefix(4)), "0x60c4247f")
        XCTAssertEqual(Hex.prefixed(ViewCall.delegatedAt(governor, governor, round: 1).data.prefix(4)), "0xf92e135b")
        XCTAssertEqual(Hex.prefixed(ViewCall.getPastTotalSupply(governor, round: 1).data.prefix(4)), "0x8e539e8c")
        // Mainnet knows the governor and BondingVotes (their EIP-55 spellings check).
        XCTAssertEqual(Network.mainnet.chains[.l2]?.livepeerGovernor?.address.checksummed, "0xcFE4E2879B786C3aa075813F0E364bb5acCb6aa0")
        XCTAssertEqual(Network.mainnet.chains[.l2]?.bondingVotes?.address.checksummed, "0x0B9C254837E72Ebe9Fe04960C43B69782E68169A")
    }
}
