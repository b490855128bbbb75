import ArgumentParser
import Foundation
import LIPKit

struct ProposalTallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Tally a governor proposal as LivepeerGovernor counts it, and check the totals against the chain.",
        discussion: """
            Each vote weighs what its VoteCast says; a delegator of an orchestrator who votes takes its weight off its orchestrator's count, whoever voted first. Quorum: For + Against + Abstain >= floor(totalSupply x quorumNumerator / 10^6). Success: For >= floor((For + Against) x quota / 10^6). Exit 1 when the counted totals differ from proposalVotes on chain (the text says which). Works without a workspace when --db is given.

            Examples:
              lip proposal tally 47594449960002004883427627513498014634838446428567917326838470738398214045286
              lip proposal tally 47594449960002004883427627513498014634838446428567917326838470738398214045286 --db ledger.sqlite --format json
              lip proposal tally 47594449960002004883427627513498014634838446428567917326838470738398214045286 --save

            Manual: docs/governor.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The proposal id, decimal (as `lip proposal list` shows it) or 0x hex.", valueName: "ID"))
    var id: String

    @Option(help: "How to print the result.")
    var format: TextOrJSON = .text

    @Flag(help: "Write the JSON to Proposals/<id>/result.json in the workspace.")
    var save = false

    func run() throws {
        let result: ProposalResult
        if save {
            guard let workspace = ledger.workspaceOptions.locateIfPresent() else { throw LIPError.usage("--save needs a workspace (--workspace DIR)") }
            let (tallied, url) = try workspace.locked {
                let result = try ProposalTally.run(id, ledger: try ledger.open())
                return (result, try ProposalResultFile.save(result, workspace: workspace))
            }
            result = tallied
            warn("lip: wrote \(workspace.relativePath(url))")
        } else {
            result = try ProposalTally.run(id, ledger: try ledger.open())
        }
        say(format == .json ? result.json.serialized() : result.text, terminator: "")
        if result.matchesChain == false {
            warn("lip: the counted totals differ from proposalVotes on chain: " + result.differences.joined(separator: "; "))
            throw ExitStatus.findings
        }
    }
}
