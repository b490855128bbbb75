import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPCore
@testable import LIPEthereum
@testable import LIPLedger

/// Thousands of seeded random mutations of valid inputs: nothing traps, and an import that fails
/// leaves the ledger exactly as it was.
final class FuzzTests: XCTestCase {
    func testTheFastLogReaderReadsAsTheGeneralReaderOrLeavesTheLogToIt() {
        var rng = SeededGenerator(seed: 16)
        let base = Array(LogScannerTests.base.utf8)
        var readFast = 0
        for _ in 0..<20_000 {
            let bytes = Mutation.mutate(base, &rng)
            guard let fast = bytes.withUnsafeBufferPointer(LogScanner.scan) else { continue }
            readFast += 1
            XCTAssertEqual(fast, LogScannerTests.generalReading(bytes), String(decoding: bytes, as: UTF8.self))
        }
        // Mutations that keep the usual shape (a changed hex digit, a member dropped from the
        // ones the ledger does not read) are still read fast.
        XCTAssertGreaterThan(readFast, 500)
    }

    func testSnapshotCSVAndLogsNeverTrapAndFailedImportsChangeNothing() throws {
        let dir = try temporaryDirectory(self)
        let ledger = try Ledger(path: dir.appendingPathComponent("fuzz.sqlite").path, create: true)
        var rng = SeededGenerator(seed: 16)
        let csv = Array(
            ("account,delegate,stake,delegated_stake,status,active\n"
                + (1...6).map { i in
                    "\(addr(String(format: "%02x", i))),\(addr("0\(i % 2 + 1)")),\(lpt(i * 10)),,\(i <= 2 ? "registered" : ""),\(i % 2 == 0)"
                }.joined(separator: "\n") + "\n").utf8)
        var maker = LogMaker()
        let logObjects: [[String: Any]] = [
            maker.pollCreated(poll: addr("90"), proposal: "QmavCjvAMSjMCHG6WAJhrC9oNLz9y7r2eCHhnvJLE4qdoY", endBlock: 120),
            maker.vote(poll: addr("90"), voter: addr("01"), choice: 0),
            maker.vote(poll: addr("90"), voter: addr("02"), choice: 1),
            maker.migrateDelegator(l1: addr("03"), l2: addr("13"), stake: lpt(30), delegate: addr("01")),
            maker.stakeClaimed(delegator: addr("04"), delegate: addr("02"), stake: lpt(40)),
            maker.poolCreated(l1: addr("01"), pool: addr("a1")),
        ]
        let logs = Array(try JSONSerialization.data(withJSONObject: logObjects, options: [.sortedKeys]))
        let file = dir.appendingPathComponent("input")
        var failures = 0
        for i in 0..<1_500 {
            let before = try ledger.dump()
            do {
                if i % 2 == 0 {
                    try Data(Mutation.mutate(csv, &rng)).write(to: file)
                    _ = try ledger.importSnapshot(file, path: "input", options: SnapshotOptions(chain: .l1, block: 7, replace: true))
                } else {
                    try Data(Mutation.mutate(logs, &rng)).write(to: file)
                    _ = try ledger.importLogs(file, path: "input", chain: .l2)
                }
            } catch let error as LIPError {
                failures += 1
                XCTAssertEqual(try ledger.dump(), before, "a failed import changed the ledger: \(error)")
                XCTAssertTrue("\(error)".hasPrefix("input"), "the error names the file: \(error)")
            }
        }
        XCTAssertGreaterThan(failures, 300, "the mutations reach the error paths")
    }
}
