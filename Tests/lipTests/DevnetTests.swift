import Foundation
import LIPTestSupport
import XCTest

/// The devnet as a person uses it: Livepeer's own contracts, served until killed, every method
/// listed in its --help, geth's answers where geth has a documented form, and the one-command
/// rehearsal (Scripts/devnet-rehearse.sh) with the gas of every protocol operation.
final class DevnetTests: XCTestCase {
    func testItServesUntilKilledListsEveryMethodAndAnswersLikeGeth() throws {
        // --help lists every devnet_ method the devnet defines.
        let help = Process()
        help.executableURL = URL(fileURLWithPath: try Devnet.python())
        help.arguments = [packageRoot.appendingPathComponent("Tests/Devnet/devnet.py").path, "--help"]
        let out = Pipe()
        help.standardOutput = out
        try help.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        help.waitUntilExit()
        let source = try String(contentsOf: packageRoot.appendingPathComponent("Tests/Devnet/devnet.py"), encoding: .utf8)
        let defined = Set(
            source.split(separator: "\n").compactMap { line -> String? in
                guard let r = line.range(of: "    def devnet_") else { return nil }
                return "devnet_" + line[r.upperBound...].prefix { $0.isLetter || $0.isNumber }
            })
        XCTAssertGreaterThan(defined.count, 20)
        for method in defined { XCTAssertTrue(text.contains("\n  \(method)("), "--help lists \(method)") }
        XCTAssertTrue(text.contains("--networks-out FILE") && text.contains("--stdin"), text)

        // Standard input closed, as `&` or nohup leave it: it keeps serving until killed.
        let devnet = try Devnet(untilInputCloses: false)
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertTrue(devnet.isRunning, "serving with standard input closed")
        XCTAssertNotNil(try devnet.rpc("eth_blockNumber") as? String)
        // Multicall3 at its canonical address, from its presigned transaction.
        let code = try XCTUnwrap(try devnet.rpc("eth_getCode", ["0xcA11bde05977b3631167028862bE2a173976CA11", "latest"]) as? String)
        XCTAssertEqual(code.count, 2 + 2 * 3_808, "Multicall3's 3,808 bytes of runtime")
        // Full transactions and receipts: the creations name their contract.
        var creations: [String] = []
        for n in 1...12 {
            let block = try XCTUnwrap(try devnet.rpc("eth_getBlockByNumber", ["0x" + String(n, radix: 16), true]) as? [String: Any])
            for tx in block["transactions"] as? [[String: Any]] ?? [] where tx["to"] is NSNull {
                let receipt = try XCTUnwrap(try devnet.rpc("eth_getTransactionReceipt", [tx["hash"] as? String ?? ""]) as? [String: Any])
                creations.append(try XCTUnwrap(receipt["contractAddress"] as? String))
            }
        }
        XCTAssertTrue(creations.contains(devnet.info.bondingManager), "the BondingManager's proxy: \(creations)")
        XCTAssertTrue(creations.contains("0xcA11bde05977b3631167028862bE2a173976CA11"), "Multicall3: \(creations)")
        let fees = try XCTUnwrap(try devnet.rpc("eth_feeHistory", ["0x2", "latest", [50]]) as? [String: Any])
        XCTAssertEqual((fees["baseFeePerGas"] as? [String])?.count, 3)
        XCTAssertEqual((fees["reward"] as? [[String]])?.count, 2)
        // A batch over the limit: geth's array of one -32600 error with the first call's id.
        try devnet.rpc("devnet_setFaults", [["batchLimit": 2]])
        let calls = (7...9).map { ["jsonrpc": "2.0", "id": $0, "method": "eth_blockNumber", "params": []] as [String: Any] }
        let refused = try XCTUnwrap(try devnet.post(calls) as? [[String: Any]])
        XCTAssertEqual(refused.count, 1)
        XCTAssertEqual(refused.first?["id"] as? Int, 7)
        XCTAssertEqual((refused.first?["error"] as? [String: Any])?["code"] as? Int, -32600)
        XCTAssertEqual((refused.first?["error"] as? [String: Any])?["message"] as? String, "batch too large")
        XCTAssertEqual(devnet.terminate(), 0, "SIGTERM stops it cleanly")
    }

    func testTheRehearsalRunsAPollAndAProposalAndRecordsTheGasOfEveryOperation() throws {
        _ = try Devnet.python()
        let dir = try temporaryDirectory(self)
        let (status, text) = try Devnet.rehearse("devnet-rehearse.sh", in: dir)
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains("Result: YES"), text)
        XCTAssertTrue(text.contains("On chain: proposalVotes matches the counted totals"), text)
        // lip's poll tally is the devnet's own, computed from the contracts' views.
        let poll = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("poll.json"))) as? [String: Any])
        let yes = try XCTUnwrap(poll["yes"] as? String), no = try XCTUnwrap(poll["no"] as? String)
        XCTAssertTrue(text.contains("the devnet's own tally from the contracts' views: yes \(yes) no \(no) -> yes"), text)
        let proposal = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("proposal.json"))) as? [String: Any])
        XCTAssertEqual(proposal["matchesChain"] as? Bool, true)
        XCTAssertEqual(proposal["result"] as? String, "succeeded")
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("poll.md"), encoding: .utf8).contains("0x"))
        // Every protocol operation it ran, with its receipt's gas and transaction.
        let csv = try String(contentsOf: dir.appendingPathComponent("gas.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.first, ["operation", "chain", "gas", "tx"])
        for row in rows.dropFirst() {
            XCTAssertEqual(row.count, 4, "\(row)")
            XCTAssertEqual(row[1], "l2")
            XCTAssertGreaterThan(Int(row[2]) ?? 0, 21_000, "\(row)")
            XCTAssertTrue(row[3].hasPrefix("0x") && row[3].count == 66, "\(row)")
        }
        let operations = Set(rows.dropFirst().map { $0[0] })
        for op in [
            "bond", "unbond", "rebond", "transcoder", "reward", "claimEarnings", "withdrawStake", "vote", "createPoll", "propose", "castVote", "castVoteWithReason", "queue",
            "execute",
        ] {
            XCTAssertTrue(operations.contains(op), "gas.csv has \(op)")
        }
    }
}

/// `lip reconcile` on a workspace whose LIP's poll and proposal ran on the devnet.
final class DevnetReconcileTests: XCTestCase {
    func testAWorkspaceWhosePollAndProposalRanOnTheDevnetReconciles() throws {
        let devnet = try Devnet(pollPeriod: 30)
        let ws = try temporaryDirectory(self)
        try write(devnet.networksYAML, "networks.yaml", in: ws)
        try write(
            "---\nlip: 7\ntitle: Rehearsed on the devnet\nauthor: A (@a)\ntype: Standard Track\nstatus: Proposed\ncreated: 2026-12-01\ndiscussions-to: https://forum.livepeer.org/t/7\n---\n\n## Abstract\n\nText.\n",
            "LIPs/LIP-7.md", in: ws)
        let a = try devnet.accounts(6)
        try devnet.orchestrator(a[1], lpt: "1000")
        try devnet.rpc("devnet_bond", [a[2], a[1], "300000000000000000000"])
        try devnet.nextRound()
        try devnet.rpc("devnet_reward", [a[1]])
        let created = try XCTUnwrap(try devnet.rpc("devnet_createPoll", [a[1], "QmLIP7"]) as? [String: Any])
        let poll = try XCTUnwrap(created["poll"] as? String), end = try XCTUnwrap(created["endBlock"] as? Int)
        try write(
            "lip: 7\ncid: QmLIP7\nchain: l2\nstake: l2\nquorum-base: active\naddress: \"\(poll)\"\nendBlock: \(end)\nquorum: 333300\nquota: 500000\n",
            "Polls/LIP-7/poll.yaml", in: ws)
        try devnet.rpc("devnet_vote", [a[1], poll, 0])
        try devnet.rpc("devnet_vote", [a[2], poll, 1])
        let proposal = try XCTUnwrap((try devnet.rpc("devnet_propose", [a[1], "---\nlip: 7\n---\n# Rehearsed on the devnet\n"]) as? [String: Any])?["id"] as? String)
        try devnet.nextRound(2)
        try devnet.rpc("devnet_castVote", [a[1], proposal, 1, "yes"])
        try devnet.rpc("devnet_mine", [35])
        let sync = ["--network", "devnet", "--networks", "networks.yaml", "--rpc", devnet.url]
        for command in [["ledger", "sync", "poll", "7"] + sync, ["ledger", "sync", "proposals"] + sync] {
            let r = try lip(command, in: ws)
            XCTAssertEqual(r.code, 0, "\(command): \(r.stderr)")
        }
        // The poll ended yes (the orchestrator outweighs its overriding delegator): LIP-7 is behind.
        // The devnet's ledger is its own (.lip/ledger-devnet.sqlite): the mainnet one has nothing.
        XCTAssertTrue(FileManager.default.fileExists(atPath: ws.appendingPathComponent(".lip/ledger-devnet.sqlite").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.appendingPathComponent(".lip/ledger.sqlite").path))
        XCTAssertTrue(try lip(["reconcile"], in: ws).stderr.contains("not compared: no ledger"))
        let behind = try lip(["reconcile", "--network", "devnet"], in: ws)
        XCTAssertEqual(behind.code, 1, behind.stdout + behind.stderr)
        XCTAssertTrue(behind.stdout.contains("reconcile-status-behind"), behind.stdout)
        let fixed = try lip(["reconcile", "--fix", "--network", "devnet"], in: ws)
        XCTAssertEqual(fixed.code, 0, fixed.stdout + fixed.stderr)
        XCTAssertTrue(try read("LIPs/LIP-7.md", in: ws).contains("status: Accepted"))
        let clean = try lip(["reconcile", "--network", "devnet"], in: ws)
        XCTAssertEqual(clean.code, 0, clean.stdout + clean.stderr)
        let listed = try lip(["proposal", "list", "--format", "json", "--network", "devnet"], in: ws)
        XCTAssertTrue(listed.stdout.contains("\"lip\": 7"), listed.stdout)
    }
}
