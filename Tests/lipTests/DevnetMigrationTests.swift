import Foundation
import LIPTestSupport
import XCTest

/// The migration window on Livepeer's own L2Migrator (devnet-protocol.md, "The L2Migrator on one
/// chain"): an L1 snapshot whose LIP-73 root the real MerkleSnapshot holds, orchestrators and
/// delegators migrating through `finalizeMigrateDelegator` and `claimStake`, a real Poll voted
/// across both domains; `lip ledger sync migrations` and `lip ledger sync poll --full` read it
/// from the node, and `lip poll tally --stake l1+l2` must equal the count the devnet makes from
/// the contracts' own views, the L1 snapshot and the migrator's logs.
final class DevnetMigrationTests: XCTestCase {
    func json(_ r: CLIResult, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        XCTAssertEqual(r.code, 0, r.stderr, file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout, file: file, line: line)
    }

    func testAMigrationWindowPollSyncedFromTheNodeTalliesAsTheContractsSay() throws {
        let devnet = try Devnet(pollPeriod: 40, accounts: 26)
        let dir = try temporaryDirectory(self)
        try write(devnet.networksYAML, "networks.yaml", in: dir)
        let a = try devnet.accounts(24)
        // L1: O1 with five delegators, O2 (never migrates) with three, O3 (migrates after the
        // poll) with one, and a fees-only row. L2: N, registered there, and its delegator N1.
        let (o1, d1a, d1b, d1c, d1d, d1e) = (a[1], a[2], a[3], a[4], a[5], a[6])
        let (o2, d2a, d2b, d2c, o3, d3a, feesOnly) = (a[7], a[8], a[9], a[10], a[11], a[12], a[13])
        let (n, n1, o1L2, d2aL2, d1bL2, o3L2, d3aL2, noStake, invalid) = (a[14], a[15], a[16], a[17], a[18], a[19], a[20], a[21], a[22])
        func lpt(_ n: Int) -> String { "\(n)000000000000000000" }
        let zero = "0x" + String(repeating: "0", count: 40)
        let rows: [[Any]] = [
            [o1, o1, lpt(1000), "10000000000000000"], [d1a, o1, lpt(300), "0"], [d1b, o1, lpt(200), "1000000000000000"], [d1c, o1, lpt(100), "0"],
            [d1d, o1, lpt(50), "0"], [d1e, o1, lpt(70), "0"], [o2, o2, lpt(500), "0"], [d2a, o2, lpt(250), "0"], [d2b, o2, lpt(150), "0"],
            [d2c, o2, lpt(80), "0"], [o3, o3, lpt(400), "0"], [d3a, o3, lpt(100), "0"], [feesOnly, zero, "0", "5000000000000000"],
        ]
        let snapshot = try XCTUnwrap(try devnet.rpc("devnet_setL1Snapshot", [rows, dir.appendingPathComponent("l1.json").path]) as? [String: Any])
        let l1Block = try XCTUnwrap(snapshot["block"] as? Int)
        let root = try XCTUnwrap(snapshot["root"] as? String)

        try devnet.orchestrator(n, lpt: "2000")
        try devnet.rpc("devnet_bond", [n1, n, lpt(300)])
        try devnet.rpc("devnet_claimStake", [d1a])  // by proof, before its orchestrator migrates: bonded to O1's L1 address
        try devnet.rpc("devnet_claimStake", [feesOnly])
        try devnet.nextRound()
        try devnet.rpc("devnet_migrate", [o1, o1L2])  // self-bond and a pool for its unmigrated delegators
        try devnet.rpc("devnet_register", [o1L2])
        let pool = try XCTUnwrap(try devnet.rpc("devnet_delegatorPool", [o1]) as? String)
        XCTAssertNotEqual(pool, zero)
        try devnet.rpc("devnet_migrate", [d2a, d2aL2])  // O2 never migrates: bonded to O2's L1 address on L2
        try devnet.nextRound()
        try devnet.rpc("devnet_reward", [o1L2])  // the pool grows
        try devnet.rpc("devnet_reward", [n])
        try devnet.rpc("devnet_migrate", [d1b, d1bL2])  // claims its share of the pool at a new address
        try devnet.rpc("devnet_claimStake", [d2b, n])  // by proof, to a new delegate
        let created = try XCTUnwrap(try devnet.rpc("devnet_createPoll", [n, "QmMigrationWindow"]) as? [String: Any])
        let poll = try XCTUnwrap(created["poll"] as? String), end = try XCTUnwrap(created["endBlock"] as? Int)
        let votes: [(String, Int)] = [
            (o1L2, 0), (d1d, 1), (o2, 0), (d2c, 1), (n, 1), (n1, 0), (d2aL2, 0), (d1bL2, 1), (d1bL2, 0), (invalid, 7), (noStake, 0),
        ]
        for (voter, choice) in votes { try devnet.rpc("devnet_vote", [voter, poll, choice]) }
        // A claim from the pool inside the deciding block counts; what comes after the end does not.
        XCTAssertEqual(try devnet.rpc("devnet_claimStake", [d1e, NSNull(), end]) as? Int, end)
        let middle = try devnet.rpc("devnet_mine", [2]) as? Int ?? 0
        try devnet.rpc("devnet_migrate", [o3, o3L2])
        try devnet.rpc("devnet_register", [o3L2])
        try devnet.nextRound()
        try devnet.rpc("devnet_migrate", [d3a, d3aL2])

        let node = ["--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url, "--db", "l.sqlite"]
        let ledger = ["--network", "devnet", "--networks", "networks.yaml", "--db", "l.sqlite"]
        let imported = try lip(["ledger", "import", "snapshot", "l1.json", "--chain", "l1", "--block", String(l1Block)] + ledger, in: dir)
        XCTAssertEqual(imported.code, 0, imported.stderr)
        // The root the real MerkleSnapshot accepted every proof against is the one lip computes.
        let verified = try lip(["ledger", "verify-snapshot", "--chain", "l1", "--block", String(l1Block), "--root", root, "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(verified.code, 0, verified.stdout + verified.stderr)

        // Migrations read up to a block before the end: the tally says what it misses.
        let first = try lip(["ledger", "sync", "migrations", "--to-block", String(end - 10)] + node, in: dir)
        XCTAssertEqual(first.code, 0, first.stderr)
        XCTAssertEqual(try lip(["ledger", "sync", "poll", poll, "--full"] + node, in: dir).code, 0)
        let early = try json(try lip(["poll", "tally", poll, "--stake", "l1+l2", "--db", "l.sqlite", "--format", "json"], in: dir))
        XCTAssertTrue(
            (early["warnings"] as? [String] ?? []).contains { $0.contains("read up to L2 block \(end - 10) only") }, "\(early["warnings"] ?? "")")
        // Then on from there to the head: incremental, and the same run again changes nothing.
        let rest = try lip(["ledger", "sync", "migrations"] + node, in: dir)
        XCTAssertEqual(rest.code, 0, rest.stderr)
        let again = try lip(["ledger", "sync", "migrations"] + node, in: dir)
        XCTAssertEqual(again.code, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains(": 0 rows added"), again.stdout)
        let statusText = try lip(["ledger", "status", "--db", "l.sqlite"], in: dir).stdout
        XCTAssertTrue(statusText.contains("migration window:\n  L1 snapshot: block \(l1Block)\n  migrations: 11, L2 blocks "), statusText)
        XCTAssertTrue(statusText.contains("  L2Migrator \(devnet.info.l2Migrator) read to l2 block "), statusText)
        let status = try json(try lip(["ledger", "status", "--db", "l.sqlite", "--format", "json"], in: dir))
        let window = try XCTUnwrap(status["migrationWindow"] as? [String: Any])
        XCTAssertEqual(window["l1SnapshotBlock"] as? Int, l1Block)
        // d1a, feesOnly, o1 (+ its pool), d2a, d1b, d2b, d1e, o3 (+ its pool), d3a.
        XCTAssertEqual(window["migrations"] as? Int, 11)
        let synced = try XCTUnwrap((window["syncedTo"] as? [[String: Any]])?.first)
        XCTAssertEqual(synced["l2Migrator"] as? String, devnet.info.l2Migrator)
        XCTAssertGreaterThan(synced["block"] as? Int ?? 0, middle)

        let expected = try XCTUnwrap(try devnet.rpc("devnet_expectedWindow", [poll]) as? [String: Any])
        let tally = try json(try lip(["poll", "tally", poll, "--stake", "l1+l2", "--db", "l.sqlite", "--format", "json"], in: dir))
        for key in ["yes", "no", "totalStake", "result"] { XCTAssertEqual("\(tally[key] ?? "")", "\(expected[key] ?? "")", key) }
        let counted = (tally["voters"] as? [[String: Any]] ?? []).filter { ["yes", "no"].contains($0["choice"] as? String) }
        let weights = Dictionary(uniqueKeysWithValues: counted.map { ($0["address"] as? String ?? "", $0["weight"] as? String ?? "") })
        XCTAssertEqual(weights, expected["weights"] as? [String: String], "each voter's weight")
        let warnings = tally["warnings"] as? [String] ?? []
        XCTAssertTrue(warnings.contains("3 migrations after the L2 snapshot's block \(end) were not counted"), "\(warnings)")
        XCTAssertFalse(warnings.contains { $0.contains("read up to L2 block") }, "\(warnings)")
        // The scenario tells the window apart: a count that ignores the migrations, or the L1 side, differs.
        let ignoringMigrations = try XCTUnwrap(try devnet.rpc("devnet_expectedWindow", [poll, "migrations"]) as? [String: Any])
        XCTAssertNotEqual("\(ignoringMigrations["yes"] ?? "")/\(ignoringMigrations["no"] ?? "")", "\(expected["yes"] ?? "")/\(expected["no"] ?? "")")
        let l2Only = try json(try lip(["poll", "tally", poll, "--stake", "l2", "--db", "l.sqlite", "--format", "json"], in: dir))
        XCTAssertNotEqual("\(l2Only["yes"] ?? "")/\(l2Only["no"] ?? "")", "\(tally["yes"] ?? "")/\(tally["no"] ?? "")")

        // The forum post's reproduce commands sync the migrations as they were read.
        let post = try lip(["poll", "export", poll, "--stake", "l1+l2", "--db", "l.sqlite", "--network", "devnet", "--networks", "networks.yaml"], in: dir)
        XCTAssertEqual(post.code, 0, post.stderr)
        XCTAssertTrue(post.stdout.contains("lip ledger sync migrations --to-block \(end - 10) --network devnet"), post.stdout)

        // Every migration path's gas joins the devnet's CSV, near what mainnet's bytecode takes here.
        let csv = try XCTUnwrap(try devnet.rpc("devnet_gasCSV") as? String)
        let gas = Dictionary(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }.map { (String($0[0]), Int($0[2]) ?? 0) }) { x, _ in x }
        for (operation, range) in [
            ("finalizeMigrateDelegator.orchestrator", 1_000_000...1_400_000), ("finalizeMigrateDelegator.fromPool", 800_000...1_200_000),
            ("finalizeMigrateDelegator.noPool", 450_000...700_000), ("claimStake.fromPool", 900_000...1_200_000), ("claimStake.noPool", 450_000...700_000),
            ("claimStake.feesOnly", 50_000...120_000),
        ] {
            XCTAssertTrue(range.contains(gas[operation] ?? 0), "\(operation): \(gas[operation] ?? 0)")
        }
    }

    func testTheMigrationRehearsalRunsEveryPathAndAgreesWithTheDevnet() throws {
        _ = try Devnet.python()
        let dir = try temporaryDirectory(self)
        let (status, text) = try Devnet.rehearse("devnet-rehearse-migration.sh", in: dir)
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains("matches --root"), text)
        let window = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("window.json"))) as? [String: Any])
        XCTAssertEqual(window["stakeMode"] as? String, "l1+l2")
        let yes = try XCTUnwrap(window["yes"] as? String), no = try XCTUnwrap(window["no"] as? String)
        XCTAssertTrue(text.contains("the devnet's own, from the contracts: yes \(yes) no \(no) of"), text)
        let operations = Set(
            try String(contentsOf: dir.appendingPathComponent("gas.csv"), encoding: .utf8).split(separator: "\n").map { String($0.split(separator: ",")[0]) })
        for op in ["claimStake.noPool", "finalizeMigrateDelegator.orchestrator", "finalizeMigrateDelegator.noPool", "finalizeMigrateDelegator.fromPool"] {
            XCTAssertTrue(operations.contains(op), "gas.csv has \(op)")
        }
    }
}
