import ArgumentParser
import Foundation
import LIPKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new draft LIPs/LIP-<slug>.md from the template (status Draft, created today, number to be assigned).",
        discussion:
            "Example:\n  lip new --title \"Treasury Reward Cut\" --author \"Ann (@ann)\" --type parameter --discussions-to https://forum.livepeer.org/t/123\n\nManual: docs/user-guide.md (in the lip repository)."
    )

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The LIP's title.")
    var title: String

    @Option(help: "The authors, e.g. \"Ann (@ann), Bo <bo@example.org>\".")
    var author: String

    @Option(help: ArgumentHelp("The LIP's type (kebab case, or as written in a preamble).", valueName: "TYPE"))
    var type: LIPType

    @Option(name: .customLong("discussions-to"), help: ArgumentHelp("The discussion thread URL.", valueName: "URL"))
    var discussionsTo: String?

    @Option(help: ArgumentHelp("LIP numbers this LIP requires, comma separated.", valueName: "N,..."))
    var requires: String?

    @Option(name: .customLong("part-of"), help: ArgumentHelp("The bundle parent's LIP number.", valueName: "N"))
    var partOf: Int?

    @Option(help: "The file slug (default: made from the title).")
    var slug: String?

    func validate() throws {
        if let requires, LIPDocument.numberList(requires).contains(where: { $0 == nil }) {
            throw ValidationError("--requires `\(requires)` is not a comma-separated list of LIP numbers")
        }
    }

    func run() throws {
        let workspace = try workspaceOptions.locate()
        let request = NewLIPRequest(
            title: title, author: author, type: type, discussionsTo: discussionsTo,
            requires: requires.map { LIPDocument.numberList($0).compactMap { $0 } } ?? [],
            partOf: partOf, slug: slug, created: try today)
        let path = try DocumentActions.newLIP(request, in: workspace)
        say("created \(path) (Draft); when an editor assigns its number: lip assign \(((path as NSString).lastPathComponent as NSString).deletingPathExtension.dropFirst(4))")
    }
}
