import ArgumentParser
import Foundation
import LIPKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new workspace: LIPs/, Polls/, Templates/LIP-X.md, a README.md with an empty index, and .gitignore.",
        discussion:
            "Example:\n  lip init governance && cd governance && lip new --title \"My idea\" --author \"Ann (@ann)\" --type meta\n\nManual: docs/user-guide.md (in the lip repository)."
    )

    @Argument(help: ArgumentHelp("The folder to create the workspace in (default: the current folder).", valueName: "DIR"))
    var directory: String?

    func run() throws {
        let url = URL(fileURLWithPath: directory ?? ".", relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        let created = try DocumentActions.initWorkspace(at: url)
        say("initialised workspace \(url.path): " + created.joined(separator: ", "))
    }
}
