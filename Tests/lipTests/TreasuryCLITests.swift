import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPEthereum
@testable import LIPLedger

/// `lip treasury` as a user runs it on a ledger whose movements do not add up to the balance the
/// chain gave: refused, exit 2, both figures named; and on no treasury at all: what to run.
final class TreasuryCLITests: XCTestCase {
    func testMovementsThatDoNotAddUpAreRefusedWithExit2() throws {
        let dir = try temporaryDirectory(self)
        let ledger = try Ledger(path: dir.appendingPathComponent("l.sqlite").path, create: true)
        let treasury = Address(addr("7e"))!, token = Address(addr("70"))!
        let none = try lip(["treasury", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(none.code, 2)
        XCTAssertTrue(none.stderr.contains("lip ledger sync treasury"), none.stderr)
        _ = try ledger.storeTreasurySync(
            TreasurySyncRead(
                transfers: [
                    TreasuryTransfer(transactionHash: String(format: "0x%064x", 1), logIndex: 0, block: 5, timestamp: 0, from: Address(addr("01"))!, to: treasury, amount: 100)
                ],
                rewards: [], executions: [],
                state: TreasuryState(
                    chain: .l2, treasury: treasury, token: token, block: 9, balance: 90, cutRate: 0, nextCutRate: 0, ceiling: 0, roundLength: 10, lengthUpdateRound: 1,
                    lengthUpdateStartBlock: 0), source: "test"))
        let refused = try lip(["treasury", "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(refused.code, 2)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("add up to 100 wei at block 9") && refused.stderr.contains("is 90 wei"), refused.stderr)
    }
}
