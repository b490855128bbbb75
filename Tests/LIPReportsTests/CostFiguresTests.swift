import BigInt
import XCTest

@testable import LIPReports

/// Cost figures people read never print a non-zero cost as zero, and never round up.
final class CostFiguresTests: XCTestCase {
    func testSmallCostsKeepThreeSignificantDigits() {
        XCTAssertEqual(CostFigures.eth(0), "0 gwei")
        XCTAssertEqual(CostFigures.eth(1), "0.000000001 gwei")
        XCTAssertEqual(CostFigures.eth(12_345), "0.0000123 gwei")
        XCTAssertEqual(CostFigures.eth(1_999_999_999), "1.99 gwei")
        XCTAssertEqual(CostFigures.eth(25_000_000_000), "25.0 gwei")
        XCTAssertEqual(CostFigures.eth(7_008_123_456_789), "7008 gwei")
        XCTAssertEqual(CostFigures.eth(999_999_999_999_999), "999999 gwei")
        // From 0.001 ETH: ETH with 6 decimals, truncated.
        XCTAssertEqual(CostFigures.eth(1_000_000_000_000_000), "0.001000 ETH")
        XCTAssertEqual(CostFigures.eth(BigUInt("10924999999999999")), "0.010924 ETH")
    }

    func testDollarsBelowACentAreNotZero() {
        let cent = BigUInt(10).power(24)
        XCTAssertEqual(CostFigures.usd(0), "$0")
        XCTAssertEqual(CostFigures.usd(cent * 3_278 + 5), "$32.78")
        XCTAssertEqual(CostFigures.usd(cent * 105), "$1.05")
        XCTAssertEqual(CostFigures.usd(cent * 2 + cent / 10 * 1), "$0.0210")
        XCTAssertEqual(CostFigures.usd(BigUInt("2795000000000000000000")), "$0.0000279")
        XCTAssertEqual(CostFigures.usd(1), "$0.00000000000000000000000001")
    }

    /// Positions on the log scale: a thousand times apart is three decades apart.
    func testLogScalePositions() {
        XCTAssertEqual(CostPost.position(BigUInt(10).power(12), lo: 9, hi: 15, width: 60), 30)
        XCTAssertEqual(CostPost.position(BigUInt(10).power(15), lo: 9, hi: 15, width: 60), 60)
        XCTAssertEqual(CostPost.position(0, lo: 9, hi: 15, width: 60), 0)
        XCTAssertEqual(CostPost.decade(9), "1 gwei")
        XCTAssertEqual(CostPost.decade(8), "0.1 gwei")
        XCTAssertEqual(CostPost.decade(17), "0.1 ETH")
        XCTAssertEqual(CostPost.decade(19), "10 ETH")
    }
}
