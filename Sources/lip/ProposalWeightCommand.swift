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
        let opened = try ledger.open()
        let read = bondingVotesReader(rpc: node.rpc, ledger: opened, options: ledger)
        let weight = try ProposalWeight.of(address, reference: id, ledger: opened, read: read)
        say(format == .json ? weight.json.serialized() : weight.text, terminator: "")
    }
}

struct ProposalVoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote",
        abstract: "Print the unsigned transaction of a vote on a governor proposal, for any wallet, hardware signer or Safe to sign.",
        discussion: """
            lip holds no key and sends nothing: it prints `to` (the LivepeerGovernor), `data` (castVote, or castVoteWithReason with --reason), value 0 and the chain id; in text also a `cast send` line and an EIP-681 URI, and with --from the weight the vote will carry (votes the ledger lacks read from --rpc). The chain id and the governor are those of the ledger's network. Refused (exit 1) when the proposal's governor is not the network's livepeer-governor, unless the ledger shows the proposal Active, or when the reason has control characters (its length is shown).

            Examples:
              lip proposal vote 1094…217 for --reason "good value for the network"
              lip proposal vote 1094…217 against --format safe > vote.json

            Manual: docs/voting.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The proposal id (decimal, as `lip proposal list` shows, or 0x hex).")
    var id: String

    @Argument(help: ArgumentHelp("for, against or abstain.", valueName: "SUPPORT"))
    var support: VoteSupport

    @Option(help: ArgumentHelp("A reason, sent with castVoteWithReason.", valueName: "TEXT"))
    var reason: String?

    @Option(help: ArgumentHelp("The voting account, to print the weight its vote will carry.", valueName: "ACCOUNT"))
    var from: String?

    @Option(help: ArgumentHelp("A node to read --from's votes from when the ledger lacks them (default: $LIP_RPC_L2).", valueName: "URL"))
    var rpc: String?

    @OptionGroup var output: VoteOutputOptions

    func run() throws {
        let choice = support
        if let reason, VisibleText.oneLine(reason) != reason {
            throw LIPError.refused(
                "the reason has control characters or line breaks (\(VisibleText.oneLine(reason)), \(reason.utf8.count) bytes): write it on one line of visible text")
        }
        let opened = try ledger.open()
        let network = try ledger.networkIdentity(of: opened)
        let contracts = try ledger.contracts(of: network)
        let (governor, proposal, chainID) = try ProposalVoting.target(
            id, ledger: opened, network: network, networkGovernor: contracts.chains[.l2]?.livepeerGovernor?.address)
        let tx = VoteTransaction.proposal(
            governor: governor, id: proposal, support: choice.rawValue, reason: reason, chainID: chainID, title: "Vote \(choice.name) on proposal \(proposal)")
        var lines = reason.map { ["reason    \($0.utf8.count) bytes: \($0)"] } ?? []
        if let from, output.format == .text {
            let account = try parsedAddress(from, "--from")
            let read = bondingVotesReader(rpc: rpc, ledger: opened, options: ledger)
            let w = try ProposalWeight.of(account, reference: id, ledger: opened, read: read)
            lines.append("weight    \(Amount.formatLPT(w.weight, decimals: 18, grouping: true)) LPT for \(account.checksummed)")
        }
        output.print(tx, heading: "Vote \(choice.name) on proposal \(proposal) on \(network.name)", lines: lines)
    }
}

/// What BondingVotes says of an account at a round, from the node `rpc` (else `$LIP_RPC_L2`),
/// checked to serve the network `ledger` works on; nil when neither names a node.
func bondingVotesReader(rpc: String?, ledger: Ledger, options: LedgerOptions) -> ((Address, Int) throws -> ProposalWeight.Stake)? {
    guard let url = NodeConnection.url(rpc, chain: .l2, environment: ProcessInfo.processInfo.environment) else { return nil }
    // The network and the node, found at the first read (none may be needed) and kept for the next.
    var connection: (node: Node, bondingVotes: Address)?
    return { account, round in
        let c: (node: Node, bondingVotes: Address)
        if let known = connection {
            c = known
        } else {
            let network = try options.networkIdentity(of: ledger)
            let chosen = try options.contracts(of: network)
            guard let bondingVotes = chosen.chains[.l2]?.bondingVotes?.address else { throw LIPError.usage("network \(chosen.name) names no l2 bonding-votes in networks.yaml") }
            c = (try NodeConnection.open(url: url, chain: .l2, network: network), bondingVotes)
            connection = c
        }
        let s = try c.node.votingStake(bondingVotes: c.bondingVotes, account: account, round: round)
        return ProposalWeight.Stake(votes: s.votes, delegate: s.delegate)
    }
}

extension VoteSupport: ExpressibleByArgument {
    /// `for`, `against` or `abstain`.
    public init?(argument: String) {
        guard let support = VoteSupport.allCases.first(where: { $0.name == argument }) else { return nil }
        self = support
    }

    /// The names, for help and completion.
    public static var allValueStrings: [String] { allCases.map(\.name) }
}
