import Foundation
import Testing

@testable import LIPSite

/// The folder `lip site` writes into, from the threads that make pages: every file whole, folders
/// made once, even when many threads start writing into a folder not made yet at the same moment.
struct SiteFolderTests {
    @Test func manyThreadsWritingIntoNewFoldersAtOnceLoseNoFile() throws {
        for round in 0..<20 {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("lip-site-folder-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let folder = SiteFolder(root)
            let failures = FailureList()
            // Eight threads, each starting in the same not-yet-made folders.
            DispatchQueue.concurrentPerform(iterations: 8) { thread in
                for n in 0..<25 {
                    let path = "voters/\(n % 3)/page-\(thread)-\(n).html"
                    do { try folder.write(path, Data("\(round) \(thread) \(n)".utf8)) } catch { failures.add("\(path): \(error)") }
                }
            }
            #expect(failures.all.isEmpty, "round \(round)")
            for thread in 0..<8 {
                for n in 0..<25 {
                    let text = try String(contentsOf: root.appendingPathComponent("voters/\(n % 3)/page-\(thread)-\(n).html"), encoding: .utf8)
                    #expect(text == "\(round) \(thread) \(n)")
                }
            }
            // No temporary file left behind.
            let left = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".lip-tmp") } ?? []
            #expect(left.isEmpty)
        }
    }

    @Test func aFileWrittenAgainIsReplacedWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lip-site-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = SiteFolder(root)
        try folder.write("index.html", Data(String(repeating: "long ", count: 1000).utf8))
        let first = try Self.inode(root.appendingPathComponent("index.html"))
        try folder.write("index.html", Data("short".utf8))
        #expect(try String(contentsOf: root.appendingPathComponent("index.html"), encoding: .utf8) == "short")
        // Replaced by another file renamed over it (a reader that had opened the first still
        // reads it whole), not rewritten in place; and no temporary file left behind.
        #expect(try Self.inode(root.appendingPathComponent("index.html")) != first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["index.html"])
    }

    @Test func aFileOpenWhileItIsReplacedIsReadWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lip-site-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = SiteFolder(root)
        try folder.write("a.html", Array(String(repeating: "old ", count: 5000).utf8))
        let reader = try FileHandle(forReadingFrom: root.appendingPathComponent("a.html"))
        defer { try? reader.close() }
        try folder.write("a.html", Array("new".utf8))
        #expect(try reader.readToEnd() == Data(String(repeating: "old ", count: 5000).utf8))
        #expect(try String(contentsOf: root.appendingPathComponent("a.html"), encoding: .utf8) == "new")
    }

    static func inode(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.intValue ?? -1
    }
}

/// Failures noted from several threads.
private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
