import ArgumentParser
import Foundation
import LIPKit

struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: "List, tally and export LivepeerGovernor proposals, counted with delegators' overrides.",
        discussion: """
            Proposals come from the governor's logs (`lip ledger import logs FILE --chain l2`) and its views (`lip ledger import governor-state FILE`), or from `lip ledger sync proposals`.

            Examples:
              lip proposal list
              lip proposal tally 47594449960002004883427627513498014634838446428567917326838470738398214045286 --format json
              lip proposal export 47594449960002004883427627513498014634838446428567917326838470738398214045286 --format forum

            Manual: docs/governor.md (in the lip repository).
            """,
        subcommands: [ProposalListCommand.self, ProposalTallyCommand.self, ProposalExportCommand.self, ProposalWeightCommand.self, ProposalVoteCommand.self])
}
