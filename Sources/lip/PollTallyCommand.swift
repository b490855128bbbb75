import ArgumentParser
import Foundation
import LIPKit

struct PollTallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Tally a poll from the ledger, exactly and reproducibly (LIP-16 weights; L1, L2 or the migration window).",
        discussion: """
            POLL is a poll address, or a LIP number whose Polls/LIP-<n>/poll.yaml names the poll. Works without a workspace when --db is given and POLL is an address.

            Examples:
              lip poll tally 120
              lip poll tally 120 --stake l1+l2 --format json
              lip poll tally 0x9090909090909090909090909090909090909090 --db ledger.sqlite --stake l1
              lip poll tally 120 --save
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("A poll address, or a LIP number.", valueName: "POLL"))
    var poll: String

    @Option(help: "Whose stake counts (default: the poll's chain).")
    var stake: StakeMode?

    @Option(name: .customLong("quorum-base"), help: "What participation is measured against: bonded (all staked LPT, LIP-16) or active (the explorer's base).")
    var quorumBase: QuorumBase = .bonded

    @Option(help: "How to print the result.")
    var format: TextOrJSON = .text

    @Flag(help: "Write the JSON to Polls/LIP-<n>/result.json, which `lip advance` reads.")
    var save = false

    func run() throws {
        let workspace = ledger.workspaceOptions.locateIfPresent()
        let run = { try PollTally.run(reference: poll, ledger: try ledger.open(), workspace: workspace, stake: stake, quorumBase: quorumBase) }
        let tally: PollTally
        if save {
            guard let workspace else { throw LIPError.usage("--save needs a workspace (--workspace DIR)") }
            let (saved, url) = try workspace.locked {
                let tally = try run()
                return (tally, try tally.save(in: workspace))
            }
            tally = saved
            warn("lip: wrote \(workspace.relativePath(url))")
        } else {
            tally = try run()
        }
        say(format == .json ? tally.result.json.serialized() : tally.result.text(title: tally.document?.title), terminator: "")
    }
}
