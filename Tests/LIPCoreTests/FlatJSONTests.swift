import Foundation
import LIPTestSupport
import XCTest

@testable import LIPCore

final class FlatJSONTests: XCTestCase {
    func members(_ text: String) -> [String: FlatJSON.Value]? { FlatJSON.object(Array(text.utf8)) }

    func testTheMembersOfALog() {
        let log = members(
            #"{"address":"0xAb","topics":["0x01","0x02"],"data":"0x","blockNumber":"0x10","logIndex":3,"removed":false,"blockHash":null,"extra":{"a":[1,{"b":2}]},"mixed":[1,"x"],"x":-1.5e3}"#
        )
        XCTAssertEqual(log?["address"], .string("0xAb"))
        XCTAssertEqual(log?["topics"], .strings(["0x01", "0x02"]))
        XCTAssertEqual(log?["logIndex"], .integer(3))
        XCTAssertEqual(log?["removed"], .bool(false))
        XCTAssertEqual(log?["blockHash"], .null)
        XCTAssertEqual(log?["extra"], .other)
        XCTAssertEqual(log?["mixed"], .other)
        XCTAssertEqual(log?["x"], .other)
        XCTAssertEqual(members(#" { "s" : "a\"b\\c\u00e9\n" } "#)?["s"], .string("a\"b\\cé\n"))
        XCTAssertEqual(members("{}"), [:])
    }

    func testWhatIsNotOneObject() {
        for bad in ["", "[]", "{", "{\"a\" 1}", "{\"a\":1,}", "{\"a\":tru}", "{\"a\":\"x}", "{\"a\":1} 2", "\"x\"", "{\"a\":[1,}"] {
            XCTAssertNil(members(bad), bad)
        }
    }
}
