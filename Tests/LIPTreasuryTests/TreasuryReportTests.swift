import BigInt
import Foundation
import LIPCore
import LIPTestSupport
import XCTest

@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTreasury

/// The treasury report on a ledger built here: each movement's kind, the balances, the periods,
/// a proposal whose calldata disagrees with its transfer, and the refusal when the movements do
/// not add up to balanceOf. Amounts are whole LPT.
final class TreasuryReportTests: XCTestCase {
    var dir: URL!
    var ledger: Ledger!
    let treasury = Address(addr("7e"))!, token = Address(addr("70"))!, orchestrator = Address(addr("01"))!, giver = Address(addr("0a"))!
    let grantee = Address(addr("0b"))!, governor = GovernorScenario().governor

    func L(_ n: Int) -> BigUInt { BigUInt(n) * Amount.weiPerLPT }

    override func setUpWithError() throws {
        dir = try temporaryDirectory(self)
        ledger = try Ledger(path: dir.appendingPathComponent("ledger.sqlite").path, create: true)
    }

    func tx(_ n: Int) -> String { String(format: "0x%064x", n) }

    /// Rewards of 10 and 20 in rounds 100 and 101 (round length 10 from block 1000), 5 in from
    /// another account, 7 out by proposal 9 (whose calldata pays `paid` to the grantee).
    func store(balance: BigUInt, paid: BigUInt) throws {
        var scenario = GovernorScenario()
        scenario.proposalID = 9
        let logs = dir.appendingPathComponent("gov.json")
        try Data(scenario.logsJSON().utf8).write(to: logs)
        _ = try ledger.importLogs(logs, path: "gov.json", chain: .l2)
        // The scenario's proposal has no actions: give it the token's transfer.
        let call = ABI.selector("transfer(address,uint256)") + ABI.encode(address: grantee) + ABI.encode(uint: paid)
        try ledger.database.write {
            try $0.execute(
                sql: "UPDATE proposals SET targets = ?, call_values = '[\"0\"]', signatures = '[\"\"]', calldatas = ? WHERE id = '9'",
                arguments: ["[\"\(token.lowercased)\"]", "[\"\(Hex.prefixed(call))\"]"])
        }
        let read = TreasurySyncRead(
            transfers: [
                TreasuryTransfer(transactionHash: tx(1), logIndex: 2, block: 1_005, timestamp: 1_700_000_000, from: Address(addr("00"))!, to: treasury, amount: L(10)),
                TreasuryTransfer(transactionHash: tx(2), logIndex: 2, block: 1_012, timestamp: 1_700_086_400, from: Address(addr("00"))!, to: treasury, amount: L(20)),
                TreasuryTransfer(transactionHash: tx(3), logIndex: 0, block: 1_013, timestamp: 1_700_086_500, from: giver, to: treasury, amount: L(5)),
                TreasuryTransfer(transactionHash: tx(4), logIndex: 1, block: 1_020, timestamp: 1_700_172_800, from: treasury, to: grantee, amount: L(7)),
            ],
            rewards: [
                TreasuryRewardLog(transactionHash: tx(1), logIndex: 3, block: 1_005, transcoder: orchestrator, treasury: treasury, amount: L(10)),
                TreasuryRewardLog(transactionHash: tx(2), logIndex: 3, block: 1_012, transcoder: orchestrator, treasury: treasury, amount: L(20)),
            ],
            executions: [ProposalExecution(transactionHash: tx(4), logIndex: 2, block: 1_020, governor: scenario.governor, proposal: 9)],
            state: TreasuryState(
                chain: .l2, treasury: treasury, token: token, block: 1_030, balance: balance, cutRate: 0, nextCutRate: 0, ceiling: L(25), roundLength: 10,
                lengthUpdateRound: 100, lengthUpdateStartBlock: 1_000),
            source: "test")
        _ = try ledger.storeTreasurySync(read)
    }

    func report(from: TreasuryReport.Bound? = nil, by: TreasuryReport.Grouping = .round) throws -> TreasuryReport {
        try TreasuryReport.build(ledger: ledger, network: "mainnet", treasury: nil, from: from, to: nil, by: by)
    }

    func testEachMovementIsNamedAndTheBalancesAddUp() throws {
        try store(balance: L(28), paid: L(7))
        let r = try report()
        XCTAssertEqual(r.movements.map(\.kind), [.reward, .reward, .otherIn, .proposal])
        XCTAssertEqual(r.movements.map(\.counterparty), [orchestrator, orchestrator, giver, grantee])
        XCTAssertEqual(r.movements.map(\.balanceAfter), [L(10), L(30), L(35), L(28)])
        XCTAssertEqual(r.movements[3].proposal, 9)
        XCTAssertEqual(r.movements[3].proposalTitle, "Fund the test SPE")
        XCTAssertEqual(r.totals, TreasuryReport.Totals(reward: L(30), proposalOut: L(7), proposalIn: 0, otherIn: L(5), otherOut: 0))
        XCTAssertEqual(r.periods.map(\.round), [100, 101, 102])
        XCTAssertEqual(r.periods.map(\.balance), [L(10), L(35), L(28)])
        XCTAssertEqual(r.warnings, [])
        XCTAssertTrue(r.ceiling.halted)
        XCTAssertEqual(try report(by: .day).periods.map { $0.day?.description }, ["2023-11-14", "2023-11-15", "2023-11-16"])
        XCTAssertEqual(try report(from: .block(1_013)).movements.map(\.kind), [.otherIn, .proposal])
        XCTAssertEqual(try report(from: .block(1_013)).balance, L(28))
        // The same ledger, the same evidence digest.
        XCTAssertEqual(try report().evidenceDigest, r.evidenceDigest)
    }

    func testACalldataThatDisagreesWithItsTransferIsSaid() throws {
        try store(balance: L(28), paid: L(6))
        let r = try report()
        XCTAssertEqual(r.movements[3].kind, .proposal)
        XCTAssertEqual(r.warnings.count, 1)
        XCTAssertTrue(r.warnings[0].contains("its calldata moves no 7 LPT"), r.warnings[0])
    }

    func testMovementsThatDoNotAddUpToBalanceOfAreRefusedWithBothFigures() throws {
        try store(balance: L(29), paid: L(7))
        XCTAssertThrowsError(try report()) {
            let text = "\($0)"
            XCTAssertTrue(text.contains("add up to \(L(28)) wei at block 1030"), text)
            XCTAssertTrue(text.contains("is \(L(29)) wei"), text)
            XCTAssertFalse(($0 as? LIPError)?.isRefusal ?? true, "exit 2: could not run")
        }
    }

    func testTheSameSyncAgainChangesNothingAndAChangedLogIsRefused() throws {
        try store(balance: L(28), paid: L(7))
        let again = try ledger.storeTreasurySync(
            TreasurySyncRead(transfers: [], rewards: [], executions: [], state: try XCTUnwrap(try ledger.treasuryState(chain: .l2, treasury: treasury)), source: "t"))
        XCTAssertEqual(again.rows, 0)
        let changed = TreasuryTransfer(transactionHash: tx(3), logIndex: 0, block: 1_013, timestamp: 1_700_086_500, from: giver, to: treasury, amount: L(6))
        XCTAssertThrowsError(
            try ledger.storeTreasurySync(
                TreasurySyncRead(
                    transfers: [changed], rewards: [], executions: [], state: try XCTUnwrap(try ledger.treasuryState(chain: .l2, treasury: treasury)), source: "t"))
        ) { XCTAssertTrue("\($0)".contains("reads otherwise than the ledger holds it"), "\($0)") }
    }
}
