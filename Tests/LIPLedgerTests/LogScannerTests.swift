import Foundation
import XCTest

@testable import LIPEthereum
@testable import LIPLedger

/// The fast reader of log objects takes the usual shape and reads it exactly as the general
/// reader does; everything else it leaves to the general reader.
final class LogScannerTests: XCTestCase {
    static let topic0 = LedgerEvent.vote.topic0
    static let voter = "0x" + String(repeating: "0", count: 24) + String(repeating: "ab", count: 20)
    static let hash = "0x" + String(repeating: "c4", count: 32)
    /// A Vote log as an Arbitrum node writes it, every member included.
    static let base =
        #"{"address":"0x9090909090909090909090909090909090909090","topics":["\#(topic0)","\#(voter)"],"data":"0x\#(String(repeating: "0", count: 63))1","blockNumber":"0x3e8","transactionHash":"\#(hash)","transactionIndex":"0x1","blockHash":"0x\#(String(repeating: "ee", count: 32))","logIndex":"0x7","removed":false}"#

    /// The base log with `old` replaced by `new`.
    func with(_ old: String, _ new: String) -> String { Self.base.replacingOccurrences(of: old, with: new) }

    func fast(_ text: String) -> LogScanner.Scanned? { Array(text.utf8).withUnsafeBufferPointer(LogScanner.scan) }

    func testTheUsualShapesAreReadFastAndAsTheGeneralReaderReadsThem() throws {
        let variants: [String] = [
            Self.base,
            // Pretty-printed, members in another order, no `removed`, numbers for quantities.
            "{\n  \"logIndex\": 7,\n  \"blockNumber\": 1000,\n  \"transactionHash\": \"\(Self.hash)\",\n  \"data\": \"0x\(String(repeating: "0", count: 63))1\",\n  \"topics\": [ \"\(Self.topic0)\" , \"\(Self.voter)\" ],\n  \"address\": \"0x9090909090909090909090909090909090909090\"\n}\n",
            // Upper-case hex in topics, data and hash; data with 0X or no prefix; no data at all.
            with(Self.hash, "0x" + String(repeating: "C4", count: 32)),
            with("\"data\":\"0x", "\"data\":\"0X"),
            with("\"data\":\"0x", "\"data\":\""),
            with("\"data\":\"0x\(String(repeating: "0", count: 63))1\"", "\"data\":\"0x\""),
            // No topics, three topics; a null and a true member the ledger does not read.
            with("[\"\(Self.topic0)\",\"\(Self.voter)\"]", "[]"),
            with("\"\(Self.voter)\"]", "\"\(Self.voter)\",\"\(Self.hash)\"]"),
            with("\"transactionIndex\":\"0x1\"", "\"transactionIndex\":null,\"x\":true,\"n\":12"),
        ]
        for text in variants {
            let general = try XCTUnwrap(generalReading(text), text)
            XCTAssertEqual(fast(text), general, text)
        }
        guard case .log(let log)? = fast(Self.base) else { return XCTFail("not read") }
        XCTAssertEqual(Hex.prefixed(log.transactionHash), Self.hash)
        XCTAssertEqual(log.address, Address("0x9090909090909090909090909090909090909090"))
        XCTAssertEqual(log.topicCount, 2)
        XCTAssertEqual(log.topic(1).map(Hex.prefixed), Self.voter)
        XCTAssertEqual(log.data, ABI.encode(uint: 1))
        XCTAssertEqual(log.blockNumber, 1000)
        XCTAssertEqual(log.logIndex, 7)
        XCTAssertEqual(log.event, .vote)
        XCTAssertEqual(fast(with("\"removed\":false", "\"removed\":true")), .removed)
    }

    func testOtherShapesAreLeftToTheGeneralReader() {
        let mixedCase = Address("0x" + String(repeating: "ab", count: 20))!.checksummed
        let fiveTopics = "\"\(Self.voter)\"" + String(repeating: ",\"\(Self.voter)\"", count: 3) + "]"
        let left: [String] = [
            // Read alike by the general reader, which also checks what the fast one does not.
            with("0x9090909090909090909090909090909090909090", "0x" + String(repeating: "AB", count: 20)),
            with("0x9090909090909090909090909090909090909090", mixedCase),
            with("\"blockHash\"", "\"block\\u0048ash\""),
            with("\"transactionIndex\":\"0x1\"", "\"transactionIndex\":{\"a\":1}"),
            with("\"transactionIndex\":\"0x1\"", "\"transactionIndex\":1.5"),
            with("\"removed\":false", "\"removed\":null"),
            with("\"\(Self.voter)\"]", fiveTopics),
            // Wrong, and the general reader names what is wrong.
            with("\"logIndex\":\"0x7\"", "\"logIndex\":\"0x-7\""),
            with("\"logIndex\":\"0x7\"", "\"logIndex\":-7"),
            with("\"logIndex\":\"0x7\"", "\"logIndex\":\"0x1234567890abcdef\""),
            with("\"logIndex\":\"0x7\",", ""),
            with("\"logIndex\":\"0x7\"", "\"logIndex\":\"0x7\",\"logIndex\":\"0x8\""),
            with("\"data\":\"0x", "\"data\":\"0x0"),
            with(Self.hash, String(Self.hash.dropLast(2))),
            Self.base + "x",
            "[1]",
            "{}",
        ]
        for text in left { XCTAssertNil(fast(text), text) }
    }

    /// The general reader: the log, `.removed`, or nil when it refuses the object.
    func generalReading(_ text: String) -> LogScanner.Scanned? { Self.generalReading(Array(text.utf8)) }

    /// The general reader of `bytes`.
    static func generalReading(_ bytes: [UInt8]) -> LogScanner.Scanned? {
        let log = LogJSON(element: bytes)
        guard log.isObject else { return nil }
        if log.removed == true { return .removed }
        return (try? RawLog(log, index: 0, path: "t")).map(LogScanner.Scanned.log)
    }
}
