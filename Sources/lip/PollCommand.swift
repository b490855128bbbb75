import ArgumentParser
import Foundation
import LIPKit

struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Open, tally and export stake-weighted polls (LIP-16).",
        discussion: "Examples:\n  lip poll open 120\n  lip poll tally 120 --stake l1+l2\n  lip poll export 120 --format forum",
        subcommands: [PollOpenCommand.self, PollTallyCommand.self, PollExportCommand.self])
}

extension StakeMode: ExpressibleByArgument {}
extension QuorumBase: ExpressibleByArgument {}

struct PollOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Write Polls/LIP-<n>/proposal.json and poll.yaml, and print the proposal's IPFS CID and the createPoll(bytes) calldata.",
        discussion: """
        proposal.json is exactly JSON.stringify({gitCommitHash, text}) of the commit and the LIP file;
        its CID is what `ipfs add` prints for it. Refused unless the LIP is Proposed (--sentiment allows
        any status) and is not part of a bundle.

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
        try reporting {
            let workspace = try workspaceOptions.locate()
            let sha = try commit ?? gitHead(workspace)
            let opening = try PollOpening.prepare(lip: lip, commit: sha, sentiment: sentiment, chain: chain, workspace: workspace)
            try opening.write(workspace: workspace)
            say("wrote Polls/LIP-\(lip)/proposal.json (\(opening.proposalJSON.utf8.count) bytes, commit \(sha.lowercased())) and Polls/LIP-\(lip)/poll.yaml")
            say("cid \(opening.cid)")
            say("createPoll calldata \(opening.calldata)")
            return 0
        }
    }

    func gitHead(_ workspace: Workspace) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", workspace.root.path, "rev-parse", "HEAD"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw LIPError.usage("cannot run git to find HEAD: pass --commit SHA") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let sha = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, sha.count == 40 else {
            throw LIPError.usage("\(workspace.root.path) is not a git repository with a commit: pass --commit SHA")
        }
        return sha
    }
}

struct PollTallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Tally a poll from the ledger, exactly and reproducibly (LIP-16 weights; L1, L2 or the migration window).",
        discussion: """
        POLL is a poll address, or a LIP number whose Polls/LIP-<n>/poll.yaml names the poll. Works
        without a workspace when --db is given and POLL is an address.

        Examples:
          lip poll tally 120
          lip poll tally 120 --stake l1+l2 --format json
          lip poll tally 0x9090909090909090909090909090909090909090 --db ledger.sqlite --stake l1
          lip poll tally 120 --save
        """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("A poll address, or a LIP number.", valueName: "POLL"))
    var poll: String

    @Option(help: "Whose stake counts: l1, l2 or l1+l2 (default: the poll's chain).")
    var stake: StakeMode?

    @Option(name: .customLong("quorum-base"), help: "bonded (all staked LPT, LIP-16) or active (the explorer's base).")
    var quorumBase: QuorumBase = .bonded

    @Option(help: "text or json.")
    var format: TextOrJSON = .text

    @Flag(help: "Write the JSON to Polls/LIP-<n>/result.json, which `lip advance` reads.")
    var save = false

    func run() throws {
        try reporting {
            let (result, document, _) = try tally(ledger: ledger, poll: poll, stake: stake, quorumBase: quorumBase)
            if save {
                guard let workspace = ledger.workspaceOptions.locateIfPresent() else { throw LIPError.usage("--save needs a workspace (--workspace DIR)") }
                guard let lip = result.poll.lip else { throw LIPError.usage("--save: the poll is linked to no LIP (add its address to Polls/LIP-<n>/poll.yaml)") }
                var t = FileTransaction()
                let url = workspace.pollDirectory(lip: lip).appendingPathComponent("result.json")
                t.write(result.json.serialized(), to: url)
                try t.commit(relativeTo: workspace.root)
                warn("lip: wrote \(workspace.relativePath(url))")
            }
            say(format == .json ? result.json.serialized() : result.text(title: document?.title), terminator: "")
            return 0
        }
    }
}

/// Resolves and tallies a poll; shared by `tally` and `export`. Also gives the LIP document
/// (when the workspace has it) and the open ledger.
func tally(ledger options: LedgerOptions, poll: String, stake: StakeMode?, quorumBase: QuorumBase) throws -> (TallyResult, LIPDocument?, Ledger) {
    let workspace = options.workspaceOptions.locateIfPresent()
    if Address(poll) == nil && workspace == nil {
        throw LIPError.usage("`lip poll tally \(poll)` needs a workspace to find Polls/LIP-\(poll)/poll.yaml; or give the poll address and --db")
    }
    let ledger = try options.open()
    let parameters = try PollResolver.resolve(poll, ledger: ledger, workspace: workspace)
    let inputs = try ledger.tallyInputs(poll: parameters, stakeMode: stake ?? (parameters.chain == .l1 ? .l1 : .l2), quorumBase: quorumBase)
    let document = try parameters.lip.flatMap { n in try workspace.flatMap { ws in FileManager.default.fileExists(atPath: ws.fileURL(lip: n).path) ? try ws.document(lip: n) : nil } }
    return (TallyEngine.tally(inputs), document, ledger)
}
