import BigInt
import Crypto
import Foundation
import LIPCore
import LIPEthereum
import LIPGovernor
import LIPLedger

/// Where the treasury's LPT came from and where it went (treasury.md), from the ledger alone:
/// every movement with its kind and the balance after it, totals per kind and per period, the
/// ceiling, and the check that the movements add up to the chain's own `balanceOf`.
public struct TreasuryReport: Sendable {
    /// What a movement is.
    public enum Kind: String, Sendable, CaseIterable {
        /// A cut of a round's reward: a Transfer in, in a transaction with a TreasuryReward of the same amount.
        case reward
        /// A Transfer out of or into the treasury in the transaction of a ProposalExecuted.
        case proposal
        /// Any other Transfer in or out, named as such.
        case otherIn = "other-in"
        case otherOut = "other-out"
    }

    /// One Transfer into or out of the treasury.
    public struct Movement: Sendable, Equatable {
        public var block: Int
        public var transaction: String
        public var logIndex: Int
        public var timestamp: Int
        public var kind: Kind
        /// Into the treasury (else out of it).
        public var incoming: Bool
        /// The Transfer's other side; for a reward, the orchestrator who called reward().
        public var counterparty: Address
        /// For a proposal: its id and title (nil when the ledger lacks its ProposalCreated).
        public var proposal: BigUInt?
        public var proposalTitle: String?
        public var amount: BigUInt
        public var balanceAfter: BigUInt
    }

    /// How periods are cut.
    public enum Grouping: String, Sendable, CaseIterable {
        case round, day
    }

    /// A period's end: its round or UTC day, and the balance after its last movement.
    public struct Period: Sendable, Equatable {
        public var round: Int?
        public var day: CalendarDate?
        public var balance: BigUInt
        /// What moved in it, in and out.
        public var incoming: BigUInt
        public var outgoing: BigUInt
    }

    /// Totals per kind over the movements shown.
    public struct Totals: Sendable, Equatable {
        public var reward: BigUInt = 0
        public var proposalOut: BigUInt = 0
        public var proposalIn: BigUInt = 0
        public var otherIn: BigUInt = 0
        public var otherOut: BigUInt = 0
    }

    /// The ceiling as the BondingManager holds it at the last block read.
    public struct Ceiling: Sendable, Equatable {
        /// `treasuryRewardCutRate()` and `nextRoundTreasuryRewardCutRate()`, of 10^27.
        public var cutRate: BigUInt
        public var nextCutRate: BigUInt
        /// `treasuryBalanceCeiling()`, wei (0: none).
        public var ceiling: BigUInt
        /// No reward() pays the treasury this round: the current rate is 0.
        public var halted: Bool
        /// The next reward() sets the next round's rate to 0: a ceiling is set, the balance is at
        /// or above it, and the next round's rate is above 0.
        public var stopsNextRound: Bool
    }

    /// A bound of the report: a block, or a UTC day (inclusive).
    public enum Bound: Sendable, Equatable {
        case block(Int)
        case day(CalendarDate)
    }

    public var network: String
    public var treasury: Address
    public var token: Address
    /// The first block of the report (the treasury's first movement's, or the bound's), and the last.
    public var fromBlock: Int
    public var toBlock: Int
    /// The balance at `toBlock`.
    public var balance: BigUInt
    /// The movements from `fromBlock` to `toBlock`, oldest first.
    public var movements: [Movement]
    public var totals: Totals
    public var grouping: Grouping
    public var periods: [Period]
    public var ceiling: Ceiling
    /// The views' block and balance the movements were checked against.
    public var checkedBlock: Int
    public var checkedBalance: BigUInt
    /// What a reader should know: a proposal whose calldata does not agree with its transfer.
    public var warnings: [String]
    /// SHA-256 of the evidence: every movement up to the views' block (block, transaction, log
    /// index, from, to, amount) and the balanceOf they add up to; the same ledger gives the same digest.
    public var evidenceDigest: String

    /// The report of `network`'s treasury on L2 from `ledger`, between `from` and `to` (inclusive;
    /// nil: the first movement, the last block read), periods cut by `grouping`.
    public static func build(ledger: Ledger, network: String, treasury: Address?, from: Bound?, to: Bound?, by grouping: Grouping) throws -> TreasuryReport {
        let states = try ledger.treasuryStates().filter { treasury == nil || $0.treasury == treasury }
        guard let state = states.first else {
            throw LIPError.usage("the ledger holds no treasury: `lip ledger sync treasury` first (the network names its treasury and livepeer-token)")
        }
        guard states.count == 1 else {
            throw LIPError.usage("the ledger holds several treasuries (\(states.map(\.treasury.checksummed).joined(separator: ", "))): name one with --treasury")
        }
        let transfers = try ledger.treasuryTransfers(chain: state.chain, treasury: state.treasury, token: state.token)
        let rewards = try ledger.treasuryRewards(chain: state.chain, treasury: state.treasury)
        let executions = try ledger.proposalExecutions(chain: state.chain)
        let proposals = Dictionary(try ledger.proposals().map { ("\($0.governor.lowercased):\($0.id)", $0) }, uniquingKeysWith: { a, _ in a })
        var warnings: [String] = []
        var all: [Movement] = []
        var balance = BigUInt(0)
        var rewardsByTx = Dictionary(grouping: rewards, by: \.transactionHash)
        let executionsByTx = Dictionary(grouping: executions, by: \.transactionHash)
        for t in transfers where t.block <= state.block {
            let incoming = t.to == state.treasury
            if t.from == t.to { continue }  // to itself: no movement
            var m = Movement(
                block: t.block, transaction: t.transactionHash, logIndex: t.logIndex, timestamp: t.timestamp, kind: incoming ? .otherIn : .otherOut, incoming: incoming,
                counterparty: incoming ? t.from : t.to, proposal: nil, proposalTitle: nil, amount: t.amount, balanceAfter: 0)
            if incoming, let i = rewardsByTx[t.transactionHash]?.firstIndex(where: { $0.amount == t.amount }) {
                m.kind = .reward
                m.counterparty = rewardsByTx[t.transactionHash]![i].transcoder
                rewardsByTx[t.transactionHash]!.remove(at: i)
            } else if let execution = executionsByTx[t.transactionHash]?.first {
                m.kind = .proposal
                m.proposal = execution.proposal
                let proposal = proposals["\(execution.governor.lowercased):\(execution.proposal)"]
                m.proposalTitle = proposal.map { ProposalDescription($0.description).title }
                if let proposal, !ProposalCalls.transfers(proposal, token: state.token).contains(where: { $0.agrees(with: t, treasury: state.treasury) }) {
                    warnings.append(
                        "proposal \(execution.proposal): its calldata moves no \(Amount.formatLPT(t.amount, decimals: 18)) LPT \(incoming ? "from \(t.from.checksummed) into" : "to \(t.to.checksummed) out of") the treasury, yet its execution did (transaction \(t.transactionHash))"
                    )
                } else if proposal == nil {
                    warnings.append("proposal \(execution.proposal): the ledger has no ProposalCreated of it, so its calldata is not checked: `lip ledger sync proposals`")
                }
            }
            if incoming {
                balance += t.amount
            } else {
                guard balance >= t.amount else {
                    throw LIPError.invalidInput(
                        file: ledger.path, location: "treasury",
                        message:
                            "the transfer of \(t.amount) wei out of the treasury at block \(t.block) (transaction \(t.transactionHash)) is more than the \(balance) wei the movements before it give: the ledger lacks movements (sync the treasury from its creation block)"
                    )
                }
                balance -= t.amount
            }
            m.balanceAfter = balance
            all.append(m)
        }
        guard balance == state.balance else {
            throw LIPError.invalidInput(
                file: ledger.path, location: "treasury",
                message:
                    "the movements add up to \(balance) wei at block \(state.block), but balanceOf(\(state.treasury.checksummed)) there is \(state.balance) wei: the ledger's movements are not the whole evidence (sync the treasury from its creation block), so no report is made"
            )
        }
        // The bounds.
        func atOrAfter(_ m: Movement, _ bound: Bound) -> Bool {
            switch bound {
            case .block(let b): return m.block >= b
            case .day(let d): return Int64(m.timestamp) >= d.unixStart
            }
        }
        func atOrBefore(_ m: Movement, _ bound: Bound) -> Bool {
            switch bound {
            case .block(let b): return m.block <= b
            case .day(let d): return Int64(m.timestamp) < d.unixStart + 86_400
            }
        }
        if case .block(let b) = to, b > state.block {
            throw LIPError.usage("--to-block \(b) is after block \(state.block), the last the ledger holds of the treasury: `lip ledger sync treasury` first")
        }
        let shown = all.filter { m in (from.map { atOrAfter(m, $0) } ?? true) && (to.map { atOrBefore(m, $0) } ?? true) }
        let toBlock: Int
        switch to {
        case .block(let b)?: toBlock = b
        case .day?: toBlock = shown.last?.block ?? all.last { m in to.map { atOrBefore(m, $0) } ?? true }?.block ?? state.block
        case nil: toBlock = state.block
        }
        let fromBlock: Int
        switch from {
        case .block(let b)?: fromBlock = b
        default: fromBlock = shown.first?.block ?? toBlock
        }
        let endBalance = all.last { $0.block <= toBlock }?.balanceAfter ?? 0
        var totals = Totals()
        for m in shown {
            switch (m.kind, m.incoming) {
            case (.reward, _): totals.reward += m.amount
            case (.proposal, false): totals.proposalOut += m.amount
            case (.proposal, true): totals.proposalIn += m.amount
            case (_, true): totals.otherIn += m.amount
            case (_, false): totals.otherOut += m.amount
            }
        }
        var periods: [Period] = []
        for m in shown {
            let round = grouping == .round ? state.round(of: m.block) : nil
            let day = grouping == .day ? CalendarDate(unixSeconds: Int64(m.timestamp)) : nil
            if let last = periods.last, last.round == round, last.day == day {
                periods[periods.count - 1].balance = m.balanceAfter
                if m.incoming { periods[periods.count - 1].incoming += m.amount } else { periods[periods.count - 1].outgoing += m.amount }
            } else {
                periods.append(Period(round: round, day: day, balance: m.balanceAfter, incoming: m.incoming ? m.amount : 0, outgoing: m.incoming ? 0 : m.amount))
            }
        }
        let ceiling = Ceiling(
            cutRate: state.cutRate, nextCutRate: state.nextCutRate, ceiling: state.ceiling, halted: state.cutRate == 0,
            stopsNextRound: state.ceiling > 0 && state.balance >= state.ceiling && state.nextCutRate > 0)
        var hasher = SHA256()
        for t in transfers where t.block <= state.block {
            hasher.update(data: Data("transfer|\(t.block)|\(t.transactionHash)|\(t.logIndex)|\(t.from.lowercased)|\(t.to.lowercased)|\(t.amount)\n".utf8))
        }
        hasher.update(data: Data("balanceOf|\(state.treasury.lowercased)|\(state.block)|\(state.balance)\n".utf8))
        return TreasuryReport(
            network: network, treasury: state.treasury, token: state.token, fromBlock: fromBlock, toBlock: toBlock, balance: endBalance, movements: shown,
            totals: totals, grouping: grouping, periods: periods, ceiling: ceiling, checkedBlock: state.block, checkedBalance: state.balance, warnings: warnings,
            evidenceDigest: Hex.encode(Array(hasher.finalize())))
    }

    /// treasury.md's JSON.
    public var json: JSONValue {
        .object([
            ("network", .string(network)), ("treasury", .string(treasury.checksummed)), ("fromBlock", .int(fromBlock)), ("toBlock", .int(toBlock)),
            ("balance", .string(Amount.decimal(balance))),
            (
                "movements",
                .array(
                    movements.map { m in
                        .object([
                            ("block", .int(m.block)), ("tx", .string(m.transaction)), ("logIndex", .int(m.logIndex)), ("kind", .string(m.kind.rawValue)),
                            ("counterparty", .string(m.counterparty.checksummed)), ("proposal", .string(m.proposal.map { String($0) })),
                            ("amount", .string(Amount.decimal(m.amount))), ("balanceAfter", .string(Amount.decimal(m.balanceAfter))),
                        ])
                    })
            ),
            (
                "totals",
                .object([
                    ("reward", .string(Amount.decimal(totals.reward))), ("proposalOut", .string(Amount.decimal(totals.proposalOut))),
                    ("proposalIn", .string(Amount.decimal(totals.proposalIn))), ("otherIn", .string(Amount.decimal(totals.otherIn))),
                    ("otherOut", .string(Amount.decimal(totals.otherOut))),
                ])
            ),
            (
                "periods",
                .array(
                    periods.map { p in
                        .object([
                            p.round.map { ("round", JSONValue.int($0)) } ?? ("day", .string(p.day?.description)), ("balance", .string(Amount.decimal(p.balance))),
                        ])
                    })
            ),
            (
                "ceiling",
                .object([
                    ("cutRate", .string(Amount.decimal(ceiling.cutRate))), ("nextCutRate", .string(Amount.decimal(ceiling.nextCutRate))),
                    ("ceiling", .string(Amount.decimal(ceiling.ceiling))), ("halted", .bool(ceiling.halted)),
                ])
            ),
        ])
    }
}
