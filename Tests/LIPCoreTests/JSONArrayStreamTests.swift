import Foundation
import LIPTestSupport
import XCTest

@testable import LIPCore

final class JSONArrayStreamTests: XCTestCase {
    func elements(_ text: String) throws -> [String] {
        let url = try temporaryDirectory(self).appendingPathComponent("a.json")
        try Data(text.utf8).write(to: url)
        var stream = try JSONArrayStream(url: url)
        var out: [String] = []
        while let e = try stream.next() { out.append(String(decoding: e, as: UTF8.self)) }
        return out
    }

    func testElementsOfATopLevelArrayOrOfAResult() throws {
        XCTAssertEqual(try elements(" [ {\"a\": \"]}\\\"[\"}, [1, {\"b\": 2}] ,3, \"x\", null ] "), ["{\"a\": \"]}\\\"[\"}", "[1, {\"b\": 2}]", "3", "\"x\"", "null"])
        XCTAssertEqual(try elements("{\"jsonrpc\":\"2.0\",\"id\":{\"n\":[1]},\"result\":[{\"x\":1}]}"), ["{\"x\":1}"])
        XCTAssertEqual(try elements("[]"), [])
    }

    func testProblemsSayWhere() throws {
        XCTAssertThrowsError(try elements("[{\"a\":1},{\"b\":")) { XCTAssertEqual($0 as? JSONArrayStream.Problem, .truncated(element: 1)) }
        XCTAssertThrowsError(try elements("[{\"a\":1} {\"b\":2}]")) { XCTAssertEqual($0 as? JSONArrayStream.Problem, .invalid(element: 1)) }
        XCTAssertThrowsError(try elements("{\"error\":{\"code\":-32005,\"message\":\"limit\"}}")) {
            XCTAssertEqual($0 as? JSONArrayStream.Problem, .noArray(error: Data("{\"code\":-32005,\"message\":\"limit\"}".utf8)))
        }
        XCTAssertThrowsError(try elements("42")) { XCTAssertEqual($0 as? JSONArrayStream.Problem, .noArray(error: nil)) }
    }

    func testLargeFilesStreamInBoundedMemory() throws {
        let url = try temporaryDirectory(self).appendingPathComponent("big.json")
        let element = "{\"data\":\"0x" + String(repeating: "ab", count: 500) + "\"}"
        try Data(("[" + Array(repeating: element, count: 5_000).joined(separator: ",") + "]").utf8).write(to: url)
        var stream = try JSONArrayStream(url: url)
        var n = 0
        var bytes = 0
        stream.onChunk = { bytes += $0.count }
        while let e = try stream.next() {
            XCTAssertEqual(e.count, element.utf8.count)
            n += 1
        }
        try stream.drain()
        XCTAssertEqual(n, 5_000)
        XCTAssertEqual(bytes, try Data(contentsOf: url).count, "every byte was seen (for the file's hash)")
    }
}
