import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

extension TallyResult {
    /// The result as the contract's JSON object (amounts as decimal strings of wei).
    public var json: JSONValue {
        .object(jsonPairs)
    }

    /// The JSON members in contract order, for formats that add to them.
    public var jsonPairs: [(String, JSONValue)] {
        [
            ("poll", .string(poll.address?.checksummed)), ("lip", .int(poll.lip)), ("endBlock", .int(poll.endBlock)),
            ("quorum", .string(Amount.decimal(poll.quorum))), ("quota", .string(Amount.decimal(poll.quota))),
            ("stakeMode", .string(stakeMode.rawValue)), ("quorumBase", .string(quorumBase.rawValue)), ("provisional", .bool(provisional)),
            ("snapshots", .array(snapshots.map { .object([("chain", .string($0.chain.rawValue)), ("block", .int($0.block)), ("l1Block", .int($0.l1Block))]) })),
            ("yes", .string(Amount.decimal(yes))), ("no", .string(Amount.decimal(no))), ("totalVoteStake", .string(Amount.decimal(totalVoteStake))),
            ("totalStake", .string(Amount.decimal(totalStake))), ("quorumMet", .bool(quorumMet)), ("result", .string(result.rawValue)),
            (
                "voters",
                .elements(
                    count: voters.count,
                    element: { [voters] i in
                        let v = voters[i]
                        return .object([
                            ("address", .string(v.address.checksummed)), ("choice", .string(v.choice.rawValue)), ("weight", .string(Amount.decimal(v.weight))),
                            (
                                "positions",
                                .array(
                                    v.positions.map { p in
                                        .object([
                                            ("domain", .string(p.position.domain.rawValue)), ("registered", .bool(p.position.registered)),
                                            ("stake", .string(Amount.decimal(p.position.stake))), ("delegatedStake", .string(Amount.decimal(p.position.delegatedStake))),
                                            ("nonVoteStake", .string(Amount.decimal(p.nonVoteStake))),
                                        ])
                                    })
                            ),
                        ])
                    },
                    // A hundred thousand voters: written straight as bytes, as the value above is written.
                    text: { [voters] i, out in
                        let v = voters[i]
                        out.beginObject()
                        out.key("address")
                        out.plainString { v.address.appendChecksummed(to: &$0) }
                        out.key("choice")
                        out.plainString { $0 += v.choice.rawValue.utf8 }
                        out.key("weight")
                        out.plainString { Amount.appendDecimal(v.weight, to: &$0) }
                        out.key("positions")
                        out.beginArray()
                        for p in v.positions {
                            out.element()
                            out.beginObject()
                            out.key("domain")
                            out.plainString { $0 += p.position.domain.rawValue.utf8 }
                            out.key("registered")
                            out.bool(p.position.registered)
                            out.key("stake")
                            out.plainString { Amount.appendDecimal(p.position.stake, to: &$0) }
                            out.key("delegatedStake")
                            out.plainString { Amount.appendDecimal(p.position.delegatedStake, to: &$0) }
                            out.key("nonVoteStake")
                            out.plainString { Amount.appendDecimal(p.nonVoteStake, to: &$0) }
                            out.endObject()
                        }
                        out.endArray()
                        out.endObject()
                    })
            ),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("inputsDigest", .string(inputsDigest)),
        ]
    }

    /// The rule of LIP-16 that decided the result, in words.
    public var decidingRule: String {
        switch result {
        case .quorumNotMet:
            return
                "quorum not met: \(lpt(totalVoteStake)) LPT voted, fewer than the \(ppm(poll.quorum)) of \(lpt(totalStake)) LPT staked that quorum needs (\(lpt(quorumThreshold)) LPT)"
        case .yes:
            return "quorum met, and yes (\(lpt(yes)) LPT) is more than \(ppm(poll.quota)) of the vote (\(lpt(quotaThreshold)) LPT)"
        case .no:
            return "quorum met, but yes (\(lpt(yes)) LPT) is not more than \(ppm(poll.quota)) of the vote (\(lpt(quotaThreshold)) LPT)"
        }
    }

    package func lpt(_ wei: BigUInt) -> String { Amount.formatLPT(wei, decimals: 2, grouping: true) }

    /// A sentence for a table of every voter's weight in LPT when its rows, each rounded down to
    /// 0.01 LPT, do not add to the total they make (nil when they do).
    package func roundingNote() -> String? {
        let cent = BigUInt(10).power(16)
        // The rows added in 128 bits while the weights fit (every real one), each voter read in
        // place: ten thousand BigUInt divisions and copies a poll otherwise.
        let cent128 = UInt128(10_000_000_000_000_000)
        var rows = BigUInt(0), sum: UInt128 = 0
        func add(_ value: UInt128) {
            let (added, over) = sum.addingReportingOverflow(value)
            if over { rows += BigUInt(sum) }
            sum = over ? value : added
        }
        voters.withUnsafeBufferPointer { voters in
            for i in voters.indices {
                guard let weight = Amount.uint128(voters[i].weight) else {
                    rows += voters[i].weight / cent * cent
                    continue
                }
                add(weight - weight % cent128)
            }
        }
        rows += BigUInt(sum)
        guard rows / cent != totalVoteStake / cent else { return nil }
        return "Each row is rounded down to 0.01 LPT: the rows add to \(lpt(rows)) LPT, the votes to \(lpt(totalVoteStake)) LPT."
    }
    package func ppm(_ value: BigUInt) -> String { Amount.percent(value, of: 1_000_000) + "%" }
}
