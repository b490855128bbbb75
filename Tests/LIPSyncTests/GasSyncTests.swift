import BigInt
import Foundation
import XCTest

@testable import LIPCore
@testable import LIPLedger
@testable import LIPSync

/// The gas-price sync against odd nodes: timestamps that go backwards, a head of 2^60 with equal
/// timestamps, a node without a finalized block. Each is refused or bounded before anything is
/// stored, never a silent loop.
final class GasSyncTests: XCTestCase {
    /// A scripted node: `head`, an optional finalized block, and each block's timestamp.
    func node(head: Int, finalized: Int?, timestamp: @escaping (Int) -> Int64) -> (Node, ScriptedTransport) {
        func hex(_ n: Int) -> String { "0x" + String(n, radix: 16) }
        let transport = ScriptedTransport { request in
            func one(_ r: [String: Any]) -> [String: Any] {
                let method = r["method"] as? String ?? "", params = r["params"] as? [Any] ?? []
                var out: [String: Any] = ["jsonrpc": "2.0", "id": r["id"] ?? NSNull()]
                switch method {
                case "eth_getBlockByNumber":
                    let tag = params.first as? String ?? ""
                    let number: Int?
                    switch tag {
                    case "latest": number = head
                    case "finalized": number = finalized
                    default: number = Node.canonicalQuantity(tag).flatMap { Int(exactly: $0) }
                    }
                    if tag == "finalized" && finalized == nil {
                        out["error"] = ["code": -32602, "message": "invalid block tag finalized"]
                    } else if let n = number {
                        out["result"] = ["number": hex(n), "hash": "0x" + String(repeating: "ab", count: 32), "timestamp": hex(Int(timestamp(n)))]
                    }
                case "eth_feeHistory":
                    let block = Node.canonicalQuantity(params[1]).flatMap { Int(exactly: $0) } ?? 0
                    out["result"] = ["oldestBlock": hex(block), "baseFeePerGas": ["0x64", "0x64"], "reward": [["0x1"]]]
                default: out["error"] = ["code": -32601, "message": "method not found"]
                }
                return out
            }
            if let batch = request as? [[String: Any]] { return ScriptedTransport.json(batch.map(one)) }
            return ScriptedTransport.json(one(request as! [String: Any]))
        }
        let client = JSONRPCClient(
            endpoint: try! RPCEndpoint("https://arb.example.org/KEY"), policy: RetryPolicy(attempts: 2, baseDelay: 0, maximumDelay: 0, timeout: 5), transport: transport,
            pause: { _ in }, jitter: { 0 })
        return (Node(client: client), transport)
    }

    func testTimestampsThatGoBackwardsAreRefusedNamingTheBlocks() throws {
        let (n, _) = node(head: 100, finalized: 100) { $0 == 50 ? 400 : 1_000 + Int64($0) * 10 }
        XCTAssertThrowsError(try GasSync(node: n).read(.init(range: .blocks(40, 60), every: 1), chain: .l2)) { error in
            XCTAssertEqual(
                "\(error)",
                "https://arb.example.org: eth_getBlockByNumber: a malformed answer (block 50 has timestamp 400, before block 49's 1490: a chain's timestamps never go backwards); nothing was stored"
            )
        }
    }

    /// A node claiming a head of 2^56 (the largest block number lip reads has 15 hex digits) whose
    /// blocks all have one timestamp: the date range is all of it, and the sync refuses it by
    /// --max-samples after a bounded binary search.
    func testAHugeHeadIsRefusedByTheSampleLimit() throws {
        let head = 1 << 56
        let (n, transport) = node(head: head, finalized: head) { _ in 1_700_000_000 }
        let day = CalendarDate(unixSeconds: 1_700_000_000)
        XCTAssertThrowsError(try GasSync(node: n).read(.init(range: .dates(day, day), every: 1), chain: .l2)) { error in
            XCTAssertTrue("\(error)".contains("would keep \(head + 1) samples, more than --max-samples 1000000"), "\(error)")
        }
        XCTAssertLessThan(transport.bodies.count, 200, "a binary search, then nothing read")
    }

    /// Without a finalized block, only blocks 64 below the head are stored: a --to-block past
    /// that is refused, a date range is cut there and says so.
    func testOnlyFinalBlocksAreRead() throws {
        let (n, _) = node(head: 1_000, finalized: nil) { 1_699_920_000 + Int64($0) * 12 }
        XCTAssertThrowsError(try GasSync(node: n).read(.init(range: .blocks(900, 990), every: 1), chain: .l2)) { error in
            XCTAssertTrue("\(error)".contains("--to-block 990 is past block 936, the head 1000 less 64 confirmations"), "\(error)")
        }
        let day = CalendarDate(unixSeconds: 1_699_920_000)
        let reading = try GasSync(node: n).read(.init(range: .dates(day, day), every: 100), chain: .l2)
        XCTAssertTrue(reading.clamped)
        XCTAssertEqual(reading.range, 0...936)
        XCTAssertEqual(reading.samples.map(\.block), [0, 100, 200, 300, 400, 500, 600, 700, 800, 900])
        // With a finalized block, that one is the limit.
        let (f, _) = node(head: 1_000, finalized: 990) { 1_700_000_000 + Int64($0) * 12 }
        XCTAssertEqual(try GasSync(node: f).read(.init(range: .blocks(900, 990), every: 45), chain: .l2).samples.map(\.block), [900, 945, 990])
    }

    /// One proleptic Gregorian calendar everywhere: dates before 1582 neither trap nor shift.
    func testDatesBefore1582AreProlepticGregorian() {
        let date = CalendarDate("1500-02-28")!
        XCTAssertEqual(date.adding(days: 1).description, "1500-03-01", "1500 is no leap year in the Gregorian calendar")
        XCTAssertEqual(CalendarDate(daysSinceEpoch: date.daysSinceEpoch), date)
        XCTAssertEqual(CalendarDate("2000-02-28")!.adding(days: 1).description, "2000-02-29")
        XCTAssertEqual(CalendarDate("1900-02-28")!.adding(days: 1).description, "1900-03-01")
    }
}
