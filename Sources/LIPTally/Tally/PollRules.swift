import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// The rules a poll is tallied by: its poll.yaml's, else the flags given (a poll without a
/// poll.yaml, named by address), else the defaults (the poll's chain, all bonded stake).
public struct PollRules: Equatable, Sendable {
    /// Whose stake counts.
    public var stake: StakeMode
    /// What participation is measured against; nil when nothing states it (the tally then
    /// takes `bonded`, or `active` for a partial snapshot).
    public var quorumBase: QuorumBase?

    /// The rules of a poll on `chain` with `file`; a flag that contradicts the file is refused
    /// with the line to edit.
    public static func resolve(file: PollFile?, stake: StakeMode?, quorumBase: QuorumBase?, chain: Chain) throws -> PollRules {
        if let file, let stated = file.stake, let stake, stake != stated {
            throw LIPError.refused(
                "--stake \(stake.rawValue) contradicts \(file.location(of: "stake")) (`stake: \(stated.rawValue)`): a poll has one set of rules. Drop --stake, or edit that line (then tally again with --save)"
            )
        }
        if let file, let stated = file.quorumBase, let quorumBase, quorumBase != stated {
            throw LIPError.refused(
                "--quorum-base \(quorumBase.rawValue) contradicts \(file.location(of: "quorum-base")) (`quorum-base: \(stated.rawValue)`): a poll has one set of rules. Drop --quorum-base, or edit that line (then tally again with --save)"
            )
        }
        return PollRules(
            stake: file?.stake ?? stake ?? (chain == .l1 ? .l1 : .l2),
            quorumBase: file?.quorumBase ?? quorumBase)
    }
}
