import BigInt
import LIPEthereum
import LIPGovernor
import LIPLedger
import PropertyBased
import Testing

@testable import LIPReports
@testable import LIPSite
@testable import LIPTally

/// A vote page's voters are written row by row from the count (`SiteVoterLinks.appendPollTable`,
/// `appendProposalTable`), never through the report's `VoterTable`: on random polls and proposals
/// (orchestrators, delegators who voted or not, stakes of 0, below 0.01 LPT and wider than two
/// machine words, reasons with markup, line breaks and controls) the table is exactly the one
/// `SiteVotes.html` writes of the report's `voterTable`, each voter linking its page. A report
/// that names its voters, or a voter without a page, takes the table's path. PropertyBased
/// shrinks a failing case.
struct VoteTablesTests {
    static let accounts = (1...4).map { Address(bytes: [0xAB] + Array(repeating: 0, count: 18) + [UInt8($0)]) }
    static let stakes: [BigUInt] = [0, 1, BigUInt(10).power(16) - 1, BigUInt(1_353_097) * BigUInt(10).power(16) + 4, BigUInt(1) << 100, BigUInt(1) << 140]
    static let reasons = ["", "ok", "<b>x</b> & \"y\" 'z'", "two\nlines", "\u{1b}[31mred", "é 👩‍👩‍👧", "https://example.org/?a=1&b=2"]
    /// Per account: registered, its delegate (4: none), its stake's pick, its vote (0: none), its reason's pick.
    static let account = zip(Gen.bool, Gen.int(in: 0...4), Gen.int(in: 0...5), Gen.int(in: 0...3), Gen.int(in: 0...6))

    @Test func aPollsVotersAreTheTableOfItsReport() async {
        await propertyCheck(count: 200, input: Self.account.array(of: 4...4)) { parts in
            let report = PollReport(result: Self.poll(parts))
            let links = SiteVoterLinks(Self.accounts)
            var direct: [UInt8] = []
            #expect(links.appendPollTable(report, to: &direct))
            #expect(String(decoding: direct, as: UTF8.self) == String(decoding: SiteVotes.voterTableHTML(report, voterPages: links), as: UTF8.self))
        }
    }

    @Test func aProposalsVotersAreTheTableOfItsReport() async throws {
        await propertyCheck(count: 200, input: Self.account.array(of: 4...4)) { parts in
            let report = ProposalReport(result: try! Self.proposal(parts))
            let links = SiteVoterLinks(Self.accounts)
            var direct: [UInt8] = []
            #expect(links.appendProposalTable(report, to: &direct))
            #expect(String(decoding: direct, as: UTF8.self) == String(decoding: SiteVotes.voterTableHTML(report, voterPages: links), as: UTF8.self))
        }
    }

    @Test func aNamedVoterOrOneWithoutAPageTakesTheTablesPath() throws {
        let parts = Self.accounts.indices.map { (true, 4, 3, 1 + $0 % 2, $0) }
        let poll = PollReport(result: Self.poll(parts))
        let proposal = ProposalReport(result: try Self.proposal(parts))
        let some = SiteVoterLinks(Array(Self.accounts.dropFirst()))
        var none: [UInt8] = []
        #expect(!some.appendPollTable(poll, to: &none) && !some.appendProposalTable(proposal, to: &none) && none.isEmpty)
        // The table's path then links the voter without a page to its explorer, the others here.
        let html = String(decoding: SiteVotes.voterTableHTML(poll, voterPages: some), as: UTF8.self)
        #expect(html.contains("https://arbiscan.io/address/\(Self.accounts[0].checksummed)"))
        #expect(html.contains("<a href=\"../voters/\(Self.accounts[1].lowercased).html\">"))
        var named = poll
        named.names = [Self.accounts[0]: "Zero"]
        #expect(!SiteVoterLinks(Self.accounts).appendPollTable(named, to: &none) && none.isEmpty)
        var namedProposal = proposal
        namedProposal.names = [Self.accounts[0]: "Zero"]
        #expect(!SiteVoterLinks(Self.accounts).appendProposalTable(namedProposal, to: &none) && none.isEmpty)
    }

    /// A poll of the accounts: each registered or not, delegating or not, voting or not.
    static func poll(_ parts: [(Bool, Int, Int, Int, Int)]) -> TallyResult {
        let positions = zip(accounts, parts).map { account, part in
            Position(
                account: account, delegate: part.1 < accounts.count ? accounts[part.1] : nil, stake: stakes[part.2], delegatedStake: part.0 ? stakes[part.2] : 0,
                registered: part.0, active: part.0, domain: .l2)
        }
        let votes = zip(accounts, parts).enumerated().compactMap { i, pair in
            pair.1.3 == 0 ? nil : CastVote(voter: pair.0, choice: pair.1.3 % 2 == 0 ? "1" : "0", block: 1, logIndex: i)
        }
        return TallyEngine.tally(
            TallyInputs(
                poll: PollParameters(address: Address(bytes: Array(repeating: 0x90, count: 20)), lip: 5, chain: .l2, endBlock: 10, quorum: 333_300, quota: 500_000),
                stakeMode: .l2, quorumBase: .bonded, snapshots: [SnapshotReference(chain: .l2, block: 3, l1Block: 10)], provisional: false, positions: positions, votes: votes))
    }

    /// A proposal of the accounts: each delegating to itself or another, voting with a support,
    /// a weight and a reason, or not.
    static func proposal(_ parts: [(Bool, Int, Int, Int, Int)]) throws -> ProposalResult {
        let proposal = GovernorProposal(
            governor: Address(bytes: Array(repeating: 0x9A, count: 20)), id: 42, proposer: accounts[0], targets: [], values: [], signatures: [], calldatas: [],
            voteStart: 10, voteEnd: 20, description: "# A proposal\n", block: 1)
        var delegations: [Address: Address] = [:]
        for (account, part) in zip(accounts, parts) { delegations[account] = part.0 || part.1 >= accounts.count ? account : accounts[part.1] }
        let views = ProposalViews(id: 42, totalSupply: BigUInt(1) << 141, quorumNumerator: 333_300, quota: 500_000, onchain: nil, state: .succeeded, delegations: delegations)
        // Each cast weight as the governor gives it: the account's stake, and an orchestrator's
        // delegators' too.
        let weights = zip(accounts, parts).map { account, part in
            delegations[account] != account ? stakes[part.2] : zip(accounts, parts).filter { delegations[$0.0] == account }.reduce(BigUInt(0)) { $0 + stakes[$1.1.2] }
        }
        let votes = zip(accounts, parts).enumerated().compactMap { i, pair in
            pair.1.3 == 0
                ? nil : GovernorVote(voter: pair.0, support: VoteSupport(rawValue: pair.1.3 - 1)!, weight: weights[i], reason: reasons[pair.1.4], block: 1 + i, logIndex: 0)
        }
        return try ProposalTally.tally(proposal: proposal, views: views, votes: votes)
    }
}
