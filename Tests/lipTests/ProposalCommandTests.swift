import BigInt
import Foundation
import LIPTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif
import XCTest

@testable import LIPEthereum
@testable import LIPLedger

/// `lip ledger import governor-state`, `lip proposal list/tally/export` on files written by
/// `GovernorScenario`: O1 (1,000 LPT with its delegators) votes For, its delegator D1 (100)
/// overrides Against, O2 (500) does not vote while its delegator D3 (200) votes For, D4 (70)
/// delegated to a non-orchestrator abstains. Counted: For 900 + 200 = 1,100, Against 100, Abstain 70.
final class ProposalCommandTests: XCTestCase {
    static let wei = BigUInt(10).power(18)

    static func scenario() -> GovernorScenario {
        let a = GovernorScenario.address
        let o1 = a(0x01), o2 = a(0x02), d1 = a(0x11), d3 = a(0x13), d4 = a(0x14), x = a(0x20), y = a(0x21)
        var s = GovernorScenario()
        s.description = "---\nlip: 120\n---\n# Fund the *test* SPE | phase 2\n\nBody.\n"
        s.votes = [
            .init(d1, 0, 100 * wei, reason: "Too expensive <b>|</b> @team"), .init(o1, 1, 1000 * wei, reason: "Good value\nfor the network"),
            .init(d3, 1, 200 * wei), .init(d4, 2, 70 * wei, reason: "=HYPERLINK(\"x\")"),
        ]
        s.delegations = [o1: o1, o2: o2, d1: o1, d3: o2, d4: x, x: y]
        s.totalSupply = 3000 * wei
        s.onchain = (against: 100 * wei, for: 1100 * wei, abstain: 70 * wei)
        return s
    }

    /// A folder with the scenario's files imported into `ledger.sqlite`.
    func imported(_ s: GovernorScenario) throws -> URL {
        let dir = try temporaryDirectory(self)
        try write(s.logsJSON(), "governor-logs.json", in: dir)
        try write(s.stateJSON(), "governor-state.json", in: dir)
        var r = try lip(["ledger", "import", "logs", "governor-logs.json", "--chain", "l2", "--db", "ledger.sqlite"], in: dir)
        XCTAssertEqual(r.code, 0, r.stderr)
        r = try lip(["ledger", "import", "governor-state", "governor-state.json", "--db", "ledger.sqlite"], in: dir)
        XCTAssertEqual(r.code, 0, r.stderr)
        return dir
    }

    func testTallyListAndExportsOfAProposalWithOverrides() throws {
        let s = Self.scenario()
        let dir = try imported(s)
        let id = String(s.proposalID)
        let list = try lip(["proposal", "list", "--db", "ledger.sqlite"], in: dir)
        XCTAssertEqual(list.code, 0, list.stderr)
        assertGolden(list.stdout, "proposal-list.txt")
        let json = try lip(["proposal", "tally", id, "--db", "ledger.sqlite", "--format", "json"], in: dir)
        XCTAssertEqual(json.code, 0, json.stderr)
        assertGolden(json.stdout, "proposal-tally.json")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["for"] as? String, String(1100 * Self.wei))
        XCTAssertEqual(object["against"] as? String, String(100 * Self.wei))
        XCTAssertEqual(object["abstain"] as? String, String(70 * Self.wei))
        XCTAssertEqual(object["matchesChain"] as? Bool, true)
        XCTAssertEqual(object["result"] as? String, "succeeded")
        XCTAssertEqual(
            Set(object.keys),
            [
                "proposal", "snapshot", "deadline", "quorumNumerator", "quota", "totalSupply", "for", "against", "abstain", "quorumMet", "result", "provisional",
                "onchain", "matchesChain", "voters", "warnings", "inputsDigest",
            ])
        let text = try lip(["proposal", "tally", id, "--db", "ledger.sqlite"], in: dir)
        assertGolden(text.stdout, "proposal-tally.txt")
        // The same by its 0x hex id.
        let hex = try lip(["proposal", "tally", "0x" + String(s.proposalID, radix: 16), "--db", "ledger.sqlite", "--format", "json"], in: dir)
        XCTAssertEqual(hex.stdout, json.stdout)
        for (format, golden) in [("forum", "proposal-forum.md"), ("csv", "proposal.csv"), ("svg", "proposal.svg")] {
            let r = try lip(["proposal", "export", id, "--db", "ledger.sqlite", "--format", format], in: dir)
            XCTAssertEqual(r.code, 0, r.stderr)
            assertGolden(r.stdout, golden)
            if format == "svg" { XCTAssertTrue(XMLParser(data: Data(r.stdout.utf8)).parse(), "the SVG is well-formed XML") }
        }
        let exported = try lip(["proposal", "export", id, "--db", "ledger.sqlite", "--format", "json"], in: dir)
        XCTAssertEqual(exported.stdout, json.stdout)
    }

    func testOnChainTotalsThatDifferExitOneAndSayWhich() throws {
        var s = Self.scenario()
        // The subgraph's way: the raw VoteCast weights summed (For 1,200, Against 100, Abstain 70).
        s.onchain = (against: 100 * Self.wei, for: 1200 * Self.wei, abstain: 70 * Self.wei)
        let dir = try imported(s)
        let r = try lip(["proposal", "tally", String(s.proposalID), "--db", "ledger.sqlite"], in: dir)
        XCTAssertEqual(r.code, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("for: counted 1100000000000000000000 wei, on chain 1200000000000000000000 wei"), r.stdout)
        XCTAssertTrue(r.stderr.contains("differ from proposalVotes"), r.stderr)
        let json = try lip(["proposal", "tally", String(s.proposalID), "--db", "ledger.sqlite", "--format", "json"], in: dir)
        XCTAssertEqual(json.code, 1)
        XCTAssertTrue(json.stdout.contains("\"matchesChain\": false"), json.stdout)
    }

    func testImportsAreIdempotentAndBadStateChangesNothing() throws {
        let s = Self.scenario()
        let dir = try imported(s)
        var r = try lip(["ledger", "import", "governor-state", "governor-state.json", "--db", "ledger.sqlite"], in: dir)
        XCTAssertEqual(r.code, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("0 rows added, 1 already present"), r.stdout)
        r = try lip(["ledger", "import", "logs", "governor-logs.json", "--chain", "l2", "--db", "ledger.sqlite"], in: dir)
        XCTAssertTrue(r.stdout.contains("0 rows added, 5 already present"), r.stdout)
        let before = try sqlite3(dir.appendingPathComponent("ledger.sqlite"), "SELECT * FROM proposal_views; SELECT * FROM proposal_delegations;")
        let bad: [(String, String)] = [
            (
                s.stateJSON().replacingOccurrences(of: "\"state\": 4", with: "\"state\": 9"),
                "proposals[0].state: expected an integer 0 to 7 (the governor's state()), found the number 9"
            ),
            (s.stateJSON().replacingOccurrences(of: "\"quota\": \"500000\"", with: "\"quota\": \"5e5\""), "proposals[0].quota: `5e5` is not a whole number of wei"),
            (
                s.stateJSON().replacingOccurrences(of: "\"quorumNumerator\": \"333300\"", with: "\"quorumNumerator\": \"3333000\""),
                "proposals[0].quorumNumerator: `3333000` is more than 1000000"
            ),
            (s.stateJSON().replacingOccurrences(of: "0x0000000000000000000000000000000000000021", with: "0x00000000000000000000000000000000000000zz"), "is not an address"),
            ("[1, 2]", "not a JSON object"),
        ]
        for (text, message) in bad {
            // The good proposal first, then the bad one: nothing of the file may land.
            try write(text, "bad.json", in: dir)
            r = try lip(["ledger", "import", "governor-state", "bad.json", "--db", "ledger.sqlite"], in: dir)
            XCTAssertEqual(r.code, 2, text)
            XCTAssertTrue(r.stderr.contains("bad.json"), r.stderr)
            XCTAssertTrue(r.stderr.contains(message), "\(r.stderr) lacks \(message)")
            XCTAssertFalse(r.stderr.contains("Fatal error"))
        }
        XCTAssertEqual(try sqlite3(dir.appendingPathComponent("ledger.sqlite"), "SELECT * FROM proposal_views; SELECT * FROM proposal_delegations;"), before)
    }

    func testASecondVoteOfOneVoterAndABadSupportAreRefused() throws {
        var s = Self.scenario()
        s.votes.append(.init(GovernorScenario.address(0x11), 1, 100 * Self.wei))
        let dir = try temporaryDirectory(self)
        try write(s.logsJSON(), "logs.json", in: dir)
        var r = try lip(["ledger", "import", "logs", "logs.json", "--chain", "l2", "--db", "ledger.sqlite"], in: dir)
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("logs.json") && r.stderr.contains("log 5") && r.stderr.contains("a second vote of 0x0000000000000000000000000000000000000011"), r.stderr)
        XCTAssertEqual(try sqlite3(dir.appendingPathComponent("ledger.sqlite"), "SELECT count(*) FROM proposal_votes; SELECT count(*) FROM logs;"), "0\n0\n")
        s = Self.scenario()
        s.votes[0].support = 3
        try write(s.logsJSON(), "logs.json", in: dir)
        r = try lip(["ledger", "import", "logs", "logs.json", "--chain", "l2", "--db", "ledger.sqlite"], in: dir)
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("support 3 is not 0 (against), 1 (for) or 2 (abstain)"), r.stderr)
    }

    func testWithoutViewsTheListSaysWhatTheLifecycleLogsSay() throws {
        var s = Self.scenario()
        s.canceled = true
        let dir = try temporaryDirectory(self)
        try write(s.logsJSON(), "logs.json", in: dir)
        XCTAssertEqual(try lip(["ledger", "import", "logs", "logs.json", "--chain", "l2", "--db", "l.sqlite"], in: dir).code, 0)
        let list = try lip(["proposal", "list", "--db", "l.sqlite", "--format", "json"], in: dir)
        XCTAssertTrue(list.stdout.contains("\"state\": \"canceled\""), list.stdout)
        // No views: a tally says what to import.
        let tally = try lip(["proposal", "tally", String(s.proposalID), "--db", "l.sqlite"], in: dir)
        XCTAssertEqual(tally.code, 2)
        XCTAssertTrue(tally.stderr.contains("lip ledger import governor-state FILE"), tally.stderr)
    }

    func testSavedResultAndAWorkspace() throws {
        let ws = try initWorkspace(self)
        let s = Self.scenario()
        try write(s.logsJSON(), "logs.json", in: ws)
        try write(s.stateJSON(), "state.json", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "logs", "logs.json", "--chain", "l2"], in: ws).code, 0)
        XCTAssertEqual(try lip(["ledger", "import", "governor-state", "state.json"], in: ws).code, 0)
        let saved = try lip(["proposal", "tally", String(s.proposalID), "--save", "--format", "json"], in: ws)
        XCTAssertEqual(saved.code, 0, saved.stderr)
        XCTAssertEqual(try read("Proposals/\(s.proposalID)/result.json", in: ws), saved.stdout)
        XCTAssertEqual(try lip(["proposal", "export", String(s.proposalID)], in: ws).code, 0)
        // A different state read since: the export refuses to contradict the saved result.
        var later = s
        later.state = 7
        try write(later.stateJSON(), "state.json", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "governor-state", "state.json"], in: ws).code, 0)
        let refused = try lip(["proposal", "export", String(s.proposalID)], in: ws)
        XCTAssertEqual(refused.code, 1)
        XCTAssertTrue(refused.stderr.contains("Proposals/\(s.proposalID)/result.json is not what the ledger"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains(#""inputsDigest" is ""#), refused.stderr)
    }

    /// A vote goes only to the network's governor: a proposal the ledger holds for another
    /// contract is refused, naming both; on the network that names that governor, the chain id is
    /// that network's.
    func testAVoteOnAnotherNetworksGovernorIsRefused() throws {
        var s = Self.scenario()
        s.state = 1  // Active
        let dir = try imported(s)
        let id = String(s.proposalID)
        let r = try lip(["proposal", "vote", id, "for", "--db", "ledger.sqlite"], in: dir)
        XCTAssertEqual(r.code, 1, r.stderr)
        XCTAssertTrue(
            r.stderr.contains(
                "is in the ledger for governor \(s.governor.checksummed), but network mainnet's livepeer-governor is 0xcFE4E2879B786C3aa075813F0E364bb5acCb6aa0"),
            r.stderr)
        XCTAssertEqual(r.stdout, "")
        // The same files in a ledger of a network whose governor it is.
        try write(
            "rehearsal:\n  l2:\n    chain-id: 412346\n    poll-creator: \"0x\(String(repeating: "11", count: 20))\"\n    bonding-manager: \"0x\(String(repeating: "22", count: 20))\"\n"
                + "    livepeer-governor: \"\(s.governor.checksummed)\"\n", "networks.yaml", in: dir)
        for args in [["logs", "governor-logs.json", "--chain", "l2"], ["governor-state", "governor-state.json"]] {
            let imported = try lip(["ledger", "import"] + args + ["--db", "rehearsal.sqlite", "--network", "rehearsal", "--networks", "networks.yaml"], in: dir)
            XCTAssertEqual(imported.code, 0, imported.stderr)
        }
        let own = try lip(["proposal", "vote", id, "for", "--db", "rehearsal.sqlite", "--networks", "networks.yaml", "--format", "json"], in: dir)
        XCTAssertEqual(own.code, 0, own.stderr)
        XCTAssertTrue(own.stdout.contains("\"chainId\": 412346") && own.stdout.contains(s.governor.checksummed), own.stdout)
    }
}
