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

    /// An element of strings, booleans, objects and arrays (empty or not).
    static func textElement(_ i: Int) -> JSONValue {
        .object([
            ("n", .string(String(i))), ("name", .string("voter \"\(i)\"\n")),
            ("parts", .array(i % 3 == 0 ? [] : [.object([("x", .bool(i % 2 == 0)), ("y", .object([]))]), .string("\\")])),
        ])
    }

    /// `textElement(i)` written member by member with `JSONText`.
    static func text(_ i: Int, _ out: inout JSONText) {
        out.beginObject()
        out.key("n")
        out.plainString { $0 += String(i).utf8 }
        out.key("name")
        out.string("voter \"\(i)\"\n")
        out.key("parts")
        out.beginArray()
        if i % 3 != 0 {
            out.element()
            out.beginObject()
            out.key("x")
            out.bool(i % 2 == 0)
            out.key("y")
            out.beginObject()
            out.endObject()
            out.endObject()
            out.element()
            out.string("\\")
        }
        out.endArray()
        out.endObject()
    }

    func testElementsWrittenAsTextAreTheBytesOfTheirValues() throws {
        // Whatever the count and chunking, nested at any level; compact text comes from the values.
        for count in [0, 1, 2, 2_048, 2_049, 5_000] {
            let elements = JSONValue.elements(count: count, element: { Self.textElement($0) }, text: { Self.text($0, &$1) })
            for made in [JSONValue.object([("a", .object([("voters", elements)])), ("after", .int(1))]), elements] {
                let plain = made.serialized(pretty: true, elementText: false)
                XCTAssertEqual(made.serialized(), plain, "\(count)")
                XCTAssertEqual(made.serialized(pretty: false), made.serialized(pretty: false, elementText: false), "\(count)")
            }
        }
        // And the values' text is the plain array's.
        let plain = JSONValue.array((0..<5).map(Self.textElement)).serialized()
        XCTAssertEqual(JSONValue.elements(count: 5, element: { Self.textElement($0) }, text: { Self.text($0, &$1) }).serialized(), plain)
        XCTAssertTrue(plain.contains("\"parts\": []\n") && plain.contains("\"y\": {}"))
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
