import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPDocuments
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTally

final class IPFSTests: XCTestCase {
    func testCIDsMatchIPFSAdd() throws {
        // What `ipfs add` prints for these files (published vectors).
        XCTAssertEqual(try IPFSCID.cidV0([]), "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH")
        XCTAssertEqual(try IPFSCID.cidV0(Array("hello world\n".utf8)), "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o")
    }

    func testLargeFilesAreRefused() {
        XCTAssertNoThrow(try IPFSCID.cidV0([UInt8](repeating: 1, count: IPFSCID.maximumSize)))
        XCTAssertThrowsError(try IPFSCID.cidV0([UInt8](repeating: 1, count: IPFSCID.maximumSize + 1))) { error in
            XCTAssertEqual(error as? IPFSCID.Problem, .tooLarge(size: 262_145))
        }
    }

    func testBase58() {
        XCTAssertEqual(Base58.encode(Array("Hello World!".utf8)), "2NEpo7TZRRrLZSi2U")
        XCTAssertEqual(Base58.encode([0, 0, 0x28, 0x7f, 0xb4, 0xcd]), "11233QC4")
        XCTAssertEqual(Base58.encode(Array("The quick brown fox jumps over the lazy dog".utf8)), "7DdiPPYtxLjCD3wA1po2rvZHTDYjkZYiEtazrfiwJcwnKCizhGFhBGHeRdx")
        XCTAssertEqual(Base58.encode([]), "")
        XCTAssertEqual(IPFSCID.varint(300), [0xac, 0x02])
    }

    func testJSONStringifyEscaping() {
        XCTAssertEqual(JSONValue.quote("a\"b\\c\n\t\u{01}é/"), "\"a\\\"b\\\\c\\n\\t\\u0001é/\"")
        XCTAssertEqual(JSONValue.quote("\u{08}\u{0C}\r\u{1f}\u{7f}\u{2028}"), "\"\\b\\f\\r\\u001f\u{7f}\u{2028}\"")
    }
}
