import ArgumentParser
import Foundation
import LIPKit

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
