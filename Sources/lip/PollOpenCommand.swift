import ArgumentParser
import Foundation
import LIPKit

struct PollOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Write Polls/LIP-<n>/proposal.json and poll.yaml (with the poll's rules), and print the proposal's IPFS CID and the createPoll(bytes) calldata.",
        discussion: """
            The proposal is the LIP file as committed (git show COMMIT:LIPs/LIP-<n>.md), never the working copy: proposal.json is exactly JSON.stringify({gitCommitHash, text}) and its CID is what `ipfs add` prints for it. Refused unless the committed LIP is Proposed (--sentiment allows any status) and is not part of a bundle.

            poll.yaml states the rules every later command follows: stake (default l2, or l1+l2 while the ledger knows an open migration window; l1 for a poll on L1) and quorum-base (default bonded).

            Examples:
              lip poll open 120
              lip poll open 120 --commit 0123456789abcdef0123456789abcdef01234567
              lip poll open 120 --stake l1+l2
              lip poll open 124 --sentiment

            Manual: docs/tally-rules.md (in the lip repository).
            """)

    @OptionGroup var ledgerOptions: LedgerOptions

    @Argument(help: ArgumentHelp("The LIP number.", valueName: "N"))
    var lip: Int

    @Option(help: ArgumentHelp("The git commit of the LIP text (default: the workspace's HEAD).", valueName: "SHA"))
    var commit: String?

    @Flag(help: "A sentiment poll: allowed for a LIP in any status.")
    var sentiment = false

    @Option(help: "The chain the poll will be created on.")
    var chain: Chain = .l2

    @Option(help: "Whose stake counts, written to poll.yaml (default: see above).")
    var stake: StakeMode?

    @Option(name: .customLong("quorum-base"), help: "What participation is measured against, written to poll.yaml (default: bonded).")
    var quorumBase: QuorumBase?

    func run() throws {
        let workspace = try ledgerOptions.workspaceOptions.locate()
        // The ledger of the network the poll will be created on (--network; mainnet's by default).
        let ledgerFile = try ledgerOptions.path()
        let ledger = FileManager.default.fileExists(atPath: ledgerFile) ? try ledgerOptions.open() : nil
        let opening = try workspace.locked {
            let opening = try PollOpening.open(
                lip: lip, commit: commit, sentiment: sentiment, chain: chain, stake: stake, quorumBase: quorumBase, workspace: workspace, ledger: ledger)
            try opening.write(workspace: workspace)
            return opening
        }
        if opening.workingCopyDiffers {
            warn("lip: note: LIPs/LIP-\(lip).md in the working copy differs from commit \(opening.commit.prefix(12)); the proposal is the committed text")
        }
        say("wrote Polls/LIP-\(lip)/proposal.json (\(opening.proposalJSON.utf8.count) bytes, commit \(opening.commit)) and Polls/LIP-\(lip)/poll.yaml")
        say("rules: stake \(opening.pollFile.stake?.rawValue ?? "-"), quorum base \(opening.pollFile.quorumBase?.rawValue ?? "-")")
        say("cid \(opening.cid)")
        say("createPoll calldata \(opening.calldata)")
    }
}
