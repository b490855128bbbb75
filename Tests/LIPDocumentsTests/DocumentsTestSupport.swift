import Foundation
import LIPTestSupport
import XCTest

@testable import LIPDocuments

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
