import BigInt
import Foundation
import LIPEthereum

/// One import that changed the ledger (a row of `imports`): what a report lists to reproduce it.
public struct ImportRecord: Equatable, Sendable {
    /// What was imported.
    public var kind: ImportKind
    /// The file, as given on the command line.
    public var file: String
    /// SHA-256 of the file's bytes, hex.
    public var sha256: String
    /// `--chain` (snapshot, logs).
    public var chain: Chain?
    /// `--block` (snapshot).
    public var block: Int?
    /// `--l1-block` (l2 snapshot).
    public var l1Block: Int?
    /// `--total-bonded`.
    public var totalBonded: BigUInt?
    /// `--total-active`.
    public var totalActive: BigUInt?
    /// `--format`, when it was given.
    public var format: SnapshotFormat?
    /// `--poll` (votes).
    public var poll: Address?
    /// sync: `--network`.
    public var network: String?
    /// sync: `--full`.
    public var full: Bool

    /// Creates a record.
    public init(
        kind: ImportKind, file: String, sha256: String, chain: Chain? = nil, block: Int? = nil, l1Block: Int? = nil,
        totalBonded: BigUInt? = nil, totalActive: BigUInt? = nil, format: SnapshotFormat? = nil, poll: Address? = nil,
        network: String? = nil, full: Bool = false
    ) {
        self.kind = kind
        self.file = file
        self.sha256 = sha256
        self.chain = chain
        self.block = block
        self.l1Block = l1Block
        self.totalBonded = totalBonded
        self.totalActive = totalActive
        self.format = format
        self.poll = poll
        self.network = network
        self.full = full
    }

    /// The options after the file, in the order `lip ledger import` documents them.
    public var options: [String] {
        var out: [String] = []
        if let network { out += ["--network", network] }
        if let chain { out += ["--chain", chain.rawValue] }
        if let block { out += ["--block", String(block)] }
        if let l1Block { out += ["--l1-block", String(l1Block)] }
        if let totalBonded { out += ["--total-bonded", String(totalBonded)] }
        if let totalActive { out += ["--total-active", String(totalActive)] }
        if let format { out += ["--format", format.rawValue] }
        if let poll { out += ["--poll", poll.checksummed] }
        if full { out.append("--full") }
        return out
    }
}
