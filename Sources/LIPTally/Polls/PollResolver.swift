import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// A poll found from what the user typed, with its poll.yaml when the workspace has one.
public struct ResolvedPoll: Sendable {
    /// What the tally needs of the poll.
    public var parameters: PollParameters
    /// Its `Polls/LIP-<n>/poll.yaml`, the poll's rules.
    public var file: PollFile?
}

/// Finds a poll from what the user typed: a poll address, or a LIP number whose poll.yaml names it.
public enum PollResolver {
    /// The poll; throws a usage error that says what to import or open, and refuses a LIP whose
    /// CID more than one PollCreated carries (its poll.yaml must say which `address:`).
    public static func resolve(_ reference: String, ledger: Ledger, workspace: Workspace?) throws -> ResolvedPoll {
        try resolve(reference, polls: try ledger.polls(countingVotes: false), files: try workspace.map { try PollFile.all(in: $0) } ?? [])
    }

    /// `resolve` among `polls` (the ledger's) and `files` (the workspace's poll.yaml files), read
    /// once by a caller that resolves many polls.
    package static func resolve(_ reference: String, polls: [PollInfo], files: [PollFile]) throws -> ResolvedPoll {
        func offChain(_ f: PollFile, address: Address?) -> ResolvedPoll? {
            guard let end = f.endBlock, let quorum = f.quorum.flatMap({ BigUInt($0, radix: 10) }), let quota = f.quota.flatMap({ BigUInt($0, radix: 10) }) else { return nil }
            return ResolvedPoll(parameters: PollParameters(address: address ?? f.address, lip: f.lip, chain: f.chain, endBlock: end, quorum: quorum, quota: quota), file: f)
        }
        func resolved(_ p: PollInfo, file: PollFile?) -> ResolvedPoll {
            ResolvedPoll(
                parameters: PollParameters(address: p.address, lip: p.lip ?? file?.lip, chain: p.chain, endBlock: p.endBlock, quorum: p.quorum, quota: p.quota), file: file)
        }
        /// The one poll carrying `cid`; several are refused.
        func byCID(_ cid: String, file: PollFile?) throws -> PollInfo? {
            let carrying = polls.filter { $0.proposal == cid }
            guard carrying.count <= 1 else {
                throw LIPError.refused(
                    "\(carrying.count) polls carry proposal \(cid): " + carrying.map(\.address.checksummed).joined(separator: ", ")
                        + "; set `address:` in \(file?.path ?? "Polls/LIP-<n>/poll.yaml") to the one that decides the LIP")
            }
            return carrying.first
        }
        let n: Int
        switch try PollReference(reference) {
        case .lip(let number): n = number
        case .address(let address):
            let file = files.first { $0.address == address }
            if let p = polls.first(where: { $0.address == address }) {
                if let file { return resolved(p, file: file) }
                let byProposal = files.filter { $0.address == nil && $0.cid == p.proposal }
                let carrying = polls.filter { $0.proposal == p.proposal }
                return resolved(p, file: byProposal.count == 1 && carrying.count == 1 ? byProposal.first : nil)
            }
            if let file, let offChain = offChain(file, address: address) { return offChain }
            throw LIPError.usage("no poll \(address.checksummed) in the ledger: import its PollCreated log with `lip ledger import logs FILE --chain l2`")
        }
        if let f = files.first(where: { $0.lip == n }) {
            if let a = f.address {
                if let p = polls.first(where: { $0.address == a }) { return resolved(p, file: f) }
                if let offChain = offChain(f, address: a) { return offChain }
                throw LIPError.usage(
                    "the poll of LIP-\(n) (proposal \(f.cid)) is not in the ledger: import its PollCreated log with `lip ledger import logs FILE --chain \(f.chain.rawValue)`")
            }
            if let p = try byCID(f.cid, file: f) { return resolved(p, file: f) }
            if let offChain = offChain(f, address: nil) { return offChain }
            throw LIPError.usage(
                "the poll of LIP-\(n) (proposal \(f.cid)) is not in the ledger: import its PollCreated log with `lip ledger import logs FILE --chain \(f.chain.rawValue)`")
        }
        let linked = polls.filter { $0.lip == n }
        if linked.count > 1 {
            throw LIPError.refused(
                "\(linked.count) polls are linked to LIP-\(n): " + linked.map(\.address.checksummed).joined(separator: ", ")
                    + "; write Polls/LIP-\(n)/poll.yaml with the `address:` of the one that decides it")
        }
        if let p = linked.first { return resolved(p, file: nil) }
        throw LIPError.usage("LIP-\(n) has no poll: no Polls/LIP-\(n)/poll.yaml and no poll in the ledger links to it (run `lip poll open \(n)`)")
    }
}
