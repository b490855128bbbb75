import Foundation
import XCTest

/// A fresh temporary folder, removed at the end of the test.
public func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lip-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Writes `text` to `relative` under `root`, creating folders.
public func write(_ text: String, _ relative: String, in root: URL) throws {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// Reads a file under `root` as text.
public func read(_ relative: String, in root: URL) throws -> String {
    try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
}
