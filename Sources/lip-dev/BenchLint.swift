import Foundation
import LIPKit

/// Lints generated workspaces of 1,000 and 5,000 LIPs with the built `lip` and prints files per
/// second and peak memory for each (memory should not grow with the number of files).
func benchLint() {
    print("lint benchmark: `lip lint` on generated workspaces (target: >= 5000 files/s, memory flat)")
    print("files   seconds   files/s   peak MB")
    for count in sizes([1_000, 5_000], smoke: 50) {
        let root = scratchDirectory("lint-\(count)")
        let lips = root.appendingPathComponent("LIPs")
        try! FileManager.default.createDirectory(at: lips, withIntermediateDirectories: true)
        var rows: [(number: Int, title: String, status: String)] = []
        let statuses = ["Draft", "Proposed", "Final", "Abandoned"]
        for n in 1...count {
            let status = statuses[n % statuses.count]
            let title = "Generated Proposal \(n)"
            let requires = n > 1 ? "requires: \(n - 1)\n" : ""
            var body = "## Abstract\n\nGenerated LIP \(n) for the lint benchmark.\n\n## Motivation\n\n"
            body += String(repeating: "A line of motivation text that is about as long as a real one.\n", count: 40)
            body += "\n## Specification\n\n" + String(repeating: "- a specification bullet point with `code` in it\n", count: 60)
            let text =
                "---\nlip: \(n)\ntitle: \(title)\nauthor: Bench (@bench)\ntype: Standard Track\nstatus: \(status)\ncreated: 2024-01-01\ndiscussions-to: https://forum.livepeer.org/t/\(n)\n\(requires)---\n\n\(body)"
            try! Data(text.utf8).write(to: lips.appendingPathComponent("LIP-\(n).md"))
            rows.append((n, title, status))
        }
        try! Data(IndexWriter.updatedReadme(nil, entries: rows).utf8).write(to: root.appendingPathComponent("README.md"))
        let m = measure(lipExecutable, ["lint", "--workspace", root.path])
        precondition(m.exitCode == 0, "lint found errors in the generated workspace")
        print(
            String(count).padding(toLength: 8, withPad: " ", startingAt: 0) + format(m.seconds, 3).padding(toLength: 10, withPad: " ", startingAt: 0)
                + format(Double(count) / m.seconds, 0).padding(toLength: 10, withPad: " ", startingAt: 0) + format(m.peakMemoryMB, 1))
        try? FileManager.default.removeItem(at: root)
    }
}
