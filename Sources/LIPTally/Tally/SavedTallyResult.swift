import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

extension TallyResult {
    /// Reads a saved result (`result.json`, the tally JSON) back; `path` names it in errors and
    /// `chain` is the poll's chain (poll.yaml's: the JSON does not carry it). Rendered again, it
    /// gives the same JSON, so every export of a saved result agrees with the file.
    public init(saved data: Data, path: String, chain: Chain) throws {
        func fail(_ message: String) -> LIPError { LIPError.invalidInput(file: path, location: "", message: message) }
        let stored = try PollResultFile.Contents.decode(data, path: path)
        func wei(_ text: String, _ key: String) throws -> BigUInt {
            do { return try Amount.parseWei(text) } catch { throw fail("\"\(key)\" `\(text)` is not an amount of wei: \(error)") }
        }
        func address(_ text: String, _ key: String) throws -> Address {
            guard let a = Address(text) else { throw fail("\"\(key)\" `\(text)` is not an address") }
            return a
        }
        func parse<E: RawRepresentable>(_ text: String, _ key: String, _ type: E.Type) throws -> E where E.RawValue == String {
            guard let e = E(rawValue: text) else { throw fail("\"\(key)\" `\(text)` is not a known value") }
            return e
        }
        poll = PollParameters(
            address: try stored.poll.map { try address($0, "poll") }, lip: stored.lip, chain: chain, endBlock: stored.endBlock,
            quorum: try wei(stored.quorum, "quorum"), quota: try wei(stored.quota, "quota"))
        stakeMode = try parse(stored.stakeMode, "stakeMode", StakeMode.self)
        quorumBase = try parse(stored.quorumBase, "quorumBase", QuorumBase.self)
        provisional = stored.provisional
        snapshots = try stored.snapshots.map { SnapshotReference(chain: try parse($0.chain, "snapshots.chain", Chain.self), block: $0.block, l1Block: $0.l1Block) }
        yes = try wei(stored.yes, "yes")
        no = try wei(stored.no, "no")
        totalVoteStake = try wei(stored.totalVoteStake, "totalVoteStake")
        totalStake = try wei(stored.totalStake, "totalStake")
        quorumMet = stored.quorumMet
        result = try parse(stored.result, "result", PollOutcome.self)
        voters = try stored.voters.map { v in
            let voter = try address(v.address, "voters.address")
            let positions = try v.positions.map { p in
                let position = Position(
                    account: voter, delegate: nil, stake: try wei(p.stake, "stake"), delegatedStake: try wei(p.delegatedStake, "delegatedStake"),
                    registered: p.registered, active: false, domain: try parse(p.domain, "domain", Chain.self))
                return (position: position, nonVoteStake: try wei(p.nonVoteStake, "nonVoteStake"))
            }
            return VoterResult(address: voter, choice: try parse(v.choice, "choice", VoteChoice.self), weight: try wei(v.weight, "weight"), positions: positions)
        }
        warnings = stored.warnings
        inputsDigest = stored.inputsDigest
    }
}
