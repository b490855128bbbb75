import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPLedger

/// Finds a poll from what the user typed: a poll address, or a LIP number whose poll.yaml names it.
public enum PollResolver {
    /// The poll's parameters; throws a usage error that says what to import or open.
    public static func resolve(_ reference: String, ledger: Ledger, workspace: Workspace?) throws -> PollParameters {
        let polls = try ledger.polls()
        let files = try workspace.map { try PollFile.all(in: $0) } ?? []
        func parameters(_ p: PollInfo) -> PollParameters {
            let lip = p.lip ?? files.first(where: { $0.address == p.address || $0.cid == p.proposal })?.lip
            return PollParameters(address: p.address, lip: lip, chain: p.chain, endBlock: p.endBlock, quorum: p.quorum, quota: p.quota)
        }
        func offChain(_ f: PollFile, address: Address?) throws -> PollParameters? {
            guard let end = f.endBlock, let quorum = f.quorum.flatMap({ BigUInt($0, radix: 10) }), let quota = f.quota.flatMap({ BigUInt($0, radix: 10) }) else { return nil }
            return PollParameters(address: address ?? f.address, lip: f.lip, chain: f.chain, endBlock: end, quorum: quorum, quota: quota)
        }
        if let address = Address(reference) {
            if let p = polls.first(where: { $0.address == address }) { return parameters(p) }
            if let f = files.first(where: { $0.address == address }), let params = try offChain(f, address: address) { return params }
            throw LIPError.usage("no poll \(address.checksummed) in the ledger: import its PollCreated log with `lip ledger import logs FILE --chain l2`")
        }
        guard let n = Int(reference.hasPrefix("LIP-") ? String(reference.dropFirst(4)) : reference) else {
            throw LIPError.usage("`\(reference)` is neither a poll address (0x + 40 hex digits) nor a LIP number")
        }
        if let f = files.first(where: { $0.lip == n }) {
            if let a = f.address, let p = polls.first(where: { $0.address == a }) { return parameters(p) }
            if let p = polls.first(where: { $0.proposal == f.cid }) { return parameters(p) }
            if let params = try offChain(f, address: nil) { return params }
            throw LIPError.usage(
                "the poll of LIP-\(n) (proposal \(f.cid)) is not in the ledger: import its PollCreated log with `lip ledger import logs FILE --chain \(f.chain.rawValue)`")
        }
        if let p = polls.first(where: { $0.lip == n }) { return parameters(p) }
        throw LIPError.usage("LIP-\(n) has no poll: no Polls/LIP-\(n)/poll.yaml and no poll in the ledger links to it (run `lip poll open \(n)`)")
    }
}
