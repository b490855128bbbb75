import ArgumentParser
import Foundation
import LIPKit

struct ProposalWeightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weight",
        abstract: "What an account's vote on a governor proposal weighs now, as GovernorCountingOverridable counts it.",
        discussion: """
            Its votes at the proposal's snapshot round (BondingVotes' getPastVotes), less those of its delegators who already voted (an orchestrator's); a delegator's vote comes off its orchestrator's. What the ledger lacks (an account that has not voted) is read from the node, --rpc URL or $LIP_RPC_L2: BondingVotes is checkpointed by round, so any node will do.

            Examples:
              lip proposal weight 1094…217 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF --rpc https://arb1.example.org/KEY

            Manual: docs/voting.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var node: NodeOptions

    @Argument(help: "The proposal id (decimal, as `lip proposal list` shows, or 0x hex).")
    var id: String

    @Argument(help: ArgumentHelp("The account (0x address).", valueName: "ACCOUNT"))
    var account: String

    @Option(help: "What to print.")
    var format: TextOrJSON = .text

    func run() throws {
        let address = try parsedAddress(account, "ACCOUNT")
        let workspace = ledger.workspaceOptions.locateIfPresent()
        let read = bondingVotesReader(rpc: node.rpc, network: node.network, networks: node.networks, workspace: workspace)
        let weight = try ProposalWeight.of(address, reference: id, ledger: try ledger.open(), read: read)
        say(format == .json ? weight.json.serialized() : weight.text, terminator: "")
    }
}

struct ProposalVoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote",
        abstract: "Print the unsigned transaction of a vote on a governor proposal, for any wallet, hardware signer or Safe to sign.",
        discussion: """
            lip holds no key and sends nothing: it prints `to` (the LivepeerGovernor), `data` (castVote, or castVoteWithReason with --reason), value 0 and the chain id; in text also a `cast send` line and an EIP-681 URI, and with --from the weight the vote will carry (votes the ledger lacks read from --rpc). Refused (exit 1) unless the ledger shows the proposal Active, or when the reason has control characters (its length is shown).

            Examples:
              lip proposal vote 1094…217 for --reason "good value for the network"
              lip proposal vote 1094…217 against --format safe > vote.json

            Manual: docs/voting.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The proposal id (decimal, as `lip proposal list` shows, or 0x hex).")
    var id: String

    @Argument(help: ArgumentHelp("for, against or abstain.", valueName: "SUPPORT"))
    var support: String

    @Option(help: ArgumentHelp("A reason, sent with castVoteWithReason.", valueName: "TEXT"))
    var reason: String?

    @Option(help: ArgumentHelp("The voting account, to print the weight its vote will carry.", valueName: "ACCOUNT"))
    var from: String?

    @Option(help: ArgumentHelp("A node to read --from's votes from when the ledger lacks them (default: $LIP_RPC_L2).", valueName: "URL"))
    var rpc: String?

    @OptionGroup var output: VoteOutputOptions

    func run() throws {
        guard let choice = VoteSupport.allCases.first(where: { $0.name == support }) else {
            throw LIPError.usage("`\(VisibleText.oneLine(support))` is not for, against or abstain")
        }
        if let reason, VisibleText.oneLine(reason) != reason {
            throw LIPError.refused(
                "the reason has control characters or line breaks (\(VisibleText.oneLine(reason)), \(reason.utf8.count) bytes): write it on one line of visible text")
        }
        let workspace = ledger.workspaceOptions.locateIfPresent()
        let opened = try ledger.open()
        let (governor, proposal) = try ProposalTally.resolve(id, ledger: opened)
        let state = try opened.proposalViews(governor: governor, id: proposal)?.state
        guard state == .active else {
            throw LIPError.refused("proposal \(proposal) is \(state?.name ?? "not yet voting (no views synced)") in the ledger, not active: a vote now would not count")
        }
        let tx = VoteTransaction.proposal(
            governor: governor, id: proposal, support: choice.rawValue, reason: reason, chainID: try output.chainID(of: .l2, workspace: workspace),
            title: "Vote \(choice.name) on proposal \(proposal)")
        var lines = reason.map { ["reason    \($0.utf8.count) bytes: \($0)"] } ?? []
        if let from, output.format == .text {
            let account = try parsedAddress(from, "--from")
            let read = bondingVotesReader(rpc: rpc, network: output.network, networks: output.networks, workspace: workspace)
            let w = try ProposalWeight.of(account, reference: id, ledger: opened, read: read)
            lines.append("weight    \(Amount.formatLPT(w.weight, decimals: 18, grouping: true)) LPT for \(account.checksummed)")
        }
        output.print(tx, heading: "Vote \(choice.name) on proposal \(proposal)", lines: lines)
    }
}

/// What BondingVotes says of an account at a round, from the node `rpc` (else `$LIP_RPC_L2`) of
/// `network`; nil when neither names a node.
func bondingVotesReader(rpc: String?, network: String, networks: String?, workspace: Workspace?) -> ((Address, Int) throws -> ProposalWeight.Stake)? {
    guard let url = rpc ?? ProcessInfo.processInfo.environment["LIP_RPC_L2"], !url.isEmpty else { return nil }
    // The network and the node, found at the first read (none may be needed) and kept for the next.
    var connection: (node: Node, bondingVotes: Address)?
    return { account, round in
        let c: (node: Node, bondingVotes: Address)
        if let known = connection {
            c = known
        } else {
            let file = networks.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory).standardizedFileURL }
            let chosen = try Network.named(network, file: file, path: networks, workspaceFile: workspace?.root.appendingPathComponent("networks.yaml"))
            guard let bondingVotes = chosen.chains[.l2]?.bondingVotes?.address else { throw LIPError.usage("network \(chosen.name) names no l2 bonding-votes in networks.yaml") }
            c = (Node(client: JSONRPCClient(endpoint: try RPCEndpoint(url))), bondingVotes)
            connection = c
        }
        let s = try c.node.votingStake(bondingVotes: c.bondingVotes, account: account, round: round)
        return ProposalWeight.Stake(votes: s.votes, delegate: s.delegate)
    }
}
