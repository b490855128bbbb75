import ArgumentParser
import Foundation
import LIPKit

struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Open, tally and export stake-weighted polls (LIP-16).",
        subcommands: [])
}
