import ArgumentParser
import Foundation
import LIPKit

struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Open, tally and export stake-weighted polls (LIP-16).",
        discussion: """
            Examples:
              lip poll list
              lip poll open 120
              lip poll tally 120 --stake l1+l2
              lip poll export 120 --format forum
              lip poll weight 120 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF
              lip poll vote 120 yes --from 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF

            Manual: docs/tally-rules.md (in the lip repository).
            """,
        subcommands: [PollListCommand.self, PollOpenCommand.self, PollTallyCommand.self, PollExportCommand.self, PollWeightCommand.self, PollVoteCommand.self])
}
