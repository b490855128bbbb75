import Foundation
import LIPTestSupport
import XCTest

/// One poll, one set of rules, one result: poll.yaml states the rules, result.json is what every
/// export shows, and nothing acts on a result the ledger no longer gives.
final class PollRulesTests: XCTestCase {
    let pollAddress = "0x38794D2d8e0EB28926A865B546bc68418Dcc0B05"

    /// The shipped sample with poll.yaml's `stake:` set to `mode`.
    func sample(stake mode: String) throws -> URL {
        let ws = try repositoryCopy(self)
        try importSample(ws)
        let yaml = try read("Polls/LIP-120/poll.yaml", in: ws)
        try write(yaml.replacingOccurrences(of: "stake: l1+l2 ", with: "stake: \(mode) "), "Polls/LIP-120/poll.yaml", in: ws)
        return ws
    }

    /// JSON text as a canonical string with `drop` removed, for comparing objects.
    func canonical(_ text: String, dropping drop: String? = nil) throws -> String {
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        if let drop { object.removeValue(forKey: drop) }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    func testExportsAndResultAgreeInEveryStakeMode() throws {
        for mode in ["l1", "l2", "l1+l2"] {
            let ws = try sample(stake: mode)
            let save = try lip(["poll", "tally", "120", "--save"], in: ws)
            XCTAssertEqual(save.code, 0, "\(mode): \(save.stderr)")
            let saved = try read("Polls/LIP-120/result.json", in: ws)
            XCTAssertTrue(saved.contains("\"stakeMode\": \"\(mode)\""), mode)
            let json = try lip(["poll", "export", "120", "--format", "json"], in: ws)
            XCTAssertEqual(json.code, 0, json.stderr)
            XCTAssertEqual(try canonical(json.stdout, dropping: "lipMetadata"), try canonical(saved), "\(mode): the JSON export is result.json")
            let digest = try XCTUnwrap(saved.split(separator: "\"inputsDigest\": \"").last?.prefix(64))
            let forum = try lip(["poll", "export", "120"], in: ws).stdout
            XCTAssertTrue(forum.contains("Inputs digest: `sha256:\(digest)`"), mode)
            let csv = try lip(["poll", "export", "120", "--format", "csv"], in: ws).stdout
            // Every voter's weight in the CSV is the weight in result.json.
            let savedObject = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])
            for voter in try XCTUnwrap(savedObject["voters"] as? [[String: Any]]) {
                let address = try XCTUnwrap(voter["address"] as? String), weight = try XCTUnwrap(voter["weight"] as? String)
                XCTAssertTrue(csv.contains("\(address),,\(voter["choice"] as? String ?? ""),\(weight),"), "\(mode): \(address) in the CSV")
            }
            // The same without the ledger: the committed result is rendered as saved.
            try FileManager.default.removeItem(at: ws.appendingPathComponent(".lip"))
            let offline = try lip(["poll", "export", "120", "--format", "json"], in: ws)
            XCTAssertEqual(offline.code, 0, offline.stderr)
            XCTAssertEqual(try canonical(offline.stdout), try canonical(json.stdout), mode)
        }
    }

    func testAStaleResultIsRefusedByExportAndAdvance() throws {
        let ws = try sample(stake: "l1+l2")
        XCTAssertEqual(try lip(["poll", "tally", "120", "--save"], in: ws).code, 0)
        let saved = try read("Polls/LIP-120/result.json", in: ws)
        // One more vote reaches the ledger after the result was saved.
        try write("voter,choice,block,log_index\n0x\(String(repeating: "ab", count: 20)),1,6620000,1\n", "late.csv", in: ws)
        XCTAssertEqual(try lip(["ledger", "import", "votes", "late.csv", "--poll", pollAddress], in: ws).code, 0)
        let export = try lip(["poll", "export", "120"], in: ws)
        XCTAssertEqual(export.code, 1)
        // The first field that differs is named, with both values: the late voter.
        XCTAssertTrue(export.stderr.hasPrefix("lip: refused: Polls/LIP-120/result.json is not what the ledger "), export.stderr)
        XCTAssertTrue(
            export.stderr.contains(
                #"gives: "voters[9].address" is "0xFCF0910EbD0340315A301Dc3F580a2236b002e03" in the file but "0xABaBaBaBABabABabAbAbABAbABabababaBaBABaB" by the ledger"#)
                && export.stderr.contains("`lip poll tally 120 --save`"), export.stderr)
        let advance = try lip(["advance", "120", "accepted"], in: ws)
        XCTAssertEqual(advance.code, 1)
        XCTAssertTrue(advance.stderr.contains(#"result.json is not what the ledger .lip/ledger.sqlite gives: "voters[9].address""#), advance.stderr)
        XCTAssertEqual(try read("LIPs/LIP-120.md", in: ws).contains("status: Proposed"), true, "nothing moved")
        XCTAssertEqual(try read("Polls/LIP-120/result.json", in: ws), saved)
        // Saved again, the result stands.
        XCTAssertEqual(try lip(["poll", "tally", "120", "--save"], in: ws).code, 0)
        XCTAssertEqual(try lip(["poll", "export", "120"], in: ws).code, 0)
        let accepted = try lip(["advance", "120", "accepted"], in: ws)
        XCTAssertEqual(accepted.code, 0, accepted.stderr)
    }

    func testAProvisionalResultMovesNothing() throws {
        let ws = try sample(stake: "l1")  // the L1 snapshot predates the poll's end block
        XCTAssertEqual(try lip(["poll", "tally", "120", "--save"], in: ws).code, 0)
        XCTAssertTrue(try read("Polls/LIP-120/result.json", in: ws).contains("\"provisional\": true"))
        let advance = try lip(["advance", "120", "accepted"], in: ws)
        XCTAssertEqual(advance.code, 1)
        XCTAssertTrue(advance.stderr.contains("Polls/LIP-120/result.json is provisional"), advance.stderr)
        let show = try lip(["show", "120"], in: ws).stdout
        XCTAssertTrue(show.contains("accepted: not yet. Polls/LIP-120/result.json is provisional"), show)
    }

    func testWithoutALedgerTheCommittedResultIsTheEvidence() throws {
        let ws = try sample(stake: "l1+l2")
        XCTAssertEqual(try lip(["poll", "tally", "120", "--save"], in: ws).code, 0)
        try FileManager.default.removeItem(at: ws.appendingPathComponent(".lip"))
        let advance = try lip(["advance", "120", "accepted"], in: ws)
        XCTAssertEqual(advance.code, 0, advance.stderr)
    }

    func testOneCIDIsOnePoll() throws {
        let ws = try repositoryCopy(self)
        try importSample(ws)
        // A second PollCreated with the same proposal, from another poll contract.
        let logs = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: ws.appendingPathComponent("Polls/LIP-120/l2-logs.json"))) as? [[String: Any]])
        let pollCreatedTopic = "0x8afbc4e1826cefcfc1e64fd5ff7d8484e700867fdbe36e9b6db047c010a6229e"
        var twin = try XCTUnwrap(logs.first { ($0["topics"] as? [String])?.first == pollCreatedTopic })
        let other = "0x" + String(repeating: "0", count: 24) + String(repeating: "77", count: 20)
        twin["topics"] = [pollCreatedTopic, other]
        twin["transactionHash"] = "0x" + String(repeating: "77", count: 32)
        try JSONSerialization.data(withJSONObject: [twin]).write(to: ws.appendingPathComponent("twin.json"))
        XCTAssertEqual(try lip(["ledger", "import", "logs", "twin.json", "--chain", "l2"], in: ws).code, 0)
        // poll.yaml names the address: that poll decides.
        XCTAssertEqual(try lip(["poll", "tally", "120"], in: ws).code, 0)
        // Without the address, the CID alone names two polls: refused, both listed.
        let yaml = try read("Polls/LIP-120/poll.yaml", in: ws)
        try write(yaml.split(separator: "\n").filter { !$0.hasPrefix("address:") }.joined(separator: "\n") + "\n", "Polls/LIP-120/poll.yaml", in: ws)
        let tally = try lip(["poll", "tally", "120"], in: ws)
        XCTAssertEqual(tally.code, 1)
        XCTAssertTrue(tally.stderr.contains(pollAddress) && tally.stderr.contains("0x7777777777777777777777777777777777777777"), tally.stderr)
        XCTAssertTrue(tally.stderr.contains("set `address:` in Polls/LIP-120/poll.yaml"), tally.stderr)
    }

    func testRulesThatAreNotRulesAreErrorsWithTheLine() throws {
        let ws = try repositoryCopy(self)
        try importSample(ws)
        let yaml = try read("Polls/LIP-120/poll.yaml", in: ws)
        try write(yaml.replacingOccurrences(of: "stake: l1+l2", with: "stake: l3"), "Polls/LIP-120/poll.yaml", in: ws)
        let r = try lip(["poll", "tally", "120"], in: ws)
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(r.stderr, "lip: error: Polls/LIP-120/poll.yaml:5: `stake` `l3` is not l1, l2 or l1+l2\n")
    }

    func testANewPollInTheMigrationWindowCountsBothLedgersAndKeepsItsRulesWhenOpenedAgain() throws {
        let ws = try repositoryCopy(self)
        try FileManager.default.removeItem(at: ws.appendingPathComponent("Polls/LIP-120/poll.yaml"))
        try git(["init", "-q"], ["add", "-A"], ["commit", "-qm", "init"], in: ws)
        let plain = try lip(["poll", "open", "120"], in: ws)
        XCTAssertTrue(plain.stdout.contains("rules: stake l2, quorum base bonded"), "no ledger: L2 only: \(plain.stdout)")
        // The ledger holds an L1 snapshot and migrations to L2: the window is open.
        try importSample(ws)
        try FileManager.default.removeItem(at: ws.appendingPathComponent("Polls/LIP-120/poll.yaml"))
        let window = try lip(["poll", "open", "120"], in: ws)
        XCTAssertTrue(window.stdout.contains("rules: stake l1+l2, quorum base bonded"), window.stdout)
        // Rules edited in poll.yaml stay when the poll is opened again without flags.
        let yaml = try read("Polls/LIP-120/poll.yaml", in: ws)
        try write(yaml.replacingOccurrences(of: "stake: l1+l2 ", with: "stake: l2    "), "Polls/LIP-120/poll.yaml", in: ws)
        let again = try lip(["poll", "open", "120"], in: ws)
        XCTAssertTrue(again.stdout.contains("rules: stake l2, quorum base bonded"), again.stdout)
        XCTAssertEqual(try lip(["poll", "open", "121", "--chain", "l1", "--sentiment"], in: ws).code, 1, "a bundle child is never polled")
        let l1 = try lip(["poll", "open", "124", "--chain", "l1", "--sentiment"], in: ws)
        XCTAssertTrue(l1.stdout.contains("rules: stake l1, quorum base bonded"), "a poll on L1 counts L1: \(l1.stdout)")
    }
}
