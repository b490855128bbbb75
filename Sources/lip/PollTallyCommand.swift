import ArgumentParser
import Foundation
import LIPKit

struct PollTallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Tally a poll from the ledger, exactly and reproducibly (LIP-16 weights; L1, L2 or the migration window).",
        discussion: """
            POLL is a poll address, or a LIP number whose Polls/LIP-<n>/poll.yaml names the poll. The poll's rules (stake, quorum-base) are the ones its poll.yaml states. Works without a workspace when --db is given and POLL is an address; then --stake and --quorum-base say the rules.

            Quorum base and partial snapshots: a snapshot read by `lip ledger sync poll` without --full is partial (the voters and their delegates only; `lip ledger status` marks it). Its quorum base is the on-chain total getTotalBonded() read at the deciding block, so `--quorum-base active` works; `bonded` needs every account's stake: sync again with --full, which makes the snapshot whole.

            Examples:
              lip poll tally 120
              lip poll tally 120 --format json
              lip poll tally 0x9090909090909090909090909090909090909090 --db ledger.sqlite --stake l1
              lip poll tally 120 --save

            Manual: docs/tally-rules.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("A poll address, or a LIP number.", valueName: "POLL"))
    var poll: String

    @Option(help: "Whose stake counts, for a poll without poll.yaml (default: the poll's chain). A poll.yaml's `stake:` decides; a flag that contradicts it is refused.")
    var stake: StakeMode?

    @Option(
        name: .customLong("quorum-base"),
        help: "What participation is measured against, for a poll without poll.yaml: bonded (all staked LPT, LIP-16; the default) or active (the explorer's base).")
    var quorumBase: QuorumBase?

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
        keepUntilExit(tally)
        // The JSON is streamed: a poll of a hundred thousand voters is never all in memory as text.
        if format == .json { return try tally.result.json.write(to: .standardOutput) }
        say(tally.result.text(title: tally.document?.title), terminator: "")
    }
}
