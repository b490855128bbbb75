import Foundation
import LIPTestSupport
import XCTest

/// `lip ledger sync poll` against a real EVM (the devnet): Livepeer's PollCreator creates real
/// polls, votes are real transactions, and in every scenario the tally equals the one the devnet
/// computes from its own state at the deciding block.
final class SyncTests: XCTestCase {
    static let wei = "000000000000000000"

    /// A workspace folder with the devnet's networks.yaml.
    func folder(_ devnet: Devnet) throws -> URL {
        let dir = try temporaryDirectory(self)
        try write(devnet.networksYAML, "networks.yaml", in: dir)
        return dir
    }

    func sync(_ poll: String, _ devnet: Devnet, in dir: URL, db: String = "l.sqlite", extra: [String] = [], environment: [String: String] = [:]) throws -> CLIResult {
        try lip(
            ["ledger", "sync", "poll", poll, "--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url + "/v3/SECRET-KEY?apikey=SECRET", "--db", db] + extra,
            in: dir, environment: ["LIP_RPC_BACKOFF": "0.01"].merging(environment) { $1 })
    }

    /// lip's tally equals the devnet's own.
    func assertTallyMatches(_ poll: String, _ devnet: Devnet, in dir: URL, db: String = "l.sqlite", file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try XCTUnwrap(try devnet.rpc("devnet_expected", [poll]) as? [String: Any])
        let tally = try lip(["poll", "tally", poll, "--db", db, "--format", "json"], in: dir)
        XCTAssertEqual(tally.code, 0, tally.stderr, file: file, line: line)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(tally.stdout.utf8)) as? [String: Any], file: file, line: line)
        for key in ["yes", "no", "totalStake", "result", "provisional"] {
            XCTAssertEqual("\(result[key] ?? "")", "\(expected[key] ?? "")", "\(key)", file: file, line: line)
        }
        let weights = Dictionary(uniqueKeysWithValues: (result["voters"] as? [[String: Any]] ?? []).map { ($0["address"] as? String ?? "", $0["weight"] as? String ?? "") })
        XCTAssertEqual(weights, expected["weights"] as? [String: String], "each voter's weight", file: file, line: line)
        XCTAssertEqual((result["snapshots"] as? [[String: Any]])?.first?["block"] as? Int, expected["block"] as? Int, "read at the deciding block", file: file, line: line)
    }

    func testRandomScenariosTallyAsTheChainSays() throws {
        let devnet = try Devnet(pollPeriod: 40)
        let dir = try folder(devnet)
        let a = try devnet.accounts(20)
        var rng = SeededGenerator(seed: 11)
        // Three orchestrators and twelve delegators spread over them; rewards over two rounds, so
        // that pending stake differs from bonded stake as on mainnet.
        let orchestrators = Array(a[1...3])
        for o in orchestrators { try devnet.orchestrator(o, lpt: "\(Int.random(in: 100...900, using: &rng))") }
        for d in a[4...15] {
            try devnet.rpc("devnet_bond", [d, orchestrators.randomElement(using: &rng)!, "\(Int.random(in: 1...300, using: &rng))" + Self.wei])
        }
        for _ in 0..<2 {
            try devnet.nextRound()
            for o in orchestrators { try devnet.rpc("devnet_reward", [o]) }
        }
        var toldApart = (block: false, bonded: false)
        for scenario in 0..<3 {
            let poll = try devnet.createPoll(by: a[1], "QmScenario\(scenario)")
            // Votes: orchestrators, delegators overriding them, a changed vote, an invalid choice, a voter without stake.
            for voter in [a[1], a[2]] + Array(a[4...15]).filter({ _ in Bool.random(using: &rng) }) + [a[19]] {
                try devnet.rpc("devnet_vote", [voter, poll, Int.random(in: 0...1, using: &rng)])
            }
            try devnet.rpc("devnet_vote", [a[2], poll, 1])  // a changed vote: the last counts
            try devnet.rpc("devnet_vote", [a[4], poll, 7])  // an invalid choice: ignored
            try devnet.rpc("devnet_vote", [a[5], poll, 0])
            try devnet.rpc("devnet_vote", [a[6], poll, 1])
            // Before the end: a delegator moves to another orchestrator (its whole bond goes),
            // another unbonds part and rebonds it, a reward is called in a new round.
            try devnet.rpc("devnet_bond", [a[5], orchestrators[(scenario + 2) % 3], "25" + Self.wei])
            let lock = try XCTUnwrap(try devnet.rpc("devnet_unbond", [a[6], "1" + Self.wei]) as? Int)
            try devnet.rpc("devnet_rebond", [a[6], lock])
            try devnet.nextRound()
            try devnet.rpc("devnet_reward", [a[3]])
            try devnet.rpc("devnet_mine", [45])
            // After the end: stake moves again, and must not count.
            try devnet.rpc("devnet_bond", [a[7], a[2], "999" + Self.wei])
            try devnet.rpc("devnet_bond", [a[1], a[1], "1" + Self.wei])
            try devnet.nextRound()
            for o in orchestrators { try devnet.rpc("devnet_reward", [o]) }
            let r = try sync(poll, devnet, in: dir)
            XCTAssertEqual(r.code, 0, r.stderr)
            try assertTallyMatches(poll, devnet, in: dir)
            // The expectation tells a wrong reader apart: the same votes weigh otherwise at the
            // head (stake moved and rewards after the end), and bonded stake is not pending stake.
            let expected = try XCTUnwrap(try devnet.rpc("devnet_expected", [poll]) as? [String: Any])
            let atHead = try XCTUnwrap(try devnet.rpc("devnet_expected", [poll, "latest"]) as? [String: Any])
            if (atHead["weights"] as? [String: String]) != (expected["weights"] as? [String: String]) { toldApart.block = true }
            if (expected["bondedWeights"] as? [String: String]) != (expected["weights"] as? [String: String]) { toldApart.bonded = true }
        }
        XCTAssertTrue(toldApart.block, "the tally at another block differs")
        XCTAssertTrue(toldApart.bonded, "pending stake differs from bonded stake")
    }

    func testAPollThatHasNotEndedIsProvisionalAndSecondSyncsChangeNothing() throws {
        let devnet = try Devnet(pollPeriod: 200)
        let dir = try folder(devnet)
        let a = try devnet.accounts(6)
        try devnet.orchestrator(a[1], lpt: "500")
        try devnet.rpc("devnet_bond", [a[2], a[1], "200" + Self.wei])
        let poll = try devnet.createPoll(by: a[1], "QmOpen")
        try devnet.rpc("devnet_vote", [a[2], poll, 1])
        XCTAssertEqual(try sync(poll, devnet, in: dir).code, 0)
        try assertTallyMatches(poll, devnet, in: dir)
        let tally = try lip(["poll", "tally", poll, "--db", "l.sqlite"], in: dir).stdout
        XCTAssertTrue(tally.contains("Result: YES (provisional)") || tally.contains("(provisional)"), tally)
        // Nothing new: a second sync changes nothing.
        let before = try dump(dir.appendingPathComponent("l.sqlite"))
        let again = try sync(poll, devnet, in: dir)
        XCTAssertEqual(again.code, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains(": 0 rows added"), again.stdout)
        XCTAssertEqual(try dump(dir.appendingPathComponent("l.sqlite")), before)
    }

    func testProviderFaultsAreSurvivedOrRefusedAndTheSecretNeverShows() throws {
        let devnet = try Devnet(pollPeriod: 30)
        let dir = try folder(devnet)
        let a = try devnet.accounts(12)
        try devnet.orchestrator(a[1], lpt: "800")
        for d in a[2...9] { try devnet.rpc("devnet_bond", [d, a[1], "50" + Self.wei]) }
        let poll = try devnet.createPoll(by: a[1], "QmFaults")
        for v in [a[1]] + Array(a[2...9]) { try devnet.rpc("devnet_vote", [v, poll, v == a[3] ? 1 : 0]) }
        try devnet.rpc("devnet_mine", [35])
        // Faults a real provider gives, each survived: the result is the fault-free one (8 dropped
        // connections in a row: each tried again at once on a new connection).
        let survived: [[String: Int]] = [["http429": 2], ["http500": 3], ["drop": 8], ["slow": 1], ["logsRangeLimit": 4], ["logsResultLimit": 1], ["batchLimit": 2]]
        var outputs: [String] = []
        for (i, fault) in survived.enumerated() {
            try devnet.rpc("devnet_setFaults", [fault])
            let db = "fault-\(i).sqlite"
            let r = try sync(
                poll, devnet, in: dir, db: db, extra: fault["batchLimit"] != nil ? ["--network", "devnet-batches"] : [],
                environment: fault["slow"] != nil ? ["LIP_RPC_TIMEOUT": "1.5"] : [:])
            XCTAssertEqual(r.code, 0, "\(fault): \(r.stderr)")
            try assertTallyMatches(poll, devnet, in: dir, db: db)
            outputs += [r.stdout, r.stderr]
        }
        // Faults that are not passing: exit 2, and nothing is stored (no ledger is even created).
        for (fault, message) in [(["malformed": 1], "a malformed answer"), (["wrongId": 1], "a malformed answer"), (["http500": 20], "failed after")] {
            try devnet.rpc("devnet_setFaults", [fault])
            let r = try sync(poll, devnet, in: dir, db: "refused.sqlite", environment: ["LIP_RPC_RETRIES": "3"])
            XCTAssertEqual(r.code, 2, "\(fault)")
            XCTAssertTrue(r.stderr.contains(message) && r.stderr.contains(devnet.url), "\(fault): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("refused.sqlite").path), "\(fault): nothing stored")
            outputs += [r.stdout, r.stderr]
        }
        try devnet.rpc("devnet_setFaults", [[String: Int]()])
        // The URL's secret is in no output, no reproduce command and no byte of the ledger.
        let db = dir.appendingPathComponent("fault-0.sqlite")
        outputs.append(try lip(["poll", "export", poll, "--db", "fault-0.sqlite"], in: dir).stdout)
        outputs.append(try lip(["ledger", "status", "--db", "fault-0.sqlite"], in: dir).stdout)
        for text in outputs { XCTAssertFalse(text.contains("SECRET"), text) }
        XCTAssertTrue(outputs.contains { $0.contains("lip ledger sync poll \(poll) --network devnet --chain l2") }, "the forum post says how to sync again")
        // A devnet has no block explorer (networks.yaml names none): the post links nowhere.
        let post = outputs[outputs.count - 2]
        XCTAssertFalse(post.contains("arbiscan") || post.contains("etherscan"), post)
        XCTAssertTrue(outputs.last!.contains("; partial (voters and their delegates only"), "ledger status marks the partial snapshot: \(outputs.last!)")
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: db.path + suffix))) ?? Data()
            XCTAssertNil(bytes.range(of: Data("SECRET".utf8)), "ledger\(suffix)")
        }
        // A wrong network for the node: exit 2 before anything is read.
        try write(devnet.networksYAML.replacingOccurrences(of: "chain-id: \(devnet.info.chainId)", with: "chain-id: 42161"), "networks.yaml", in: dir)
        let wrong = try sync(poll, devnet, in: dir, db: "wrong.sqlite")
        XCTAssertEqual(wrong.code, 2)
        XCTAssertTrue(wrong.stderr.contains("serves chain id \(devnet.info.chainId), not 42161"), wrong.stderr)
    }

    /// A node given more than a minute by `$LIP_RPC_TIMEOUT` is waited for: FoundationNetworking's
    /// own 60 s limit once dropped the request and asked again while the node still worked on the
    /// first (a slow node then never answered in time). One request here takes 62 s; with one try
    /// and 120 s, the sync must get it.
    func testANodeGivenMoreThanAMinuteIsWaitedFor() throws {
        let (devnet, dir, poll, _) = try endedPollOfOneVoter("QmPatient")
        try devnet.rpc("devnet_setFaults", [["stall": 62]])
        let r = try sync(poll, devnet, in: dir, environment: ["LIP_RPC_TIMEOUT": "120", "LIP_RPC_RETRIES": "1"])
        XCTAssertEqual(r.code, 0, r.stderr)
        try assertTallyMatches(poll, devnet, in: dir)
    }

    func testAnL1SyncReadsTheRoundAndAFullSyncEveryDelegator() throws {
        let devnet = try Devnet(pollPeriod: 30)
        let dir = try folder(devnet)
        let a = try devnet.accounts(10)
        try devnet.orchestrator(a[1], lpt: "300")
        for d in a[2...7] { try devnet.rpc("devnet_bond", [d, a[1], "20" + Self.wei]) }
        // A bond is Pending until the next round, and only a Bonded delegator can transfer.
        try devnet.nextRound()
        try devnet.rpc("devnet_transferBond", [a[7], a[8], "5" + Self.wei])
        let poll = try devnet.createPoll(by: a[1], "QmL1")
        try devnet.rpc("devnet_vote", [a[2], poll, 1])
        try devnet.rpc("devnet_vote", [a[1], poll, 0])
        try devnet.rpc("devnet_mine", [35])
        let l1 = try sync(poll, devnet, in: dir, db: "l1.sqlite", extra: ["--chain", "l1"])
        XCTAssertEqual(l1.code, 0, l1.stderr)
        let tally = try lip(["poll", "tally", poll, "--db", "l1.sqlite", "--format", "json"], in: dir)
        XCTAssertEqual(tally.code, 0, tally.stderr)
        XCTAssertTrue(tally.stdout.contains("\"stakeMode\": \"l1\""), tally.stdout)
        // --full: every delegator (from Bond, Rebond and TransferBond logs), and both quorum bases.
        let full = try sync(poll, devnet, in: dir, db: "full.sqlite", extra: ["--full"])
        XCTAssertEqual(full.code, 0, full.stderr)
        let status = try lip(["ledger", "status", "--db", "full.sqlite", "--format", "json"], in: dir).stdout
        XCTAssertTrue(status.contains("\"accounts\": 8"), "a[1] to a[8], the transfer's receiver included: \(status)")
        try assertTallyMatches(poll, devnet, in: dir, db: "full.sqlite")
        let bonded = try lip(["poll", "tally", poll, "--db", "full.sqlite", "--quorum-base", "bonded", "--format", "json"], in: dir)
        XCTAssertEqual(bonded.code, 0, bonded.stderr)
        let partialBonded = try lip(["poll", "tally", poll, "--db", "l1.sqlite", "--stake", "l1", "--quorum-base", "bonded"], in: dir)
        XCTAssertEqual(partialBonded.code, 2)
        XCTAssertTrue(partialBonded.stderr.contains("is partial"), partialBonded.stderr)
    }

    /// A devnet whose poll one orchestrator voted in, ended; its folder and four accounts.
    func endedPollOfOneVoter(_ cid: String) throws -> (Devnet, URL, String, [String]) {
        let devnet = try Devnet(pollPeriod: 20)
        let dir = try folder(devnet)
        let a = try devnet.accounts(4)
        try devnet.orchestrator(a[1], lpt: "100")
        let poll = try devnet.createPoll(by: a[1], cid)
        try devnet.rpc("devnet_vote", [a[1], poll, 0])
        try devnet.rpc("devnet_mine", [25])
        return (devnet, dir, poll, a)
    }

    func testASyncKilledHalfwayChangesNothing() throws {
        let (devnet, dir, poll, a) = try endedPollOfOneVoter("QmKilled")
        // A ledger with something in it already.
        try write("account,delegate,stake\n\(a[3].lowercased()),,5\n", "s.csv", in: dir)
        let imported = try lip(
            ["ledger", "import", "snapshot", "s.csv", "--chain", "l1", "--block", "1", "--db", "l.sqlite", "--network", "devnet", "--networks", "networks.yaml"], in: dir)
        XCTAssertEqual(imported.code, 0, imported.stderr)
        let before = try dump(dir.appendingPathComponent("l.sqlite"))
        try devnet.rpc("devnet_setFaults", [["slow": 50]])
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("lip")
        process.arguments = ["ledger", "sync", "poll", poll, "--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url, "--db", "l.sqlite"]
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 4)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        try devnet.rpc("devnet_setFaults", [[String: Int]()])
        XCTAssertEqual(try dump(dir.appendingPathComponent("l.sqlite")), before, "a sync killed halfway changed the ledger")
    }

    /// Every table of a ledger, as sqlite3 dumps it.
    func dump(_ db: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db.path, ".dump"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
