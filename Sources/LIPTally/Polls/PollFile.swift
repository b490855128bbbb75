import Foundation
import LIPCore
import LIPDocuments
import LIPLedger
import Yams

/// `Polls/LIP-<n>/poll.yaml`: what links a LIP to its poll.
public struct PollFile: Equatable, Sendable {
    /// The LIP number.
    public var lip: Int
    /// The IPFS CIDv0 of proposal.json, which is the poll's `proposal`.
    public var cid: String
    /// The chain the poll is (to be) created on.
    public var chain: Chain
    /// The poll contract, once created.
    public var address: Address?
    /// For a poll that was never on chain: its end block, quorum and quota.
    public var endBlock: Int?
    /// Quorum in parts per million, for a poll never on chain.
    public var quorum: String?
    /// Quota in parts per million, for a poll never on chain.
    public var quota: String?

    /// Creates a poll file.
    public init(lip: Int, cid: String, chain: Chain, address: Address? = nil, endBlock: Int? = nil, quorum: String? = nil, quota: String? = nil) {
        self.lip = lip
        self.cid = cid
        self.chain = chain
        self.address = address
        self.endBlock = endBlock
        self.quorum = quorum
        self.quota = quota
    }

    /// Reads and checks a poll.yaml; `path` names it in errors.
    public static func load(_ url: URL, path: String) throws -> PollFile {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw LIPError.unreadable(path: path, reason: error.localizedDescription) }
        let object: Any?
        do { object = try Yams.load(yaml: text) } catch { throw LIPError.invalidInput(file: path, location: "", message: "not valid YAML: \(error)") }
        guard let map = object as? [String: Any] else { throw LIPError.invalidInput(file: path, location: "", message: "expected `key: value` lines") }
        func int(_ k: String) -> Int? { (map[k] as? Int) ?? (map[k] as? String).flatMap { Int($0) } }
        func string(_ k: String) -> String? { map[k].map { "\($0)" } }
        guard let lip = int("lip") else { throw LIPError.invalidInput(file: path, location: "", message: "`lip` is missing or not a number") }
        guard let cid = string("cid"), !cid.isEmpty else { throw LIPError.invalidInput(file: path, location: "", message: "`cid` is missing") }
        let chainText = string("chain") ?? "l2"
        guard let chain = Chain(rawValue: chainText) else { throw LIPError.invalidInput(file: path, location: "", message: "`chain` `\(chainText)` is not l1 or l2") }
        var address: Address?
        if let a = string("address"), !a.isEmpty {
            guard let parsed = Address(a) else { throw LIPError.invalidInput(file: path, location: "", message: "`address` `\(a)` is not an address") }
            address = parsed
        }
        return PollFile(lip: lip, cid: cid, chain: chain, address: address, endBlock: int("endBlock"), quorum: string("quorum"), quota: string("quota"))
    }

    /// The YAML text, fields in a fixed order.
    public var yaml: String {
        var out = "# The poll of LIP-\(lip). Written by `lip poll open`; add `address` once the poll is created.\n"
        out += "lip: \(lip)\ncid: \(cid)\nchain: \(chain.rawValue)\n"
        if let address { out += "address: \"\(address.checksummed)\"\n" }
        if let endBlock { out += "endBlock: \(endBlock)\n" }
        if let quorum { out += "quorum: \(quorum)\n" }
        if let quota { out += "quota: \(quota)\n" }
        return out
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
