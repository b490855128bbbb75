import ArgumentParser
import Foundation
import LIPKit

struct PollOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Write Polls/LIP-<n>/proposal.json and poll.yaml, and print the proposal's IPFS CID and the createPoll(bytes) calldata.",
        discussion: """
            proposal.json is exactly JSON.stringify({gitCommitHash, text}) of the commit and the LIP file; its CID is what `ipfs add` prints for it. Refused unless the LIP is Proposed (--sentiment allows any status) and is not part of a bundle.

            Examples:
              lip poll open 120
              lip poll open 120 --commit 0123456789abcdef0123456789abcdef01234567
              lip poll open 124 --sentiment
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: ArgumentHelp("The LIP number.", valueName: "N"))
    var lip: Int

    @Option(help: ArgumentHelp("The git commit of the LIP text (default: the workspace's HEAD).", valueName: "SHA"))
    var commit: String?

    @Flag(help: "A sentiment poll: allowed for a LIP in any status.")
    var sentiment = false

    @Option(help: "The chain the poll will be created on.")
    var chain: Chain = .l2

    func run() throws {
        let workspace = try workspaceOptions.locate()
        let sha = try commit ?? workspace.gitHead()
        let opening = try workspace.locked {
            let opening = try PollOpening.prepare(lip: lip, commit: sha, sentiment: sentiment, chain: chain, workspace: workspace)
            try opening.write(workspace: workspace)
            return opening
        }
        say("wrote Polls/LIP-\(lip)/proposal.json (\(opening.proposalJSON.utf8.count) bytes, commit \(sha.lowercased())) and Polls/LIP-\(lip)/poll.yaml")
        say("cid \(opening.cid)")
        say("createPoll calldata \(opening.calldata)")
    }
}
