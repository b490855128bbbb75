import BigInt
import Crypto
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// The inputs digest: SHA-256 over lines of `|`-separated fields, in this order:
///
///     lip-tally-inputs v2
///     poll|<address or ->|<chain>|<endBlock>|<quorum>|<quota>
///     mode|<l1, l2 or l1+l2>|<bonded or active>
///     snapshot|<chain>|<block>|<l1Block or ->|<accounts>|<rows sha256>   for each snapshot used (for l1+l2 the L2 one first)
///     vote|<voter>|<choiceID>|<block>|<logIndex>               every vote of the poll, by voter, block, log index
///     migration|<kind>|<l1>|<l2 or ->|<l2Block>|<pool or ->    every migration counted, by kind and L1 account
///     total|<on-chain total given at import, or ->
///
/// Addresses are lowercase, amounts decimal wei, each line ends with `\n`. The rows digest is the
/// SHA-256 of the snapshot's rows stored at import (`row|<account>|<delegate or ->|<stake>|
/// <delegated_stake>|<registered 0/1>|<active 0/1>` by account; `lip ledger verify` recomputes it).
/// v1 hashed every row here; v2 names each snapshot by its stored rows digest instead.
package struct TallyDigest {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []

    /// Starts a digest with the poll and the mode.
    package init(poll: PollParameters, stakeMode: StakeMode, quorumBase: QuorumBase) {
        add("lip-tally-inputs v2")
        add("poll|\(poll.address?.lowercased ?? "-")|\(poll.chain.rawValue)|\(poll.endBlock)|\(poll.quorum)|\(poll.quota)")
        add("mode|\(stakeMode.rawValue)|\(quorumBase.rawValue)")
    }

    /// Adds one line.
    package mutating func add(_ line: String) {
        buffer += line.utf8
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { hashBuffer() }
    }

    /// Adds `vote|<voter>|<choiceID>|<block>|<logIndex>`, written as bytes (a poll has a hundred
    /// thousand votes).
    private mutating func add(_ vote: CastVote) {
        buffer += "vote|".utf8
        vote.voter.appendLowercased(to: &buffer)
        buffer.append(0x7C)
        buffer += vote.choice.utf8
        buffer.append(0x7C)
        buffer += String(vote.block).utf8
        buffer.append(0x7C)
        buffer += String(vote.logIndex).utf8
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { hashBuffer() }
    }

    private mutating func hashBuffer() {
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Adds the votes, migrations and total, and returns the hex digest.
    package mutating func finish(votes: [CastVote], migrations: [StakeMigration], totalOverride: BigUInt?) -> String {
        let ordered = votes.sorted { a, b in
            a.voter != b.voter ? a.voter < b.voter : a.block != b.block ? a.block < b.block : a.logIndex < b.logIndex
        }
        for v in ordered { add(v) }
        for m in migrations.sorted(by: { ($0.kind.rawValue, $0.l1Account.lowercased) < ($1.kind.rawValue, $1.l1Account.lowercased) }) {
            add("migration|\(m.kind.rawValue)|\(m.l1Account.lowercased)|\(m.l2Account?.lowercased ?? "-")|\(m.l2Block)|\(m.pool?.lowercased ?? "-")")
        }
        add("total|\(totalOverride.map(String.init) ?? "-")")
        hashBuffer()
        return Hex.encode(Array(hasher.finalize()))
    }
}
