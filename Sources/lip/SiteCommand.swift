import ArgumentParser
import Foundation
import LIPKit
import LIPSite

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write the workspace (and its ledger's polls) as a static web site into a folder.",
        discussion: """
            Writes index.html (the LIPs by status, open polls, the latest results), LIPs/LIP-N.html per LIP (its front matter, its body rendered as GitHub renders markdown, raw HTML shown as text, links kept to http(s), mailto and the workspace's own files, which the site carries; its poll's result), lips.json, feed.xml and last-call.xml (Atom), calendar.ics (Last Call deadlines), and with a ledger turnout.svg, a page per poll and per proposal (the forum export's figures, chart and voters) and a page per voter (its record). Relative links only, no script, nothing loaded from another host: it works from file://, any static host and under a sub-path. The same workspace and ledger give the same bytes wherever built and whatever the clock says. Lint findings do not stop it. Files of OUT that the site does not write are left as they are. Not written yet: the votes' deadlines in the calendar.

            The ledger is the workspace's (or --db) when it exists; without one the site holds the LIPs alone.

            Examples:
              lip site _site
              lip site public --title "Livepeer LIPs" --db .lip/ledger.sqlite

            Manual: docs/site.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The folder to write the site into (made when missing).", valueName: "OUT"))
    var out: String

    @Option(help: "The site's title.")
    var title = "Livepeer Improvement Proposals"

    func run() throws {
        let workspace = try ledger.workspaceOptions.locate()
        let path = try ledger.path()
        let opened = FileManager.default.fileExists(atPath: path) ? try ledger.open() : nil
        let site = try Site.build(workspace: workspace, ledger: opened, title: title)
        let root = URL(fileURLWithPath: out, relativeTo: currentDirectory).standardizedFileURL
        var transaction = FileTransaction()
        for file in site.files {
            let url = root.appendingPathComponent(file.path)
            let folder = url.deletingLastPathComponent()
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw LIPError.writeFailed(path: folder.path, reason: FileProblem.describe(error, at: folder))
            }
            transaction.write(file.data, to: url)
        }
        try transaction.commit(relativeTo: root)
        say("wrote \(site.files.count) files to \(out)")
    }
}
