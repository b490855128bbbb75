import BigInt
import Foundation
import LIPTestSupport
import PropertyBased
import Testing

@testable import LIPEthereum
@testable import LIPGovernor
@testable import LIPLedger
@testable import LIPTally

/// A record weighs each vote from what decides the account's weight alone (its row, its
/// delegate's, the voters delegated to it: `TallyInputs.load(around:)`,
/// `Ledger.proposalVotes(around:)`). On random polls and proposals stored in a ledger, that weight
/// must be the one counted from every vote, for every account; PropertyBased shrinks a failing case.
struct WeightAroundAnAccountTests {
    static let accounts = (1...7).map { GovernorScenario.address($0) }

    /// A new ledger in a folder of its own.
    static func ledger() throws -> (Ledger, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lip-around-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try Ledger(path: dir.appendingPathComponent("ledger.sqlite").path, create: true), dir)
    }

    /// delegate (7: none), stake, registered; for each of the 7 accounts.
    /// `scenario`'s proposal imported into `ledger` (its logs and state written into `dir`).
    static func importProposal(_ scenario: GovernorScenario, into ledger: Ledger, in dir: URL) throws -> GovernorProposal {
        try Data(scenario.logsJSON().utf8).write(to: dir.appendingPathComponent("gov.json"))
        try Data(scenario.stateJSON().utf8).write(to: dir.appendingPathComponent("state.json"))
        _ = try ledger.importLogs(dir.appendingPathComponent("gov.json"), path: "gov.json", chain: .l2)
        _ = try ledger.importGovernorState(dir.appendingPathComponent("state.json"), path: "state.json")
        return try ledger.proposals().first!
    }

    static let row = zip(Gen.int(in: 0...7), Gen.int(in: 0...100), Gen.bool)
    /// voter, choiceID (2 is invalid), block.
    static let vote = zip(Gen.int(in: 0...6), Gen.int(in: 0...2), Gen.int(in: 0...3))

    @Test func aPollWeightIsTheFullCountsForEveryAccount() async throws {
        await propertyCheck(count: 60, input: zip(Self.row.array(of: 7...7), Self.vote.array(of: 0...12))) { rows, rawVotes in
            let (ledger, dir) = try! Self.ledger()
            defer { try? FileManager.default.removeItem(at: dir) }
            var csv = "account,delegate,stake,status,active\n"
            for (i, (d, stake, registered)) in rows.enumerated() {
                csv += "\(Self.accounts[i]),\(d == 7 ? "" : Self.accounts[d].lowercased),\(stake * 1000),\(registered ? "registered,true" : ",")\n"
            }
            try! Data(csv.utf8).write(to: dir.appendingPathComponent("s.csv"))
            _ = try! ledger.importSnapshot(dir.appendingPathComponent("s.csv"), path: "s.csv", options: SnapshotOptions(chain: .l2, block: 1000, l1Block: 1000))
            let poll = addr("90")
            var maker = LogMaker()
            maker.block = 50
            var logs = [maker.pollCreated(poll: poll, proposal: "QmAround", endBlock: 1000, quorum: 100_000)]
            for (voter, choice, block) in rawVotes {
                maker.block = 60 + block
                logs.append(maker.vote(poll: poll, voter: Self.accounts[voter].lowercased, choice: choice))
            }
            try! writeJSON(logs, to: dir.appendingPathComponent("logs.json"))
            _ = try! ledger.importLogs(dir.appendingPathComponent("logs.json"), path: "logs.json", chain: .l2)
            let resolved = try! PollResolver.resolve(poll, polls: try! ledger.polls(), files: [])
            for account in Self.accounts {
                let around = try! PollWeight.weighing(account, poll: resolved, ledger: ledger, read: nil)
                var every = try! TallyInputs.load(from: ledger, poll: resolved.parameters, stakeMode: .l2, quorumBase: nil, alsoRead: [account])
                let full = try! PollWeight.weighing(account, inputs: &every, ledger: ledger, read: nil)
                #expect(around.weight == full.weight, "weight of \(account)")
                #expect(around.role == full.role && around.delegate == full.delegate && around.voted == full.voted)
                #expect(around.delegateChoice == full.delegateChoice && around.votedDelegators == full.votedDelegators)
                #expect(around.ownStake == full.ownStake && around.delegatedStake == full.delegatedStake)
            }
        }
    }

    /// delegate of each of the 7 accounts, its stake; voters: account, support.
    @Test func aProposalWeightIsTheFullCountsForEveryAccount() async throws {
        await propertyCheck(
            count: 60, input: zip(zip(Gen.int(in: 0...6), Gen.int(in: 0...100)).array(of: 7...7), zip(Gen.int(in: 0...6), Gen.int(in: 0...2)).array(of: 0...7))
        ) { delegates, rawVotes in
            let (ledger, dir) = try! Self.ledger()
            defer { try? FileManager.default.removeItem(at: dir) }
            // Weights as BondingVotes gives them: an account delegated to itself holds its own
            // stake and its delegators'; any other account its own.
            var delegations: [Address: Address] = [:]
            for (i, (d, _)) in delegates.enumerated() { delegations[Self.accounts[i]] = Self.accounts[d] }
            func weight(_ i: Int) -> BigUInt {
                let a = Self.accounts[i]
                guard delegations[a] == a else { return BigUInt(delegates[i].1) }
                return delegates.indices.filter { delegations[Self.accounts[$0]] == a }.reduce(BigUInt(0)) { $0 + BigUInt(delegates[$1].1) }
            }
            var scenario = GovernorScenario()
            var seen = Set<Int>()
            scenario.votes = rawVotes.filter { seen.insert($0.0).inserted }.map { GovernorScenario.Vote(Self.accounts[$0.0], $0.1, weight($0.0)) }
            scenario.delegations = delegations
            scenario.totalSupply = 1_000
            let proposal = try! Self.importProposal(scenario, into: ledger, in: dir)
            let views = try! ledger.proposalViews(governor: proposal.governor, id: proposal.id)!
            let votes = try! ledger.proposalVotes(governor: proposal.governor, id: proposal.id)
            // A node's answer for an account that did not vote.
            let node: (Address, Int) throws -> ProposalWeight.Stake = { a, _ in
                ProposalWeight.Stake(votes: weight(Self.accounts.firstIndex(of: a)!), delegate: delegations[a]!)
            }
            for account in Self.accounts {
                let around = try! ProposalWeight.of(account, reference: String(proposal.id), ledger: ledger, read: node)
                let full = try! ProposalWeight.weighing(account, proposal: proposal, views: views, votes: votes, ledger: ledger, read: node)
                #expect(around.weight == full.weight, "weight of \(account)")
                #expect(around.role == full.role && around.delegate == full.delegate && around.voted == full.voted && around.votes == full.votes)
                #expect(around.delegateSupport == full.delegateSupport && around.votedDelegators == full.votedDelegators)
            }
        }
    }
}

/// `Ledger.proposalVotes` reads a proposal's votes in the key's order (by voter) and gives them
/// in chain order: by block, log index, then voter, whatever order the voters' addresses take.
struct ProposalVotesOrderTests {
    @Test func aProposalsVotesComeInChainOrder() async throws {
        await propertyCheck(count: 30, input: Gen.int(in: 1...7).array(of: 1...7)) { picks in
            let (ledger, dir) = try! WeightAroundAnAccountTests.ledger()
            defer { try? FileManager.default.removeItem(at: dir) }
            var seen = Set<Int>()
            let voters = picks.filter { seen.insert($0).inserted }.map { GovernorScenario.address($0) }
            var scenario = GovernorScenario()
            scenario.votes = voters.map { GovernorScenario.Vote($0, 1, 10) }
            scenario.delegations = Dictionary(uniqueKeysWithValues: voters.map { ($0, $0) })
            scenario.totalSupply = 1_000
            let proposal = try! WeightAroundAnAccountTests.importProposal(scenario, into: ledger, in: dir)
            // The scenario casts each vote in a block of its own, in the order given.
            #expect(try! ledger.proposalVotes(governor: proposal.governor, id: proposal.id).map(\.voter) == voters)
        }
    }
}
