import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// `lip ledger sync treasury` (treasury.md): the LPT transfers into and out of the network's
/// treasury, the BondingManager's TreasuryReward logs, the governor's ProposalExecuted logs, and
/// at the last block read the treasury's balance, the cut rates, the ceiling and the round's
/// parameters. Every log is checked to be of the contract asked and of the shape its event has.
package struct TreasurySync {
    /// `Transfer(address,address,uint256)`.
    static let transferTopic = ABI.topic("Transfer(address,address,uint256)")
    /// `TreasuryReward(address,address,uint256)`.
    static let treasuryRewardTopic = ABI.topic("TreasuryReward(address,address,uint256)")

    package let node: Node
    package let network: String
    let chain: Chain = .l2
    let contracts: Network.ChainContracts
    package let treasury: Network.Contract
    package let token: Network.Contract
    let governor: Network.Contract?
    let roundsManager: Address

    /// A sync of `network`'s L2 treasury through `node`; the network must name the token, the
    /// treasury and the RoundsManager.
    package init(node: Node, network: Network) throws {
        let (contracts, treasury, token, roundsManager) = try Self.contracts(of: network)
        self.node = node
        self.network = network.name
        self.contracts = contracts
        self.treasury = treasury
        self.token = token
        self.governor = contracts.livepeerGovernor
        self.roundsManager = roundsManager
    }

    /// The contracts of `network` a treasury sync reads; a usage error (before any node is asked)
    /// when it does not name them.
    static func contracts(of network: Network) throws -> (Network.ChainContracts, Network.Contract, Network.Contract, Address) {
        guard let contracts = network.chains[.l2] else { throw LIPError.usage("network `\(network.name)` has no l2 chain in networks.yaml") }
        guard let treasury = contracts.treasury, let token = contracts.livepeerToken, let roundsManager = contracts.roundsManager else {
            throw LIPError.usage(
                "network `\(network.name)` names no l2 `treasury`, `livepeer-token` and `rounds-manager`: add them to networks.yaml, each as {address: \"0x…\", block: N}")
        }
        return (contracts, treasury, token, roundsManager)
    }

    /// Whether `network` names what a treasury sync reads (a usage error when not).
    package static func check(_ network: Network) throws { _ = try contracts(of: network) }

    /// Reads from the block after `scannedTo` (the treasury's creation block when nil) up to
    /// `toBlock` (the head when nil).
    package func read(scannedTo: Int?, toBlock: Int?, progress: ((String) -> Void)? = nil) throws -> TreasurySyncRead {
        try node.require(chainID: contracts.chainID, network: network)
        let (from, end) = try node.forwardRange(after: scannedTo, first: treasury.block, toBlock: toBlock, what: "the treasury")
        let source = node.client.endpoint.display
        func fail(_ why: String) -> LIPError { LIPError.invalidInput(file: source, location: "", message: why) }
        let treasuryTopic = Hex.prefixed(ABI.encode(address: treasury.address))
        var transfers: [EventLog] = [], rewards: [EventLog] = [], executions: [EventLog] = []
        if from <= end {
            progress?("Transfer logs of \(token.address.checksummed) from block \(from) to \(end)")
            transfers += try node.eventLogs(address: token.address, topics: [Self.transferTopic, treasuryTopic], from: from, to: end)
            transfers += try node.eventLogs(address: token.address, topics: [Self.transferTopic, nil, treasuryTopic], from: from, to: end)
            progress?("TreasuryReward logs of \(contracts.bondingManager.address.checksummed)")
            rewards = try node.eventLogs(address: contracts.bondingManager.address, topics: [Self.treasuryRewardTopic], from: from, to: end)
            if let governor {
                progress?("ProposalExecuted logs of \(governor.address.checksummed)")
                executions = try node.eventLogs(address: governor.address, topics: [LedgerEvent.proposalExecuted.topic0], from: max(from, governor.block), to: end)
            }
        }
        // A transfer from the treasury to itself is found by both queries: once.
        var seen = Set<String>()
        transfers = transfers.filter { seen.insert("\($0.transactionHash)|\($0.logIndex)").inserted }
        transfers.sort { ($0.blockNumber, $0.logIndex) < ($1.blockNumber, $1.logIndex) }
        let times = try timestamps(Set(transfers.map(\.blockNumber)))
        func address(_ topic: String, _ what: String) throws -> Address {
            guard let bytes = Hex.decode(topic), bytes.count == 32, let a = try? ABI.address(bytes, 0) else { throw fail("\(what) is not an address topic") }
            return a
        }
        let movements = try transfers.map { log -> TreasuryTransfer in
            guard log.topics.count == 3, log.data.count == 32 else {
                throw fail("a Transfer log of block \(log.blockNumber) has not the shape Transfer(address,address,uint256) has")
            }
            return TreasuryTransfer(
                transactionHash: log.transactionHash.lowercased(), logIndex: log.logIndex, block: log.blockNumber, timestamp: times[log.blockNumber] ?? 0,
                from: try address(log.topics[1], "Transfer's from"), to: try address(log.topics[2], "Transfer's to"), amount: try ABI.uint(log.data, 0))
        }
        let paid = try rewards.compactMap { log -> TreasuryRewardLog? in
            guard log.topics.count == 2, log.data.count == 64 else { throw fail("a TreasuryReward log of block \(log.blockNumber) has not its event's shape") }
            let to = try ABI.address(log.data, 0)
            // Another treasury's reward is not this one's.
            guard to == treasury.address else { return nil }
            return TreasuryRewardLog(
                transactionHash: log.transactionHash.lowercased(), logIndex: log.logIndex, block: log.blockNumber, transcoder: try address(log.topics[1], "the transcoder"),
                treasury: to, amount: try ABI.uint(log.data, 1))
        }
        let executed = try executions.map { log -> ProposalExecution in
            guard log.topics.count == 1, log.data.count == 32 else { throw fail("a ProposalExecuted log of block \(log.blockNumber) has not its event's shape") }
            return ProposalExecution(
                transactionHash: log.transactionHash.lowercased(), logIndex: log.logIndex, block: log.blockNumber, governor: governor!.address,
                proposal: try ABI.uint(log.data, 0))
        }
        progress?("the treasury's views at block \(end)")
        let bm = contracts.bondingManager.address
        let calls = [
            ViewCall(token.address, "balanceOf(address)", [.address(treasury.address)]), ViewCall(bm, "treasuryRewardCutRate()"),
            ViewCall(bm, "nextRoundTreasuryRewardCutRate()"), ViewCall(bm, "treasuryBalanceCeiling()"), ViewCall(roundsManager, "roundLength()"),
            ViewCall(roundsManager, "lastRoundLengthUpdateRound()"), ViewCall(roundsManager, "lastRoundLengthUpdateStartBlock()"),
        ]
        let names = [
            "balanceOf", "treasuryRewardCutRate", "nextRoundTreasuryRewardCutRate", "treasuryBalanceCeiling", "roundLength", "lastRoundLengthUpdateRound",
            "lastRoundLengthUpdateStartBlock",
        ]
        let answers = try node.read(calls, at: end, multicall: nil)
        var values: [BigUInt] = []
        for (answer, name) in zip(answers, names) {
            guard let data = answer, data.count == 32 else { throw fail("\(name)() at block \(end) reverted or did not return one word") }
            values.append(try ABI.uint(data, 0))
        }
        func small(_ i: Int) throws -> Int {
            guard values[i] <= BigUInt(Int.max / 4) else { throw fail("\(names[i])() at block \(end) is \(values[i]), too large") }
            return Int(values[i])
        }
        let state = TreasuryState(
            chain: chain, treasury: treasury.address, token: token.address, block: end, balance: values[0], cutRate: values[1], nextCutRate: values[2],
            ceiling: values[3], roundLength: try small(4), lengthUpdateRound: try small(5), lengthUpdateStartBlock: try small(6))
        return TreasurySyncRead(transfers: movements, rewards: paid, executions: executed, state: state, source: source)
    }

    /// Each block's timestamp, in JSON-RPC batches.
    func timestamps(_ blocks: Set<Int>) throws -> [Int: Int] {
        let sorted = blocks.sorted()
        guard !sorted.isEmpty else { return [:] }
        let answers = try node.client.batch(
            sorted.map { .init("eth_getBlockByNumber", [.string("0x" + String($0, radix: 16)), .bool(false)]) }, context: "the transfers' blocks")
        var out: [Int: Int] = [:]
        for (number, answer) in zip(sorted, answers) {
            guard case .success(let value) = answer, let block = value as? [String: Any], let time = block["timestamp"],
                try node.quantity(block["number"] as Any, "eth_getBlockByNumber") == number
            else { throw node.malformed("eth_getBlockByNumber", "block \(number) has no timestamp") }
            out[number] = try node.quantity(time, "eth_getBlockByNumber")
        }
        return out
    }
}
