import Foundation
import LIPKit

/// `lip site` over a clone of livepeer/LIPs (`LIPS`; default: three LIPs written here, so that
/// the repository's own LIPs/ and Polls/ never decide whether it runs) and the
/// ledger of bench-records: 100 polls and 100 proposals of 10,000 voters, every voter in every
/// vote, so 10,000 voter pages of 200 votes each (issue 33's target: under 5 s). Prints the time
/// and peak memory of the `lip` process, start to exit, and what it wrote.
func benchSite(lips: String?) {
    // LIP_DEV_VOTERS sets another number of voters (to profile at a smaller size); LIP_DEV_KEEP=1
    // keeps the ledger.
    let environment = ProcessInfo.processInfo.environment
    let polls = smoke ? 3 : 100, proposals = smoke ? 3 : 100, orchestrators = smoke ? 4 : 100
    let accounts = environment["LIP_DEV_VOTERS"].flatMap { Int($0) } ?? (smoke ? 200 : 10_000)
    let root = scratchDirectory("site")
    let workspace = lips.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? root.appendingPathComponent("workspace")
    if lips == nil {
        try! FileManager.default.createDirectory(at: workspace.appendingPathComponent("LIPs"), withIntermediateDirectories: true)
        for n in 1...3 {
            let text =
                "---\nlip: \(n)\ntitle: Benchmark LIP \(n)\nauthor: Bench (@bench)\ntype: Meta\nstatus: Draft\ncreated: 2026-01-0\(n)\ndiscussions-to: https://forum.livepeer.org/t/\(n)\n---\n\n## Abstract\n\nText with a [link](https://livepeer.org) and a table.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"
            try! Data(text.utf8).write(to: workspace.appendingPathComponent("LIPs/LIP-\(n).md"))
        }
    }
    print("site benchmark: the workspace \(workspace.path), and \(polls) polls and \(proposals) proposals of \(accounts) voters; the `lip` process, start to exit")
    print("target: lip site < 5 s")
    let keep = environment["LIP_DEV_KEEP"] == "1"
    defer { if keep { print("kept \(root.path)") } else { try? FileManager.default.removeItem(at: root) } }
    let db = recordsLedger(in: root, polls: polls, proposals: proposals, accounts: accounts, orchestrators: orchestrators)
    print("run                                      seconds  peak MB  files   MB written")
    for run in 1...runsPerFigure {
        let out = root.appendingPathComponent("site-\(run)")
        // The run before's 554 MB (and the ledger's import) written out first, untimed: the
        // kernel writing them back while this run works took a core from it (4.1, 4.8, 5.6 s
        // for three runs back to back on this 2-core machine).
        sync()
        let errors = root.appendingPathComponent("errors").path
        let m = measure(lipExecutable, ["site", out.path, "--workspace", workspace.path, "--db", db], output: root.appendingPathComponent("out").path, errors: errors)
        precondition(m.exitCode == 0, "lip site exited \(m.exitCode): " + ((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "(no error output)"))
        var files = 0, bytes = 0
        for case let url as URL in FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.fileSizeKey])! {
            guard let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize, !url.hasDirectoryPath else { continue }
            files += 1
            bytes += size
        }
        let label = run == 1 ? "lip site (first read after the import)" : "lip site (again, into a new folder)"
        print(
            label.padding(toLength: 41, withPad: " ", startingAt: 0) + format(m.seconds, 3).padding(toLength: 9, withPad: " ", startingAt: 0)
                + format(m.peakMemoryMB, 1).padding(toLength: 9, withPad: " ", startingAt: 0) + "\(files)".padding(toLength: 8, withPad: " ", startingAt: 0)
                + format(Double(bytes) / 1_000_000, 1))
        // Each run's folder is kept until the end: on ext4 without a journal (this machine's
        // disk) the kernel passes over inodes freed in the last one to five minutes, so creating
        // 10,000 files just after deleting 10,000 costs seconds of kernel time that are the
        // benchmark's, not the site's.
    }
}
