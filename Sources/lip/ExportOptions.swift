import ArgumentParser
import Foundation
import LIPKit

/// What `lip poll export` and `lip proposal export` share: the format, where to write, display names and LIP links.
struct ExportOptions: ParsableArguments {
    @Option(help: "What to write.")
    var format: ExportFormat = .forum

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("A CSV `address,name` of display names (e.g. orchestrators).", valueName: "FILE"))
    var names: String?

    @Option(name: .customLong("link-base"), help: ArgumentHelp("Where LIP files are linked to in the forum post.", valueName: "URL"))
    var linkBase = "https://github.com/livepeer/LIPs/blob/master/"

    /// The `--names` file read, or no names.
    func nameMap() throws -> [Address: String] {
        try names.map { try PollReport.names(URL(fileURLWithPath: $0, relativeTo: currentDirectory), path: $0) } ?? [:]
    }

    /// Prints `text`, or writes it atomically to `--output`.
    func emit(_ text: String) throws { try writeOutput(text, to: output) }
}
