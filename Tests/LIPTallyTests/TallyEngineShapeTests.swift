import Foundation
import XCTest

/// The tally's rule stays readable (issue 30): `TallyEngine` is named steps, none longer than 60
/// lines, so that LIP-16 can be read in it as in the naive reference of `TallyPropertyTests`.
final class TallyEngineShapeTests: XCTestCase {
    func testEachStepIsAtMostSixtyLines() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/LIPTally/Tally/TallyEngine.swift")
        let lines = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\n")
        var steps: [String: Int] = [:]
        var open: (name: String, start: Int)?
        for (i, line) in lines.enumerated() {
            if open == nil, line.hasPrefix("    "), line.contains("static func "), line.hasSuffix("{") {
                let name = line.components(separatedBy: "static func ")[1].prefix { $0 != "(" }
                open = (String(name), i)
            } else if let o = open, line == "    }" {
                steps[o.name] = i - o.start + 1
                open = nil
            }
        }
        for step in ["tally", "lastValidVotes", "nonVotingStake", "weights", "decision"] {
            let length = try XCTUnwrap(steps[step], "no step \(step) in \(steps.keys.sorted())")
            XCTAssertLessThanOrEqual(length, 60, step)
        }
    }
}
