import Foundation
import LIPTestSupport
import XCTest
@testable import LIPKit
@testable import LIPCore
@testable import LIPDocuments
@testable import LIPLedger
@testable import LIPTally

/// The folder of the test fixtures shipped with this target.
let fixturesRoot: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

/// Copies a fixture folder into a temporary folder and returns the copy.
func copyFixture(_ relative: String, _ test: XCTestCase) throws -> URL {
    let target = try temporaryDirectory(test).appendingPathComponent("ws")
    try FileManager.default.copyItem(at: fixturesRoot.appendingPathComponent(relative), to: target)
    return target
}

/// The text rendering of findings, as `lip lint` prints it.
func render(_ findings: [Finding]) -> String { TextReporter.render(findings) }

/// A LIP file's text with the usual fields, for tests that build workspaces.
func lipText(_ n: Int?, title: String = "Test LIP", type: String = "Meta", status: String = "Draft", extra: String = "", body: String = "## Abstract\n\nText.\n") -> String {
    "---\nlip: \(n.map(String.init) ?? "<to be assigned>")\ntitle: \(title)\nauthor: Test Author (@test)\ntype: \(type)\nstatus: \(status)\ncreated: 2024-01-15\ndiscussions-to: https://forum.livepeer.org/t/test/1\n\(extra)---\n\n\(body)"
}
