import BigInt
import Crypto
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Reads LivepeerGovernor's proposals from a node (governor.md): every governor log since its
/// creation, and for each proposal past Pending the views a tally needs — `state`,
/// `proposalVotes`, `quorumNumerator(snapshot)`, `quota()`, BondingVotes' `getPastTotalSupply`
/// and `delegatedAt` of every voter and every voter's delegate. BondingVotes is keyed by round, so
/// everything is read at the head: no archive node is needed.
package struct ProposalSync {
    /// What a sync read, ready for `Ledger.storeProposalSync`.
    package struct Outcome: Sendable {
        /// The governor's logs.
        package var logs: [EventLog]
        /// The views, in the governor-state file's shape.
        package var state: GovernorStateFile
        /// Proposals still Pending (no views read: their snapshot round has not begun).
        package var pending: [BigUInt]
        /// What BondingVotes says at each proposal's snapshot round of the orchestrators in the
        /// transcoder pool at the head, by proposal id.
        package var stakes: [BigUInt: [ProposalStake]]
        /// The head block read at.
        package var block: Int
        /// SHA-256 of everything read, hex.
        package var sha256: String
    }

    /// The node.
    package let node: Node
    /// The governor.
    package let governor: Network.Contract
    /// BondingVotes.
    package let bondingVotes: Address
    /// The chain id the network expects.
    package let chainID: Int
    /// Multicall3, when the network has one.
    package let multicall: Network.Contract?
    /// The network's name, for messages.
    package let network: String
    /// The BondingManager, whose transcoder pool is read at the head.
    package let bondingManager: Address

    /// How many delegates deep `delegatedAt` is followed from a voter: a voter, its delegate and
    /// that delegate's own delegate are all the counting needs; a node whose answers go deeper
    /// (or loop through new addresses) is stopped here.
    package static let maximumDelegationDepth = 4

    /// Why a walk of delegations stopped.
    enum DelegationWalk: Error { case tooDeep(Address) }

    /// Each voter's delegate, that delegate's own, and so on: every account asked once (by
    /// `read`, a batch at a time), at most `maximumDelegationDepth` levels deep, so that a node
    /// answering an endless chain of new addresses is stopped.
    static func followDelegations(from voters: [Address], read: ([Address]) throws -> [Address]) throws -> [Address: Address] {
        var delegations: [Address: Address] = [:]
        var ask = Array(Set(voters)).sorted()
        var depth = 0
        while !ask.isEmpty {
            depth += 1
            guard depth <= maximumDelegationDepth else { throw DelegationWalk.tooDeep(ask[0]) }
            for (account, delegate) in zip(ask, try read(ask)) { delegations[account] = delegate }
            ask = Array(Set(delegations.values).subtracting(delegations.keys)).sorted()
        }
        return delegations
    }

    /// A sync of `network`'s governor (on L2) through `node`.
    package init(node: Node, network: Network) throws {
        guard let l2 = network.chains[.l2], let governor = l2.livepeerGovernor, let bondingVotes = l2.bondingVotes else {
            throw LIPError.usage("network `\(network.name)` has no l2 `livepeer-governor` and `bonding-votes`: add them to networks.yaml")
        }
        self.node = node
        self.governor = governor
        self.bondingVotes = bondingVotes.address
        chainID = l2.chainID
        multicall = l2.multicall3
        self.network = network.name
        bondingManager = l2.bondingManager.address
    }

    /// Reads every proposal. `progress` hears what is being read. An answer that does not decode
    /// as the ABI says is an error naming the node (exit 2).
    package func read(progress: ((String) -> Void)? = nil) throws -> Outcome {
        do { return try reading(progress: progress) } catch let problem as ABI.Problem {
            throw node.malformed("eth_call or eth_getLogs", "\(problem)")
        }
    }

    private func reading(progress: ((String) -> Void)?) throws -> Outcome {
        try node.require(chainID: chainID, network: network)
        let head = try node.head()
        progress?("reading the governor's logs from block \(governor.block) to \(head.number)")
        let topics = Set(LedgerEvent.allCases.filter(\.isGovernorEvent).map(\.topic0))
        let logs = try node.eventLogs(address: governor.address, topics: [], from: governor.block, to: head.number).filter {
            $0.topics.first.map { topics.contains($0.lowercased()) } ?? false
        }
        let endpoint = node.client.endpoint.display
        func fail(_ message: String) -> LIPError { LIPError.invalidInput(file: endpoint, location: "", message: message) }
        // Proposals and their voters, from the logs.
        var proposals: [(id: BigUInt, start: BigUInt)] = []
        var voters: [BigUInt: [Address]] = [:]
        for log in logs {
            switch LedgerEvent.from(topic0: log.topics[0]) {
            case .proposalCreated?:
                do { proposals.append((try ABI.uint(log.data, 0), try ABI.uint(log.data, 6))) } catch { throw fail("a ProposalCreated log does not decode: \(error)") }
            case .voteCast?, .voteCastWithParams?:
                guard log.topics.count > 1, let bytes = Hex.decode(log.topics[1]), bytes.count == 32, let voter = try? ABI.address(bytes, 0),
                    let proposal = try? ABI.uint(log.data, 0)
                else { throw fail("a VoteCast log has no voter topic or proposal id") }
                voters[proposal, default: []].append(voter)
            default: break
            }
        }
        let multicallAddress = multicall.flatMap { head.number >= $0.block ? $0.address : nil }
        func answers(_ calls: [ViewCall], _ what: (Int) -> String) throws -> [[UInt8]] {
            let raw = try node.read(calls, at: head.number, multicall: multicallAddress)
            return try raw.enumerated().map { i, data in
                guard let data else { throw fail("\(what(i)) reverted at block \(head.number): are the governor and BondingVotes addresses right?") }
                return data
            }
        }
        progress?("reading the views of \(proposals.count) proposals")
        let quota = try ABI.uint(try answers([.quota(governor.address)], { _ in "quota()" })[0], 0)
        var views: [ProposalViews] = []
        var pending: [BigUInt] = []
        for (proposal, start) in proposals {
            let first = try answers([.proposalState(governor.address, proposal)], { _ in "state(\(proposal))" })[0]
            let stateWord = try ABI.uint(first, 0)
            guard stateWord <= 7, let state = ProposalState(rawValue: Int(stateWord)) else { throw fail("state(\(proposal)) is \(stateWord), not 0 to 7") }
            if state == .pending {
                pending.append(proposal)
                continue
            }
            let base = try answers(
                [
                    .proposalVotes(governor.address, proposal), .quorumNumerator(governor.address, round: start),
                    .getPastTotalSupply(bondingVotes, round: start),
                ], { ["proposalVotes(\(proposal))", "quorumNumerator(\(start))", "getPastTotalSupply(\(start))"][$0] })
            let delegations: [Address: Address]
            do {
                delegations = try ProposalSync.followDelegations(from: voters[proposal] ?? []) { ask in
                    let read = try answers(ask.map { .delegatedAt(bondingVotes, $0, round: start) }, { "delegatedAt(\(ask[$0].checksummed), \(start))" })
                    return try read.map { try ABI.address($0, 0) }
                }
            } catch let DelegationWalk.tooDeep(still) {
                throw fail(
                    "delegatedAt(…, \(start)) of proposal \(proposal): a chain of delegates longer than \(ProposalSync.maximumDelegationDepth) (a voter's delegate's delegate …, still asking \(still.checksummed)); no orchestrator delegates that far"
                )
            }
            views.append(
                ProposalViews(
                    id: proposal, totalSupply: try ABI.uint(base[2], 0), quorumNumerator: try ABI.uint(base[1], 0), quota: quota,
                    onchain: ProposalTotals(against: try ABI.uint(base[0], 0), for: try ABI.uint(base[0], 1), abstain: try ABI.uint(base[0], 2)), state: state,
                    delegations: delegations))
        }
        // The orchestrators of the pool, at each proposal's snapshot round: those that did not vote
        // are weighed by turnout and voter records without a node.
        var stakes: [BigUInt: [ProposalStake]] = [:]
        if !views.isEmpty {
            progress?("walking the transcoder pool at block \(head.number)")
            let pool = try node.transcoderPool(bondingManager: bondingManager, at: head.number)
            for v in views where !pool.isEmpty {
                let round = proposals.first { $0.id == v.id }!.start
                let read = try answers(
                    pool.flatMap { [.getPastVotes(bondingVotes, $0, round: round), .delegatedAt(bondingVotes, $0, round: round)] },
                    { "getPastVotes or delegatedAt(\(pool[$0 / 2].checksummed), \(round))" })
                stakes[v.id] = try pool.enumerated().map { i, account in
                    ProposalStake(account: account, votes: try ABI.uint(read[2 * i], 0), delegate: try ABI.address(read[2 * i + 1], 0))
                }
            }
        }
        let state = GovernorStateFile(governor: governor.address, proposals: views)
        var hasher = SHA256()
        hasher.update(data: Data("lip-proposal-sync v1|\(governor.address.lowercased)|\(head.number)|\(head.hash)\n".utf8))
        for log in logs { hasher.update(data: Data("log|\(log.transactionHash)|\(log.logIndex)|\(Hex.encode(log.data))\n".utf8)) }
        hasher.update(data: Data(state.json.serialized(pretty: false).utf8))
        for (id, list) in stakes.sorted(by: { $0.key < $1.key }) {
            for s in list { hasher.update(data: Data("stake|\(id)|\(s.account.lowercased)|\(s.votes)|\(s.delegate.lowercased)\n".utf8)) }
        }
        return Outcome(
            logs: logs, state: state, pending: pending, stakes: stakes, block: head.number, sha256: Hex.encode(Array(hasher.finalize())))
    }
}
