import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// When a vote in a poll can be printed: the poll is the network's (its PollCreated came from the
/// network's PollCreator, on the ledger's network), it has not ended in the ledger, and the
/// transaction carries the network's chain id. Anything else is refused, naming both sides.
public enum PollVoting {
    /// Why the ledger says `poll` ended, nil when it does not: the ledger holds stake of the
    /// poll's chain at or past its end block.
    public static func ended(_ poll: PollParameters, ledger: Ledger) throws -> String? {
        let past = try ledger.snapshots().filter { $0.chain == poll.chain && $0.l1Position >= poll.endBlock }
        return past.first.map { "the ledger has \($0.chain.rawValue) stake at block \($0.block), at or past its end block \(poll.endBlock)" }
    }

    /// The unsigned `vote(choiceID)` of poll `reference` on `network`, whose PollCreator on the
    /// poll's chain is `pollCreator` (nil when the network names none).
    public static func transaction(
        _ reference: String, choice: VoteChoice, ledger: Ledger, workspace: Workspace?, network: LedgerNetwork, pollCreator: (Chain) -> Address?
    ) throws -> (transaction: VoteTransaction, poll: PollParameters) {
        let resolved = try PollResolver.resolve(reference, ledger: ledger, workspace: workspace)
        let poll = resolved.parameters
        guard let address = poll.address else { throw LIPError.usage("the poll \(VisibleText.oneLine(reference)) has no address yet: create it on chain first") }
        guard let chainID = network.chainID(of: poll.chain) else {
            throw LIPError.refused("network \(network.name) names no \(poll.chain.rawValue) chain, where poll \(address.checksummed) is: a vote would go to no known chain")
        }
        guard let creator = pollCreator(poll.chain) else {
            throw LIPError.refused("network \(network.name) names no \(poll.chain.rawValue) poll-creator: lip cannot tell that poll \(address.checksummed) is one of its polls")
        }
        let creators = try ledger.pollCreators(of: address, chain: poll.chain)
        guard creators == [creator] else {
            let found = creators.isEmpty ? "the ledger has no PollCreated of it" : "its PollCreated came from \(creators.map(\.checksummed).joined(separator: ", "))"
            throw LIPError.refused(
                "poll \(address.checksummed) is not a poll of network \(network.name): \(found), and the network's \(poll.chain.rawValue) PollCreator is \(creator.checksummed); "
                    + "sync it from a node of \(network.name) (`lip ledger sync poll \(address.checksummed)`) or give the network the ledger was filled from (--network)")
        }
        if let ended = try ended(poll, ledger: ledger) { throw LIPError.refused("the poll has ended: \(ended); a vote now would not count") }
        let tx = VoteTransaction.poll(address, choice: choice, chainID: chainID, title: "Vote \(choice.rawValue) on poll \(address.checksummed)")
        return (tx, poll)
    }
}
