import BigInt
import LIPTestSupport
import XCTest
@testable import LIPCore
@testable import LIPDocuments
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTally

/// The migration window (stake mode l1+l2), hand-computed, through the ledger.
///
/// S1 (L1 block 1000): O1 100 (orchestrator), A 60, B 40, C 30, G 7 delegate to O1; O3 20
/// (orchestrator, never migrates) with E 10; F 5 with no delegate.
/// Migrations by L2 block 500: O1 -> O1' with pool P (orchestrator), C -> C' (delegator);
/// G migrates at L2 block 600, after the snapshot, so it still counts as unmigrated.
/// S2 (L2 block 500, L1 block 1500): O1' 100 (delegated 265), P 110 -> O1', C' 30 -> O1', H 25 -> O1'.
/// R(O1) = A + B + G = 107; shares of P's 110: A 61, B 41, G 7 (floors); P keeps 1.
final class MigrationWindowTests: XCTestCase {
    let O1 = addr("01"), O1x = addr("11"), P = addr("a0"), A = addr("0a"), B = addr("0b"), C = addr("0c"), Cx = addr("1c"), G = addr("07")
    let O3 = addr("03"), E = addr("0e"), F = addr("0f"), H = addr("48")
    let pollAddress = addr("90")
    var dir: URL!
    var ledger: Ledger!

    func L(_ n: Int) -> String { lpt(n) }

    override func setUpWithError() throws {
        dir = try temporaryDirectory(self)
        ledger = try Ledger(path: dir.appendingPathComponent("l.sqlite").path, create: true)
    }

    var s1: [String] {
        [
            "account,delegate,stake", "\(O1),\(O1),\(L(100))", "\(A),\(O1),\(L(60))", "\(B),\(O1),\(L(40))", "\(C),\(O1),\(L(30))",
            "\(G),\(O1),\(L(7))", "\(O3),\(O3),\(L(20))", "\(E),\(O3),\(L(10))", "\(F),,\(L(5))",
        ]
    }
    var s2: [String] {
        [
            "account,delegate,stake,delegated_stake,status,active", "\(O1x),\(O1x),\(L(100)),\(L(265)),registered,true",
            "\(P),\(O1x),\(L(110)),,not-registered,false", "\(Cx),\(O1x),\(L(30)),,,", "\(H),\(O1x),\(L(25)),,,",
        ]
    }
    var migrations: [String] {
        ["kind,l1_account,l2_account,l2_block,pool", "orchestrator,\(O1),\(O1x),300,\(P)", "delegator,\(C),\(Cx),400,", "delegator,\(G),\(addr("17")),600,"]
    }
    var votes: [String] { ["voter,choice,block,log_index", "\(O1x),0,1400,0", "\(A),1,1400,1", "\(E),0,1400,2", "\(O3),1,1401,0", "\(H),0,1401,1"] }

    func load(shuffle: Bool = false, order: [String] = ["s1", "s2", "migrations", "votes"]) throws {
        var g = SystemRandomNumberGenerator()
        func lines(_ l: [String]) -> String { ([l[0]] + (shuffle ? Array(l.dropFirst()).shuffled(using: &g) : Array(l.dropFirst()))).joined(separator: "\n") + "\n" }
        for step in order {
            let url = dir.appendingPathComponent("\(step).csv")
            switch step {
            case "s1": try Data(lines(s1).utf8).write(to: url); _ = try ledger.importSnapshot(url, path: "s1.csv", options: SnapshotOptions(chain: .l1, block: 1000))
            case "s2": try Data(lines(s2).utf8).write(to: url); _ = try ledger.importSnapshot(url, path: "s2.csv", options: SnapshotOptions(chain: .l2, block: 500, l1Block: 1500))
            case "migrations": try Data(lines(migrations).utf8).write(to: url); _ = try ledger.importMigrations(url, path: "m.csv")
            case "votes": try Data(lines(votes).utf8).write(to: url); _ = try ledger.importVotes(url, path: "v.csv", poll: Address(pollAddress)!)
            default: break
            }
        }
    }

    var parameters: PollParameters {
        PollParameters(address: Address(pollAddress)!, lip: 120, chain: .l2, endBlock: 1500, quorum: 333300, quota: 500000)
    }

    func result() throws -> TallyResult {
        TallyEngine.tally(try TallyInputs.load(from: ledger, poll: parameters, stakeMode: .l1l2, quorumBase: .bonded))
    }

    /// `lip poll weight` asks for the row of an account that has not voted: in the migration window
    /// its L2 row joins the voters' and the pools', and nothing else changes.
    func testAnAskedAccountsL2RowIsReadBesideTheVoters() throws {
        try load()
        let plain = try TallyInputs.load(from: ledger, poll: parameters, stakeMode: .l1l2, quorumBase: .bonded)
        let s2 = try ledger.snapshot(chain: .l2, forEndBlock: parameters.endBlock)
        var asked = 0
        for x in [Cx, B, G, F].map({ Address($0)! }) {
            let row = try ledger.accounts(of: s2, among: [x]).first
            let with = try TallyInputs.load(from: ledger, poll: parameters, stakeMode: .l1l2, quorumBase: .bonded, alsoRead: [x])
            let l2 = { (inputs: TallyInputs) in inputs.positions.filter { $0.account == x && $0.domain == .l2 } }
            if let row, l2(plain).isEmpty {
                asked += 1
                XCTAssertEqual(l2(with).map(\.stake), [row.stake], x.lowercased)
                XCTAssertEqual(with.positions.count, plain.positions.count + 1)
            }
            XCTAssertEqual(TallyEngine.tally(with).yes, TallyEngine.tally(plain).yes, "a row read, no vote: the same result")
        }
        XCTAssertGreaterThan(asked, 0, "one of them has an L2 row the tally did not read")
    }

    func testPositionsWeightsAndResult() throws {
        try load()
        let inputs = try TallyInputs.load(from: ledger, poll: parameters, stakeMode: .l1l2, quorumBase: .bonded)
        func position(_ account: String) -> Position? { inputs.positions.first { $0.account.lowercased == account } }
        XCTAssertEqual(
            position(A),
            Position(
                account: A, delegate: O1x, stake: BigUInt(stringLiteral: "61682242990654205607"), delegatedStake: 0, registered: false, active: false, domain: .l2))
        XCTAssertEqual(position(A)?.stake, BigUInt("61682242990654205607"), "floor(110 × 60 / 107) LPT in wei")
        XCTAssertEqual(position(B)?.stake, BigUInt("41121495327102803738"))
        XCTAssertEqual(position(G)?.stake, BigUInt("7196261682242990654"), "G's migration is after the L2 snapshot: it is still in the pool")
        XCTAssertEqual(position(P)?.stake, BigUInt(lpt(110))! - BigUInt("61682242990654205607") - BigUInt("41121495327102803738") - BigUInt("7196261682242990654"))
        XCTAssertNil(position(C), "C migrated: its L1 stake is not counted again")
        XCTAssertNil(position(O1), "O1 migrated as orchestrator")
        XCTAssertEqual(position(O3), Position(account: O3, delegate: O3, stake: BigUInt(lpt(20))!, delegatedStake: BigUInt(lpt(30))!, registered: true, active: false, domain: .l1))
        XCTAssertEqual(position(F)?.domain, .l1)
        XCTAssertTrue(inputs.warnings.contains("1 migration after the L2 snapshot's block 500 was not counted"))

        let r = TallyEngine.tally(inputs)
        // Total: the L2 snapshot (265) plus unmigrated L1 stake outside pools (O3 20, E 10, F 5).
        XCTAssertEqual(r.totalStake, BigUInt(lpt(300))!)
        let a = BigUInt("61682242990654205607")
        func w(_ x: String) -> BigUInt? { r.voters.first { $0.address.lowercased == x }?.weight }
        XCTAssertEqual(w(O1x), BigUInt(lpt(265))! - a - BigUInt(lpt(25))!, "265 minus A's share and H, who voted themselves")
        XCTAssertEqual(w(A), a)
        XCTAssertEqual(w(H), BigUInt(lpt(25))!)
        XCTAssertEqual(w(O3), BigUInt(lpt(20))!, "30 on L1 minus E's 10")
        XCTAssertEqual(w(E), BigUInt(lpt(10))!)
        XCTAssertEqual(r.yes, BigUInt(lpt(265))! - a - BigUInt(lpt(25))! + BigUInt(lpt(25))! + BigUInt(lpt(10))!)
        XCTAssertEqual(r.no, a + BigUInt(lpt(20))!)
        XCTAssertEqual(r.result, .yes)
        XCTAssertFalse(r.provisional)
        XCTAssertEqual(r.snapshots, [SnapshotReference(chain: .l2, block: 500, l1Block: 1500), SnapshotReference(chain: .l1, block: 1000, l1Block: nil)])
        // The voters' JSON written straight as bytes is the JSON of their values: L1 and L2
        // positions, delegators and orchestrators, zero and non-zero amounts of one and two words.
        let json = r.json
        XCTAssertEqual(json.serialized(), json.serialized(pretty: true, elementText: false))
        XCTAssertTrue(json.serialized().contains("\"domain\": \"l1\"") && json.serialized().contains("\"registered\": true"))
    }

    func testTotalIsL2PlusUnmigratedL1OutsidePools() throws {
        try load()
        let inputs = try TallyInputs.load(from: ledger, poll: parameters, stakeMode: .l1l2, quorumBase: .bonded)
        let l2Total = try ledger.snapshots().first { $0.chain == .l2 }!.totalStake
        let outside = [O3, E, F].map { a in BigUInt(String(s1.first { $0.hasPrefix(a) }!.split(separator: ",", omittingEmptySubsequences: false)[2]))! }.reduce(0, +)
        XCTAssertEqual(inputs.totalBonded, l2Total + outside)
        // The stored totals give what every position of the window adds up to.
        let snapshots = try ledger.snapshots()
        var l1: [Position] = [], l2: [Position] = []
        for (snapshot, domain) in [(snapshots.first { $0.chain == .l1 }!, Chain.l1), (snapshots.first { $0.chain == .l2 }!, Chain.l2)] {
            try ledger.forEachAccount(of: snapshot) { a in
                let p = Position(
                    account: a.account.lowercased, delegate: a.delegate?.lowercased, stake: a.stake, delegatedStake: a.delegatedStake, registered: a.registered,
                    active: a.active ?? false, domain: domain)
                if domain == .l1 { l1.append(p) } else { l2.append(p) }
            }
        }
        let every = try MigrationWindow.positions(l1: l1, l2: l2, migrations: inputs.migrations, l2Block: 500)
        XCTAssertEqual(every.map(\.stake).reduce(0, +), inputs.totalBonded)
        XCTAssertEqual(TallyEngine.tally(inputs).totalStake, inputs.totalBonded)
    }

    func testSameBytesWhateverTheImportOrder() throws {
        try load()
        let reference = try result().json.serialized()
        for (i, order) in [["votes", "migrations", "s2", "s1"], ["s2", "votes", "s1", "migrations"]].enumerated() {
            ledger = try Ledger(path: dir.appendingPathComponent("other-\(i).sqlite").path, create: true)
            try load(shuffle: true, order: order)
            XCTAssertEqual(try result().json.serialized(), reference)
        }
    }

    func testProvisionalWhenTheL2SnapshotIsBeforeTheEnd() throws {
        try load()
        var p = parameters
        p.endBlock = 1600
        let r = TallyEngine.tally(try TallyInputs.load(from: ledger, poll: p, stakeMode: .l1l2, quorumBase: .bonded))
        XCTAssertTrue(r.provisional)
    }

    func testErrors() throws {
        try load(order: ["s1", "migrations", "votes"])
        XCTAssertThrowsError(try result()) { error in
            XCTAssertEqual(
                "\(error)",
                "the poll ends at L1 block 1500 and the ledger has no L2 snapshot whose L1 block is at or before 1500: import one with `lip ledger import snapshot FILE --chain l2 --block N --l1-block 1500`"
            )
        }
        let url = dir.appendingPathComponent("s2.csv")
        try Data((s2.filter { !$0.hasPrefix(P) }.joined(separator: "\n") + "\n").utf8).write(to: url)
        _ = try ledger.importSnapshot(url, path: "s2.csv", options: SnapshotOptions(chain: .l2, block: 500, l1Block: 1500))
        XCTAssertThrowsError(try result()) { error in
            XCTAssertTrue("\(error)".hasPrefix("the delegator pool 0xA0a0a0A0A0A0a0a0A0A0a0A0a0A0a0A0A0A0a0a0 of L1 orchestrator"), "\(error)")
        }
        XCTAssertThrowsError(try TallyInputs.load(from: ledger, poll: parameters, stakeMode: .l1l2, quorumBase: .active)) { error in
            XCTAssertTrue("\(error)".hasPrefix("--quorum-base active is refused in stake mode l1+l2"))
        }
    }
}

/// Random migration windows: the total stake is always the L2 snapshot's total plus the
/// unmigrated L1 stake outside pools, and the order of rows and migrations never matters.
final class MigrationWindowPropertyTests: XCTestCase {
    func testInvariantsOnRandomWindows() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let orchestrators = (1...Int.random(in: 1...4, using: &rng)).map { String(format: "0x%040x", $0) }
            var s1: [Position] = []
            for o in orchestrators {
                s1.append(Position(account: o, delegate: o, stake: BigUInt(Int.random(in: 0...1000, using: &rng)), delegatedStake: 0, registered: true, active: true, domain: .l1))
            }
            for i in 0..<Int.random(in: 0...12, using: &rng) {
                let d = Bool.random(using: &rng) ? orchestrators.randomElement(using: &rng)! : nil
                s1.append(
                    Position(
                        account: String(format: "0x%040x", 100 + i), delegate: d, stake: BigUInt(Int.random(in: 0...1000, using: &rng)), delegatedStake: 0, registered: false,
                        active: false, domain: .l1))
            }
            var migrations: [StakeMigration] = []
            var s2: [Position] = []
            for o in orchestrators where Bool.random(using: &rng) {
                let l2 = "0x9" + o.dropFirst(3)
                let pool = "0x8" + o.dropFirst(3)
                migrations.append(StakeMigration(kind: .orchestrator, l1Account: o, l2Account: l2, l2Block: 1, pool: pool))
                s2.append(
                    Position(account: l2, delegate: l2, stake: BigUInt(Int.random(in: 1...1000, using: &rng)), delegatedStake: 0, registered: true, active: true, domain: .l2))
                s2.append(
                    Position(account: pool, delegate: l2, stake: BigUInt(Int.random(in: 0...5000, using: &rng)), delegatedStake: 0, registered: false, active: false, domain: .l2))
            }
            for p in s1 where !p.registered && Int.random(in: 0..<4, using: &rng) == 0 {
                migrations.append(StakeMigration(kind: .claim, l1Account: p.account, l2Account: p.account, l2Block: 1, pool: nil))
                s2.append(Position(account: p.account, delegate: nil, stake: p.stake, delegatedStake: 0, registered: false, active: false, domain: .l2))
            }
            let migrated = Set(migrations.map(\.l1Account))
            let pooled = Set(migrations.filter { $0.pool != nil }.map(\.l1Account))
            let positions = try MigrationWindow.positions(l1: s1, l2: s2, migrations: migrations, l2Block: 1)
            let outside = s1.filter { !migrated.contains($0.account) }
                .filter { p in !(p.delegate.map { d in d != p.account && pooled.contains(d) } ?? false) }
                .map(\.stake).reduce(0, +)
            XCTAssertEqual(positions.map(\.stake).reduce(0, +), s2.map(\.stake).reduce(0, +) + outside)
            XCTAssertFalse(positions.contains { $0.domain == .l1 && migrated.contains($0.account) }, "a migrated account has no L1 position")
            let shuffled = try MigrationWindow.positions(l1: s1.shuffled(using: &rng), l2: s2.shuffled(using: &rng), migrations: migrations.shuffled(using: &rng), l2Block: 1)
            XCTAssertEqual(
                shuffled.sorted { ($0.domain.rawValue, $0.account) < ($1.domain.rawValue, $1.account) },
                positions.sorted { ($0.domain.rawValue, $0.account) < ($1.domain.rawValue, $1.account) })
        }
    }
}
