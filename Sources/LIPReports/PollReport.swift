import BigInt
import Foundation
import LIPGovernor
import LIPTally
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// Everything an export shows about a tallied poll: one model for every format.
public struct PollReport: Sendable {
    /// The tally.
    public var result: TallyResult
    /// The LIP's title, status and file, when the workspace has it.
    public var lipTitle: String?
    /// The LIP's status as its file says.
    public var lipStatus: String?
    /// The LIP file, relative to the workspace.
    public var lipFile: String?
    /// Names by address (from `--names`).
    public var names: [Address: String]
    /// The commands that rebuild the ledger and the tally, with each file's SHA-256.
    public var commands: [ReproduceCommand]
    /// Where LIP files are linked to (the file path is appended).
    public var linkBase: String
    /// Where addresses are linked: the network the poll was read from.
    public var explorers: Explorers = .mainnet
    /// What the command should tell the user once (a saved result taken without a ledger to check it).
    public var notice: String?

    /// Creates a report.
    /// Where LIP files are linked: livepeer/LIPs on GitHub.
    public static let lipsOnGitHub = "https://github.com/livepeer/LIPs/blob/master/"

    public init(
        result: TallyResult, lipTitle: String? = nil, lipStatus: String? = nil, lipFile: String? = nil, names: [Address: String] = [:],
        commands: [ReproduceCommand] = [], linkBase: String = PollReport.lipsOnGitHub
    ) {
        self.result = result
        self.lipTitle = lipTitle
        self.lipStatus = lipStatus
        self.lipFile = lipFile
        self.names = names
        self.commands = commands
        self.linkBase = linkBase
    }

    /// Reads a `address,name` CSV.
    public static func names(_ url: URL, path: String) throws -> [Address: String] {
        var reader = try CSVReader(url: url, path: path)
        let columns = try reader.header(expected: ["address", "name"])
        var names: [Address: String] = [:]
        while let v = try reader.record(columns: columns) {
            let a = v("address")
            guard let address = Address(a) else {
                throw LIPError.invalidInput(file: path, location: "\(reader.line)", message: "address `\(a)` is not an address (\(Address.problem(with: a)))")
            }
            names[address] = v("name")
        }
        return names
    }

    /// Voters, orchestrators first, each group by weight then address.
    public var orderedVoters: [VoterResult] { orderedVoterIndices.map { result.voters[$0] } }

    /// The indices in `result.voters` of `orderedVoters`, in its order.
    package var orderedVoterIndices: [Int] {
        // Each voter read in place (a copy of each, ten thousand a poll, was a reference count
        // taken and dropped for each of its arrays).
        result.voters.withUnsafeBufferPointer { voters in
            var first: [Int] = [], then: [Int] = []
            first.reserveCapacity(voters.count)
            for i in voters.indices {
                if voters[i].isOrchestrator { first.append(i) } else { then.append(i) }
            }
            return first + then
        }
    }

    /// A voter's explorer page (of the chain its stake is on), when the network has one.
    func explorerURL(_ voter: VoterResult) -> String? {
        let onL2 = voter.positions.isEmpty ? result.poll.chain == .l2 : voter.positions.contains { $0.position.domain == .l2 }
        return explorers.url(voter.address, on: onL2 ? .l2 : .l1)
    }

    /// What the report calls the poll: `LIP-120`, or for a poll without a LIP, `Poll 0x1234…abcd`.
    var pollName: String {
        result.poll.lip.map { "LIP-\($0)" } ?? "Poll " + (result.poll.address?.short ?? "(not on chain)")
    }

    func lpt(_ wei: BigUInt) -> String { result.lpt(wei) }
    func ppm(_ value: BigUInt) -> String { result.ppm(value) }
    func share(_ wei: BigUInt) -> String { Amount.percent(wei, of: result.totalVoteStake) + "%" }

    var resultWord: String {
        switch result.result {
        case .yes: return "Passed (yes)"
        case .no: return "Rejected (no)"
        case .quorumNotMet: return "Quorum not met"
        }
    }
}
