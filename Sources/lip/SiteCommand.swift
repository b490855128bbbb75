import ArgumentParser
import Foundation
import LIPCore
import LIPKit
import LIPSite

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write the workspace (and its ledger's polls) as a static web site into a folder.",
        discussion: """
            Writes index.html (the LIPs by status, open votes with their deadlines, the latest results), LIPs/LIP-N.html per LIP (its front matter, its bundle, its poll's result, chart and evidence, its proposals, its body rendered as GitHub renders markdown, raw HTML shown as text, links kept to http(s), mailto and the workspace's own files, which the site carries), lips.json, feed.xml and last-call.xml (Atom), calendar.ics (Last Call deadlines and open votes' estimated deadlines), and with a ledger turnout.svg, a page per poll and per proposal (the forum export's figures, chart and voters) and a page per voter (its record). An open vote's date is estimated from the block times the ledger's last `lip ledger sync polls` or `sync proposals` read, never from this machine's clock. Relative links only, no script, nothing loaded from another host: it works from file://, any static host and under a sub-path. The same workspace and ledger give the same bytes wherever built and whatever the clock says. Lint findings do not stop it. Files of OUT that the site does not write are left as they are.

            The ledger is the workspace's (or --db) when it exists; without one the site holds the LIPs alone.

            Examples:
              lip site _site
              lip site public --title "Livepeer LIPs" --db .lip/ledger.sqlite
              lip site _site --base-url https://example.github.io/LIPs/

            Manual: docs/site.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The folder to write the site into (made when missing).", valueName: "OUT"))
    var out: String

    @Option(help: "The site's title.")
    var title = "Livepeer Improvement Proposals"

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("Where the site will be published (https://…/): the feeds' and calendar's links are made absolute under it; pages stay relative.", valueName: "URL"))
    var baseURL: String?

    func run() throws {
        let workspace = try ledger.workspaceOptions.locate()
        let path = try ledger.path()
        let opened = FileManager.default.fileExists(atPath: path) ? try ledger.open() : nil
        let root = URL(fileURLWithPath: out, relativeTo: currentDirectory).standardizedFileURL
        // Each file written as soon as it is made (a large ledger's site does not fit in memory
        // at once), each one whole, from either of the threads that make pages.
        let folder = SiteFolder(root)
        let count = try Site.write(workspace: workspace, ledger: opened, title: title, baseURL: baseURL) { path, bytes in try folder.write(path, bytes) }
        say("wrote \(count) files to \(out)")
    }
}
