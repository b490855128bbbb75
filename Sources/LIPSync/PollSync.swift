import BigInt
import Crypto
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// Reads a poll and the stake that decides it from a node (rpc-sync.md): the PollCreated, the
/// deciding block, the votes up to it, and for every voter and every voter's delegate (or, with
/// `full`, every delegator) the BondingManager's views at that block.
package struct PollSync {
    /// What a sync read, ready for `Ledger.storeSync`.
    package struct Outcome: Sendable {
        /// PollCreated and the poll's Vote logs.
        package var logs: [EventLog]
        /// The stake at the deciding block.
        package var stake: SyncedStake
        /// The poll's end block (its chain's `block.number`).
        package var endBlock: Int
        /// Whether the node has not reached the end yet.
        package var provisional: Bool
        /// Distinct voters.
        package var voters: Int
        /// SHA-256 of everything read, hex: what identifies this sync's content.
        package var sha256: String
    }

    /// The node.
    package let node: Node
    /// The network's contracts on this chain.
    package let contracts: Network.ChainContracts
    /// The chain synced.
    package let chain: Chain
    /// The network's name, for messages.
    package let network: String

    /// A sync of `chain` of `network` through `node`; the network must have that chain.
    package init(node: Node, network: Network, chain: Chain) throws {
        guard let contracts = network.chains[chain] else {
            throw LIPError.usage("network `\(network.name)` has no \(chain.rawValue) contracts")
        }
        self.node = node
        self.contracts = contracts
        self.chain = chain
        self.network = network.name
    }

    /// Reads `poll`. `progress` hears what is being read. An answer that does not decode as the
    /// ABI says is an error naming the node (exit 2), like any other malformed answer.
    package func read(poll: Address, full: Bool, progress: ((String) -> Void)? = nil) throws -> Outcome {
        do { return try reading(poll: poll, full: full, progress: progress) } catch let problem as ABI.Problem {
            throw node.malformed("eth_call or eth_getLogs", "\(problem)")
        }
    }

    private func reading(poll: Address, full: Bool, progress: ((String) -> Void)?) throws -> Outcome {
        try node.require(chainID: contracts.chainID, network: network)
        let head = try node.head()
        progress?("looking for the PollCreated of \(poll.checksummed)")
        guard let pollCreated = try pollCreated(poll, from: contracts.pollCreator.block, to: head.number) else {
            throw LIPError.usage(
                "no PollCreated of \(poll.checksummed) by the PollCreator \(contracts.pollCreator.address.checksummed) between blocks \(contracts.pollCreator.block) and \(head.number)"
            )
        }
        return try reading(created: pollCreated, full: full, pool: false, blocks: node, progress: progress)
    }

    /// The PollCreated of `poll` by the network's PollCreator between blocks `from` and `to`.
    package func pollCreated(_ poll: Address, from: Int, to: Int) throws -> EventLog? {
        let pollTopic = Hex.prefixed(ABI.encode(address: poll))
        return try node.eventLogs(address: contracts.pollCreator.address, topics: [LedgerEvent.pollCreated.topic0, pollTopic], from: from, to: to).first
    }

    /// Reads the poll `pollCreated` created, as `read(poll:full:)` does, deciding it by the head
    /// `blocks` gives; with `pool`, the orchestrators in the transcoder pool at the deciding block
    /// are read too (`lip ledger sync polls`: turnout names the largest that did not vote).
    package func read(created pollCreated: EventLog, full: Bool, pool: Bool, blocks: any BlockSource, progress: ((String) -> Void)? = nil) throws -> Outcome {
        do { return try reading(created: pollCreated, full: full, pool: pool, blocks: blocks, progress: progress) } catch let problem as ABI.Problem {
            throw node.malformed("eth_call or eth_getLogs", "\(problem)")
        }
    }

    private func reading(created pollCreated: EventLog, full: Bool, pool: Bool, blocks: any BlockSource, progress: ((String) -> Void)?) throws -> Outcome {
        guard pollCreated.topics.count > 1, let pollBytes = Hex.decode(pollCreated.topics[1]), pollBytes.count == 32, let poll = try? ABI.address(pollBytes, 0) else {
            throw LIPError.invalidInput(file: node.client.endpoint.display, location: "", message: "a PollCreated log has no poll topic")
        }
        let endWord = try ABI.uint(pollCreated.data, 1)
        guard endWord <= BigUInt(Int.max / 2) else {
            throw LIPError.invalidInput(file: node.client.endpoint.display, location: "", message: "PollCreated: endBlock \(endWord) is too large")
        }
        let endBlock = Int(endWord)
        let decision = try DecidingBlock.find(endBlock: endBlock, lowerBound: pollCreated.blockNumber, in: blocks)
        let block = decision.header
        progress?("reading votes up to block \(block.number)")
        let votes = try node.eventLogs(address: poll, topics: [LedgerEvent.vote.topic0], from: pollCreated.blockNumber, to: block.number)
        var voters: [Address] = []
        var seen = Set<Address>()
        for vote in votes {
            guard vote.topics.count > 1, let bytes = Hex.decode(vote.topics[1]), bytes.count == 32, let voter = try? ABI.address(bytes, 0) else {
                throw LIPError.invalidInput(file: node.client.endpoint.display, location: "", message: "a Vote log has no voter topic")
            }
            if seen.insert(voter).inserted { voters.append(voter) }
        }
        var accounts = voters
        if full {
            progress?("listing every delegator from Bond, Rebond and TransferBond logs")
            for (topic, position) in [(Topics.bond, 3), (Topics.rebond, 2), (Topics.transferBond, 2)] {
                for log in try node.eventLogs(address: contracts.bondingManager.address, topics: [topic], from: contracts.bondingManager.block, to: block.number) {
                    guard log.topics.count > position, let bytes = Hex.decode(log.topics[position]), let account = try? ABI.address(bytes, 0) else { continue }
                    if seen.insert(account).inserted { accounts.append(account) }
                }
            }
        }
        if pool {
            progress?("walking the transcoder pool at block \(block.number)")
            for member in try node.transcoderPool(bondingManager: contracts.bondingManager.address, at: block.number) where seen.insert(member).inserted { accounts.append(member) }
        }
        let multicall = contracts.multicall3.flatMap { block.number >= $0.block ? $0.address : nil }
        let round = try self.round(at: block.number)
        progress?("reading the stake of \(accounts.count) accounts at block \(block.number)")
        var read = try stakes(of: accounts, at: block.number, round: round, multicall: multicall, withTotal: true)
        let delegates = Set(read.accounts.compactMap(\.delegate)).subtracting(seen).sorted()
        if !delegates.isEmpty {
            progress?("reading the stake of \(delegates.count) delegates at block \(block.number)")
            read.accounts += try stakes(of: delegates, at: block.number, round: round, multicall: multicall, withTotal: false).accounts
        }
        let sorted = read.accounts.sorted { $0.account < $1.account }
        let stake = SyncedStake(
            chain: chain, block: block.number, blockHash: block.hash, l1Block: block.l1Position, accounts: sorted, totalActive: read.total ?? 0, partial: !full)
        let logs = [pollCreated] + votes
        return Outcome(logs: logs, stake: stake, endBlock: endBlock, provisional: decision.provisional, voters: voters.count, sha256: PollSync.digest(logs: logs, stake: stake))
    }

    /// On L1, pendingStake counts rewards up to a round: the round `block` is in; 0 on L2.
    private func round(at block: Int) throws -> BigUInt {
        guard chain == .l1 else { return 0 }
        guard let roundsManager = contracts.roundsManager else {
            throw LIPError.usage("an L1 sync needs the network's `rounds-manager` (pendingStake takes the round of the block)")
        }
        guard let answer = try node.read([.currentRound(roundsManager)], at: block, multicall: nil).first, let data = answer else {
            throw LIPError.invalidInput(file: node.client.endpoint.display, location: "", message: "currentRound() reverted at block \(block)")
        }
        return try ABI.uint(data, 0)
    }

    /// The row of `account` at `block`, read from the BondingManager's views as a sync reads them
    /// (what `lip poll weight` asks of an account a partial snapshot lacks).
    package func row(of account: Address, at block: Int) throws -> SnapshotAccount {
        let multicall = contracts.multicall3.flatMap { block >= $0.block ? $0.address : nil }
        return try stakes(of: [account], at: block, round: try round(at: block), multicall: multicall, withTotal: false).accounts[0]
    }

    /// The four views of each account (and `getTotalBonded()` once, when asked) at `block`.
    private func stakes(of accounts: [Address], at block: Int, round: BigUInt, multicall: Address?, withTotal: Bool) throws -> (accounts: [SnapshotAccount], total: BigUInt?) {
        let bm = contracts.bondingManager.address
        var calls: [ViewCall] = withTotal ? [.getTotalBonded(bm)] : []
        for a in accounts {
            calls += [.getDelegator(bm, a), .pendingStake(bm, a, round: round), .transcoderTotalStake(bm, a), .isRegisteredTranscoder(bm, a)]
        }
        let answers = try node.read(calls, at: block, multicall: multicall)
        func answer(_ i: Int, _ what: String) throws -> [UInt8] {
            guard i < answers.count, let data = answers[i] else {
                throw LIPError.invalidInput(file: node.client.endpoint.display, location: "", message: "\(what) reverted at block \(block): is the BondingManager address right?")
            }
            return data
        }
        let offset = withTotal ? 1 : 0
        let total = withTotal ? try ABI.uint(try answer(0, "getTotalBonded()"), 0) : nil
        let out = try accounts.enumerated().map { i, account -> SnapshotAccount in
            let base = offset + 4 * i
            let delegate = try ABI.address(try answer(base, "getDelegator(\(account.checksummed))"), 2)
            return SnapshotAccount(
                account: account, delegate: delegate.isZero ? nil : delegate, stake: try ABI.uint(try answer(base + 1, "pendingStake"), 0),
                delegatedStake: try ABI.uint(try answer(base + 2, "transcoderTotalStake"), 0), registered: try ABI.uint(try answer(base + 3, "isRegisteredTranscoder"), 0) != 0,
                active: nil, fees: nil)
        }
        return (out, total)
    }

    /// SHA-256 over the logs and the stake read, in a fixed order.
    static func digest(logs: [EventLog], stake: SyncedStake) -> String {
        var hasher = SHA256()
        func add(_ line: String) { hasher.update(data: Data((line + "\n").utf8)) }
        add("lip-sync v1|\(stake.chain.rawValue)|\(stake.block)|\(stake.blockHash)|\(stake.totalActive)|\(stake.partial ? 1 : 0)")
        for log in logs {
            add("log|\(log.transactionHash)|\(log.logIndex)|\(log.blockNumber)|\(log.address.lowercased)|\(log.topics.joined(separator: ","))|\(Hex.encode(log.data))")
        }
        for a in stake.accounts { add("row|\(a.account.lowercased)|\(a.delegate?.lowercased ?? "-")|\(a.stake)|\(a.delegatedStake)|\(a.registered ? 1 : 0)") }
        return Hex.encode(Array(hasher.finalize()))
    }

    /// topic0 of the BondingManager events that name delegators.
    enum Topics {
        static let bond = ABI.topic("Bond(address,address,address,uint256,uint256)")
        static let rebond = ABI.topic("Rebond(address,address,uint256,uint256)")
        static let transferBond = ABI.topic("TransferBond(address,address,uint256,uint256,uint256)")
    }
}
