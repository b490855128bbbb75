import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// `Polls/LIP-<n>/poll.yaml`: what links a LIP to its poll, and the poll's rules.
public struct PollFile: Equatable, Sendable {
    /// The LIP number.
    public var lip: Int
    /// The IPFS CIDv0 of proposal.json, which is the poll's `proposal`.
    public var cid: String
    /// The chain the poll is (to be) created on.
    public var chain: Chain
    /// Whose stake counts (`stake:`); nil in a file written before the rules were part of it.
    public var stake: StakeMode?
    /// What participation is measured against (`quorum-base:`); nil likewise.
    public var quorumBase: QuorumBase?
    /// The poll contract, once created.
    public var address: Address?
    /// For a poll that was never on chain: its end block, quorum and quota.
    public var endBlock: Int?
    /// Quorum in parts per million, for a poll never on chain.
    public var quorum: String?
    /// Quota in parts per million, for a poll never on chain.
    public var quota: String?
    /// The file, relative to the workspace (for messages).
    public var path: String
    /// The 1-based line of each key in the file (for messages).
    public var lines: [String: Int]

    /// Creates a poll file.
    public init(
        lip: Int, cid: String, chain: Chain, stake: StakeMode? = nil, quorumBase: QuorumBase? = nil, address: Address? = nil, endBlock: Int? = nil,
        quorum: String? = nil, quota: String? = nil
    ) {
        self.lip = lip
        self.cid = cid
        self.chain = chain
        self.stake = stake
        self.quorumBase = quorumBase
        self.address = address
        self.endBlock = endBlock
        self.quorum = quorum
        self.quota = quota
        path = "Polls/LIP-\(lip)/poll.yaml"
        lines = [:]
    }

    /// Reads and checks a poll.yaml; `path` names it in errors.
    public static func load(_ url: URL, path: String) throws -> PollFile {
        let (text, object) = try BoundedYAML.read(contentsOf: url, path: path)
        guard let map = object as? [String: Any] else { throw LIPError.invalidInput(file: path, location: "", message: "expected `key: value` lines") }
        var lines: [String: Int] = [:]
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") { lines[String(line[..<colon])] = lines[String(line[..<colon])] ?? i + 1 }
        }
        func fail(_ key: String, _ message: String) -> LIPError { LIPError.invalidInput(file: path, location: lines[key].map(String.init) ?? "", message: message) }
        func int(_ k: String) -> Int? { (map[k] as? Int) ?? (map[k] as? String).flatMap { Int($0) } }
        func string(_ k: String) -> String? { map[k].map { "\($0)" } }
        guard let lip = int("lip") else { throw fail("lip", "`lip` is missing or not a number") }
        guard let cid = string("cid"), !cid.isEmpty else { throw fail("cid", "`cid` is missing") }
        let chainText = string("chain") ?? "l2"
        guard let chain = Chain(rawValue: chainText) else { throw fail("chain", "`chain` `\(chainText)` is not l1 or l2") }
        var address: Address?
        if let a = string("address"), !a.isEmpty {
            guard let parsed = Address(a) else { throw fail("address", "`address` `\(a)` is not an address (\(Address.problem(with: a)))") }
            address = parsed
        }
        var stake: StakeMode?
        if let s = string("stake") {
            guard let parsed = StakeMode(rawValue: s) else { throw fail("stake", "`stake` `\(s)` is not l1, l2 or l1+l2") }
            stake = parsed
        }
        var quorumBase: QuorumBase?
        if let q = string("quorum-base") {
            guard let parsed = QuorumBase(rawValue: q) else { throw fail("quorum-base", "`quorum-base` `\(q)` is not bonded or active") }
            quorumBase = parsed
        }
        var file = PollFile(
            lip: lip, cid: cid, chain: chain, stake: stake, quorumBase: quorumBase, address: address, endBlock: int("endBlock"), quorum: string("quorum"),
            quota: string("quota"))
        file.path = path
        file.lines = lines
        return file
    }

    /// The YAML text, fields in a fixed order.
    public var yaml: String {
        var out = "# The poll of LIP-\(lip) and its rules. Written by `lip poll open`; add `address` once the poll is created.\n"
        out += "lip: \(lip)\ncid: \(cid)\nchain: \(chain.rawValue)\n"
        if let stake { out += "stake: \(stake.rawValue)" + String(repeating: " ", count: max(1, 14 - stake.rawValue.count)) + "# l1 | l2 | l1+l2\n" }
        if let quorumBase { out += "quorum-base: \(quorumBase.rawValue)" + String(repeating: " ", count: max(1, 8 - quorumBase.rawValue.count)) + "# bonded | active\n" }
        if let address { out += "address: \"\(address.checksummed)\"\n" }
        if let endBlock { out += "endBlock: \(endBlock)\n" }
        if let quorum { out += "quorum: \(quorum)\n" }
        if let quota { out += "quota: \(quota)\n" }
        return out
    }

    /// `path:line` of `key`, or the path when the key is absent.
    public func location(of key: String) -> String { lines[key].map { "\(path):\($0)" } ?? path }

    /// The poll.yaml of LIP `number`, nil when there is none.
    public static func load(lip number: Int, in workspace: Workspace) throws -> PollFile? {
        let url = workspace.pollDirectory(lip: number).appendingPathComponent("poll.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try load(url, path: workspace.relativePath(url))
    }

    /// Every poll.yaml of the workspace.
    public static func all(in workspace: Workspace) throws -> [PollFile] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: workspace.pollsDirectory.path) else { return [] }
        return try names.sorted().compactMap { name in
            let url = workspace.pollsDirectory.appendingPathComponent(name).appendingPathComponent("poll.yaml")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return try load(url, path: workspace.relativePath(url))
        }
    }

    /// CID to LIP number, for linking imported PollCreated logs.
    public static func links(in workspace: Workspace?) throws -> [String: Int] {
        guard let workspace else { return [:] }
        var links: [String: Int] = [:]
        for p in try all(in: workspace) { links[p.cid] = p.lip }
        return links
    }
}
