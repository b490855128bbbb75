import Foundation
import XCTest

@testable import LIPCore

/// The JSON writer: made-as-written element lists give the same bytes as plain arrays, whether
/// serialised to a string or streamed to a file in megabyte pieces, across many chunks and waves.
final class JSONValueTests: XCTestCase {
    static func element(_ i: Int) -> JSONValue {
        .object([
            ("n", .int(i)), ("name", .string("voter \"\(i)\"\n")),
            ("parts", .array(i % 3 == 0 ? [] : [.object([("x", .bool(i % 2 == 0)), ("y", .null)])])),
        ])
    }

    func testElementsWriteTheBytesOfAnArray() throws {
        for count in [0, 1, 2_047, 2_048, 2_049, 9_000] {
            let plain = JSONValue.object([("voters", .array((0..<count).map(Self.element))), ("after", .string("end"))])
            let made = JSONValue.object([("voters", .elements(count: count) { i in JSONValueTests.element(i) }), ("after", .string("end"))])
            XCTAssertEqual(made.serialized(), plain.serialized(), "\(count)")
            XCTAssertEqual(made.serialized(pretty: false), plain.serialized(pretty: false), "\(count)")
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(count)-\(getpid()).json")
            XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil))
            let handle = try FileHandle(forWritingTo: url)
            try made.write(to: handle)
            try handle.close()
            XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), plain.serialized(), "\(count) streamed")
            try FileManager.default.removeItem(at: url)
        }
    }
}
