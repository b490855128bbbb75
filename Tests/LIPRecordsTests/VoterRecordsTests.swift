import BigInt
import Foundation
import LIPCore
import LIPTestSupport
import PropertyBased
import Testing

@testable import LIPEthereum
@testable import LIPGovernor
@testable import LIPLedger
@testable import LIPRecords
@testable import LIPTally

/// Every voter's record made at once (`VoterRecords`, the site's voter pages: each vote counted
/// once) is the record `VoterRecord.build` makes for that account alone, on random ledgers of two
/// polls and two proposals: voters and accounts that did not vote, overrides both ways, rows
/// missing from the snapshot, delegations missing from the views, a stored stake or none.
/// PropertyBased shrinks a failing case.
struct VoterRecordsTests {
    static let accounts = (1...7).map { GovernorScenario.address($0) }

    /// Per account: delegate (7: none; 8: no row at all), stake, registered.
    static let row = zip(Gen.int(in: 0...8), Gen.int(in: 0...100), Gen.bool)
    /// voter, choiceID (2 is invalid), block, which poll.
    static let vote = zip(Gen.int(in: 0...6), Gen.int(in: 0...2), Gen.int(in: 0...3), Gen.bool)
    /// Per account and proposal: its delegate (7: no delegation in the views), whether it votes
    /// and how, whether its stake is stored.
    static let proposalPart = zip(Gen.int(in: 0...7), Gen.int(in: 0...3), Gen.bool)

    @Test func everyRecordMadeAtOnceIsTheRecordMadeAlone() async throws {
        let input = zip(Self.row.array(of: 7...7), Self.vote.array(of: 0...12), Self.proposalPart.array(of: 14...14))
        await propertyCheck(count: 50, input: input) { rows, rawVotes, parts in
            let (ledger, dir) = try! WeightAroundAnAccountTests.ledger()
            defer { try? FileManager.default.removeItem(at: dir) }
            var csv = "account,delegate,stake,status,active\n"
            for (i, (d, stake, registered)) in rows.enumerated() where d != 8 {
                csv += "\(Self.accounts[i]),\(d == 7 ? "" : Self.accounts[d].lowercased),\(stake * 1000),\(registered ? "registered,true" : ",")\n"
            }
            try! Data(csv.utf8).write(to: dir.appendingPathComponent("s.csv"))
            _ = try! ledger.importSnapshot(dir.appendingPathComponent("s.csv"), path: "s.csv", options: SnapshotOptions(chain: .l2, block: 1000, l1Block: 1000))
            // Two polls: one ended at the snapshot, one still open past it.
            var maker = LogMaker()
            maker.block = 50
            var logs = [
                maker.pollCreated(poll: addr("90"), proposal: "QmEnded", endBlock: 1000, quorum: 100_000),
                maker.pollCreated(poll: addr("91"), proposal: "QmOpen", endBlock: 5000, quorum: 100_000),
            ]
            for (voter, choice, block, second) in rawVotes {
                maker.block = 60 + block
                logs.append(maker.vote(poll: second ? addr("91") : addr("90"), voter: Self.accounts[voter].lowercased, choice: choice))
            }
            try! writeJSON(logs, to: dir.appendingPathComponent("logs.json"))
            _ = try! ledger.importLogs(dir.appendingPathComponent("logs.json"), path: "logs.json", chain: .l2)
            // Two proposals: one defeated, one active.
            for p in 0..<2 {
                var scenario = GovernorScenario()
                scenario.proposalID = BigUInt(10 + p)
                scenario.createdBlock = 100 + p * 50
                scenario.state = p == 0 ? 3 : 1
                scenario.totalSupply = 1_000
                var stakes: [ProposalStake] = []
                let mine = Array(parts[(p * 7)..<(p * 7 + 7)])
                // Weights as BondingVotes gives them: an account delegated to itself (or named
                // by no delegation) holds its own stake and its delegators'; any other its own.
                let delegate = mine.indices.map { mine[$0].0 == 7 ? $0 : mine[$0].0 }
                func weight(_ i: Int) -> BigUInt {
                    guard delegate[i] == i else { return BigUInt(rows[i].1) }
                    return mine.indices.filter { delegate[$0] == i }.reduce(BigUInt(0)) { $0 + BigUInt(rows[$1].1) }
                }
                // The views name the delegation of every voter and every voter's delegate (a
                // ledger without them is refused by both); of other accounts, some.
                let named = Set(mine.indices.filter { mine[$0].1 < 3 }.flatMap { [$0, delegate[$0]] })
                for (i, (d, vote, stored)) in mine.enumerated() {
                    let a = Self.accounts[i]
                    if d != 7 || named.contains(i) { scenario.delegations[a] = Self.accounts[delegate[i]] }
                    if vote < 3 { scenario.votes.append(GovernorScenario.Vote(a, vote, weight(i))) }
                    if stored { stakes.append(ProposalStake(account: a, votes: weight(i), delegate: Self.accounts[delegate[i]])) }
                }
                try! Data(scenario.logsJSON().utf8).write(to: dir.appendingPathComponent("gov\(p).json"))
                try! Data(scenario.stateJSON().utf8).write(to: dir.appendingPathComponent("state\(p).json"))
                _ = try! ledger.importLogs(dir.appendingPathComponent("gov\(p).json"), path: "gov\(p).json", chain: .l2)
                _ = try! ledger.importGovernorState(dir.appendingPathComponent("state\(p).json"), path: "state\(p).json")
                try! ledger.transaction { db in _ = try Ledger.storeStakes(db, governor: scenario.governor, id: scenario.proposalID, stakes) }
            }
            // Each vote's count handed out (the site's vote pages) is what `lip poll tally` and
            // `lip proposal tally` count, from whichever thread counted it.
            let handed = Locked<[String: String]>([:])
            let all = try! VoterRecords.build(ledger: ledger, workspace: nil, network: "mainnet") { vote in
                switch vote {
                case .poll(let poll, _, .counted(let tally)): handed.withLock { $0[poll.address.lowercased] = tally.result.json.serialized() }
                case .poll(let poll, _, .notCounted(let message)): handed.withLock { $0[poll.address.lowercased] = "not counted: " + message }
                case .proposal(let proposal, .counted(let result)): handed.withLock { $0[String(proposal.id)] = result.json.serialized() }
                case .proposal(let proposal, .notCounted(let message)): handed.withLock { $0[String(proposal.id)] = "not counted: " + message }
                }
            }
            var expected: [String: String] = [:]
            for poll in try! ledger.polls(countingVotes: false) {
                do {
                    expected[poll.address.lowercased] =
                        try PollTally.run(reference: poll.address.checksummed, ledger: ledger, workspace: nil, stake: nil, quorumBase: nil).result.json.serialized()
                } catch LIPError.usage(let message) {
                    expected[poll.address.lowercased] = "not counted: " + message
                } catch {
                    Issue.record(error)
                }
            }
            for proposal in try! ledger.proposals() {
                expected[String(proposal.id)] = try! ProposalTally.run(String(proposal.id), ledger: ledger).json.serialized()
            }
            #expect(handed.withLock { $0 } == expected)
            // The caller's own error ends the build as it is: never taken for a vote that cannot be counted.
            #expect(throws: LIPError.usage("the caller's own")) {
                try VoterRecords.build(ledger: ledger, workspace: nil, network: "mainnet") { _ in throw LIPError.usage("the caller's own") }
            }
            #expect(all.accounts == Set(rawVotes.map { Self.accounts[$0.0] } + parts.enumerated().filter { $0.element.1 < 3 }.map { Self.accounts[$0.offset % 7] }).sorted())
            for (i, account) in all.accounts.enumerated() {
                let alone = try! VoterRecord.build(account: account, ledger: ledger, workspace: nil, network: "mainnet", readers: .init(pollRow: nil, bondingVotes: nil))
                let atOnce = all.record(i)
                #expect(atOnce.entries == alone.entries, "entries of \(account)")
                #expect(atOnce.warnings == alone.warnings, "warnings of \(account)")
            }
        }
    }

    /// A poll decided by a partial snapshot (a sync reads the rows of the voters and their
    /// delegates only): a voter without a row has its vote and no weight, no outcome and a
    /// warning; every record made at once is the record made alone.
    @Test func aPartialSnapshotsRecordsAreTheRecordsMadeAlone() async throws {
        /// Per account: its row (0: none, 1: a delegator of account 0, 2: an orchestrator), its vote (0: none).
        let input = zip(Gen.int(in: 0...2), Gen.int(in: 0...2)).array(of: 4...4)
        await propertyCheck(count: 40, input: input) { parts in
            let (ledger, dir) = try! WeightAroundAnAccountTests.ledger()
            defer { try? FileManager.default.removeItem(at: dir) }
            let poll = Address(addr("91"))!
            var maker = LogMaker()
            maker.block = 100
            var objects = [maker.pollCreated(poll: poll.lowercased, proposal: "QmPartial", endBlock: 500)]
            for (i, part) in parts.enumerated() where part.1 > 0 {
                maker.block = 110 + i
                objects.append(maker.vote(poll: poll.lowercased, voter: Self.accounts[i].lowercased, choice: part.1 - 1))
            }
            let logs = objects.enumerated().map { n, object in
                EventLog(
                    address: Address(object["address"] as! String)!, topics: object["topics"] as! [String], data: Hex.decode(object["data"] as! String)!,
                    blockNumber: Int((object["blockNumber"] as! String).dropFirst(2), radix: 16)!, transactionHash: object["transactionHash"] as! String, logIndex: n)
            }
            let rows = parts.enumerated().compactMap { i, part -> SnapshotAccount? in
                part.0 == 0
                    ? nil
                    : SnapshotAccount(
                        account: Self.accounts[i], delegate: part.0 == 1 ? Self.accounts[0] : Self.accounts[i], stake: BigUInt(10 + i), delegatedStake: part.0 == 2 ? 100 : 0,
                        registered: part.0 == 2, active: part.0 == 2 ? true : nil, fees: nil)
            }
            let stake = SyncedStake(
                chain: .l2, block: 600, blockHash: "0x" + String(repeating: "ab", count: 32), l1Block: 500, accounts: rows, totalActive: 1_000, partial: true)
            let scanned = ScannedPoll(
                poll: poll, logs: logs, stake: stake, decided: true,
                record: ImportRecord(kind: .sync, file: poll.lowercased, sha256: String(repeating: "0", count: 64), chain: .l2, network: "mainnet", full: false))
            _ = try! ledger.storePollScan([scanned], chain: .l2, creator: Address(addr("c0"))!, scannedTo: 700, links: [:])
            let all = try! VoterRecords.build(ledger: ledger, workspace: nil, network: "mainnet", each: nil)
            for (i, account) in all.accounts.enumerated() {
                let alone = try! VoterRecord.build(account: account, ledger: ledger, workspace: nil, network: "mainnet", readers: .init(pollRow: nil, bondingVotes: nil))
                #expect(all.record(i).entries == alone.entries, "entries of \(account)")
                #expect(all.record(i).warnings == alone.warnings, "warnings of \(account)")
            }
        }
    }
}
