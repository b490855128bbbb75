import BigInt
import Foundation
import LIPEthereum
import LIPLedger

/// A governor proposal written as the files `lip` imports: the governor's logs (ProposalCreated,
/// then each VoteCast in order) and the governor-state JSON.
public struct GovernorScenario {
    /// One vote.
    public struct Vote {
        public var voter: Address
        public var support: Int
        public var weight: BigUInt
        public var reason: String
        public init(_ voter: Address, _ support: Int, _ weight: BigUInt, reason: String = "") {
            self.voter = voter
            self.support = support
            self.weight = weight
            self.reason = reason
        }
    }

    public var governor = Address(lowercase: "0x" + String(repeating: "9a", count: 20))!
    public var proposalID: BigUInt = BigUInt("1094000000000000000000000000000000000000000000000000000000000000000000000217", radix: 10)!
    public var description = "# Fund the test SPE\n\nA proposal for tests.\n"
    public var voteStart = 3400
    public var voteEnd = 3410
    public var votes: [Vote] = []
    public var delegations: [Address: Address] = [:]
    public var totalSupply: BigUInt = 0
    public var quorumNumerator: BigUInt = 333_300
    public var quota: BigUInt = 500_000
    public var onchain: (against: BigUInt, for: BigUInt, abstain: BigUInt)?
    public var state = 4
    /// Whether the logs end with ProposalCanceled.
    public var canceled = false

    public init() {}

    /// The address `0x…n` (n in the last bytes).
    public static func address(_ n: Int) -> Address { Address(lowercase: String(format: "0x%040x", n))! }

    /// The block of ProposalCreated (a second scenario in one ledger needs another).
    public var createdBlock = 100

    /// The logs JSON: ProposalCreated in `createdBlock`, then the votes in the blocks after it (one per block).
    public func logsJSON() -> String {
        var logs: [String] = []
        func log(_ event: LedgerEvent, topics: [String], data: [UInt8], block: Int) -> String {
            let t = ([event.topic0] + topics).map { "\"\($0)\"" }.joined(separator: ",")
            let tx = String(format: "0x%064x", block)
            return
                "{\"address\":\"\(governor.lowercased)\",\"topics\":[\(t)],\"data\":\"\(Hex.prefixed(data))\",\"blockNumber\":\"0x\(String(block, radix: 16))\",\"logIndex\":\"0x0\",\"transactionHash\":\"\(tx)\"}"
        }
        let created = ABIEncoder.encode([
            .uint(proposalID), .address(GovernorScenario.address(0xbeef)), .addresses([GovernorScenario.address(0xf00d)]), .uints([0]), .strings([""]),
            .bytesList([[0xa9, 0x05, 0x9c, 0xbb]]), .uint(BigUInt(voteStart)), .uint(BigUInt(voteEnd)), .string(description),
        ])
        logs.append(log(.proposalCreated, topics: [], data: created, block: createdBlock))
        for (i, v) in votes.enumerated() {
            let data = ABIEncoder.encode([.uint(proposalID), .uint(BigUInt(v.support)), .uint(v.weight), .string(v.reason)])
            logs.append(log(.voteCast, topics: [Hex.prefixed(ABI.encode(address: v.voter))], data: data, block: createdBlock + 1 + i))
        }
        if canceled { logs.append(log(.proposalCanceled, topics: [], data: ABIEncoder.encode([.uint(proposalID)]), block: createdBlock + 1 + votes.count)) }
        return "[\n" + logs.joined(separator: ",\n") + "\n]\n"
    }

    /// The governor-state JSON.
    public func stateJSON() -> String {
        let d = delegations.keys.sorted().map { "\"\($0.checksummed)\": \"\(delegations[$0]!.checksummed)\"" }.joined(separator: ", ")
        let o = onchain.map { "{\"against\": \"\($0.against)\", \"for\": \"\($0.for)\", \"abstain\": \"\($0.abstain)\"}" } ?? "null"
        return """
            {"governor": "\(governor.checksummed)", "proposals": [{"id": "\(proposalID)", "totalSupply": "\(totalSupply)", "quorumNumerator": "\(quorumNumerator)", "quota": "\(quota)", "onchain": \(o), "state": \(state), "delegations": {\(d)}}]}

            """
    }
}
