import ArgumentParser
import Foundation
import LIPKit

/// `lip`: Livepeer governance from one repository.
struct LIPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lip",
        abstract: "LIPs, polls and stake-weighted tallies for Livepeer governance.",
        discussion: """
            Exit status: 0 ok; 1 findings (lint errors) or a refused request; 2 could not run (bad usage, unreadable or invalid input).

            Examples:
              lip lint
              lip advance 73 last-call
              lip poll tally 73 --stake l1+l2
              lip voter 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF
              lip due 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF

            Manual: docs/user-guide.md (in the lip repository).
            """,
        version: "\(LIPKitVersion.string) (commit \(BuildCommit.hash))",
        subcommands: [
            InitCommand.self, NewCommand.self, AssignCommand.self, ListCommand.self, ShowCommand.self,
            LintCommand.self, IndexCommand.self, AdvanceCommand.self, LedgerCommand.self, PollCommand.self, ProposalCommand.self,
            ReconcileCommand.self, CostsCommand.self, VoterCommand.self, TurnoutCommand.self, DueCommand.self, TreasuryCommand.self, SiteCommand.self,
        ]
    )
}
