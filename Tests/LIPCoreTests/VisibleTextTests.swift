import XCTest

import LIPTestSupport

@testable import LIPCore

/// `VisibleText.isPlainMarkupText` and `isOneLine` read bytes: it must say "plain" exactly when no scalar of the
/// text is one `oneLine` changes or markup escapes, around every boundary of those ranges.
final class VisibleTextTests: XCTestCase {
    func testPlainMarkupTextIsDecidedAsTheScalarsDecideIt() {
        let pool: [Unicode.Scalar] =
            [
                "a", "Z", "0", " ", "~", "…", "é", "%", "(", "&", "<", ">", "\"", "'", "\t", "\n", "\r",
            ]
            + [
                0x00, 0x1F, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xFF, 0x2027, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A, 0xFFFD, 0xFFFE, 0xFFFF,
                0x1F600,
            ]
            .map { Unicode.Scalar($0)! }
        func expected(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy {
                !VisibleText.isControl($0) && !VisibleText.isLineBreak($0) && !"&<>\"'".unicodeScalars.contains($0) && $0.value != 0xFFFE && $0.value != 0xFFFF
            }
        }
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...4, using: &rng) { scalars.append(pool.randomElement(using: &rng)!) }
            let text = String(scalars)
            let shown = "\(text.unicodeScalars.map { String($0.value, radix: 16) })"
            XCTAssertEqual(VisibleText.isPlainMarkupText(text), expected(text), shown)
            XCTAssertEqual(VisibleText.isOneLine(text), text.unicodeScalars.allSatisfy { !VisibleText.isControl($0) && !VisibleText.isLineBreak($0) }, shown)
        }
    }
}
