import BigInt
import Foundation
import XCTest

@testable import LIPCore
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPRecords
@testable import LIPReports

/// The calendar and the text of `lip due`, and the records' CSV, from values made here.
final class RecordRenderTests: XCTestCase {
    let clock = ChainClock(headBlock: 5000, position: 950, timestamp: 1_800_000_000, sampleSeconds: 1200, sampleBlocks: 100, round: (3405, 940, 10))

    func deadlines(title: String) -> Deadlines {
        let item = Deadlines.Item(
            kind: .poll, id: "0x" + String(repeating: "90", count: 20), lip: 120, title: title, pending: false, deadlineBlock: 1000, endRound: nil, blocksLeft: 50,
            roundsLeft: 6, estimatedTime: 1_800_000_600,
            account: Deadlines.AccountPart(
                voted: nil, role: "delegator", weight: 20, delegate: Address(lowercase: "0x" + String(repeating: "01", count: 20)), delegateVoted: "yes", awaits: true))
        return Deadlines(items: [item], clock: clock, account: Address(lowercase: "0x" + String(repeating: "d2", count: 20)), network: "mainnet", warnings: [])
    }

    func testTheCalendarIsRFC5545FoldedEscapedAndTheSameForTheSameInputs() {
        let title = "LIP-120: Confluence; a title, long enough to be folded — with a line\nbreak and \u{1b}[2J an escape"
        let ics = deadlines(title: title).ics
        XCTAssertEqual(ics, deadlines(title: title).ics)
        XCTAssertTrue(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Livepeer lip//lip due//EN\r\n"), ics)
        XCTAssertTrue(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        XCTAssertTrue(lines.allSatisfy { $0.utf8.count <= 75 }, "\(lines.map { $0.utf8.count })")
        XCTAssertFalse(ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feed")
        XCTAssertFalse(ics.unicodeScalars.contains { $0.value == 0x1b }, "no raw escape")
        // Unfolded, the summary is the title escaped as TEXT.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(
            unfolded.contains("SUMMARY:Vote closes: LIP-120: Confluence\\; a title\\, long enough to be folded — with a line\\nbreak and \\u{1b}[2J an escape\r\n"), unfolded)
        XCTAssertTrue(unfolded.contains("DTSTART:20270115T081000Z\r\n"), unfolded)
        XCTAssertTrue(unfolded.contains("DTSTAMP:20270115T080000Z\r\n"), unfolded)
        XCTAssertTrue(unfolded.contains("UID:poll-0x9090909090909090909090909090909090909090@mainnet.lip\r\n"), unfolded)
        XCTAssertTrue(unfolded.contains("lip poll vote 0x9090909090909090909090909090909090909090 yes|no"), unfolded)
        // Folding never splits a UTF-8 sequence.
        XCTAssertEqual(Deadlines.fold(String(repeating: "é", count: 50)).components(separatedBy: "\r\n ").map(\.utf8.count), [74, 26])
    }

    func testTheTextSaysWhatAwaitsAndThatTheTimeIsAnEstimate() {
        let text = deadlines(title: "LIP-120: Confluence").text
        XCTAssertEqual(
            text,
            """
            Open votes on mainnet at block 5000 (L1 block 950), round 3405: 1
            Poll 0x9090909090909090909090909090909090909090: LIP-120: Confluence
              closes after block 1000 (in 50 blocks, 6 rounds); estimated 2027-01-15T08:10:00Z from recent block times
              0xd2D2D2D2d2d2d2d2D2d2d2d2D2d2D2d2D2d2D2d2: has not voted; its vote would count <0.01 LPT; its orchestrator 0x0101010101010101010101010101010101010101 voted yes: vote to override it
              vote: lip poll vote 0x9090909090909090909090909090909090909090 yes|no
            A vote awaits this account.

            """)
    }

    func testAnAmountBelowAHundredthIsNeverShownAsZero() {
        XCTAssertEqual(LPTFigure.text(1), "<0.01")
        XCTAssertEqual(LPTFigure.text(0), "0.00")
        XCTAssertEqual(LPTFigure.text(BigUInt(10).power(16)), "0.01")
    }
}
