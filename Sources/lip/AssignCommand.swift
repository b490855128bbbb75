import ArgumentParser
import Foundation
import LIPKit

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Give a draft its LIP number: set `lip:`, rename LIPs/LIP-<slug>.md to LIPs/LIP-<n>.md and add its index row, all or nothing.",
        discussion: "Examples:\n  lip assign treasury-reward-cut\n  lip assign treasury-reward-cut --number 101\n\nManual: docs/user-guide.md (in the lip repository).")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: ArgumentHelp("The draft's slug (LIPs/LIP-<slug>.md).", valueName: "SLUG"))
    var slug: String

    @Option(help: ArgumentHelp("The number to give (default: the next free one); refused if taken.", valueName: "N"))
    var number: Int?

    func run() throws {
        let workspace = try workspaceOptions.locate()
        let (n, path) = try DocumentActions.assign(slug: slug, number: number, in: workspace)
        say("assigned LIP-\(n): \(path), index row added to README.md")
    }
}
