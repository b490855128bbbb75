import Foundation
import LIPTestSupport
import XCTest

/// A ledger belongs to one network: each network has its own default file, the first write
/// records the network, and a command naming another network on that file is refused.
final class LedgerNetworkTests: XCTestCase {
    let account = "0x" + String(repeating: "0a", count: 20)

    /// A workspace with a networks.yaml naming `devnet` (an L2 only) and `testnet` (both chains).
    func workspace() throws -> URL {
        let ws = try temporaryDirectory(self)
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("LIPs"), withIntermediateDirectories: true)
        try write(
            """
            devnet:
              l2:
                chain-id: 1337
                poll-creator: "0x\(String(repeating: "11", count: 20))"
                bonding-manager: "0x\(String(repeating: "22", count: 20))"
            testnet:
              l1: {chain-id: 5}
              l2: {chain-id: 421613}

            """, "networks.yaml", in: ws)
        try write("account,delegate,stake\n\(account),\(account),1000\n", "s.csv", in: ws)
        return ws
    }

    func importSnapshot(_ extra: [String], in ws: URL) throws -> CLIResult {
        try lip(["ledger", "import", "snapshot", "s.csv", "--chain", "l2", "--block", "100", "--l1-block", "90"] + extra, in: ws)
    }

    func testEachNetworkHasItsOwnFileAndRecordsItself() throws {
        let ws = try workspace()
        XCTAssertEqual(try importSnapshot([], in: ws).code, 0)
        let devnet = try importSnapshot(["--network", "devnet"], in: ws)
        XCTAssertEqual(devnet.code, 0, devnet.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: ws.appendingPathComponent(".lip/ledger.sqlite").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: ws.appendingPathComponent(".lip/ledger-devnet.sqlite").path))
        let mainnet = try lip(["ledger", "status"], in: ws)
        XCTAssertTrue(mainnet.stdout.contains("network: mainnet (l1 chain id 1, l2 chain id 42161)\n"), mainnet.stdout)
        let status = try lip(["ledger", "status", "--network", "devnet"], in: ws)
        XCTAssertEqual(status.code, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("network: devnet (l1 chain id -, l2 chain id 1337)\n"), status.stdout)
        // --db without --network: the file's own network.
        let byFile = try lip(["ledger", "status", "--db", ".lip/ledger-devnet.sqlite", "--format", "json"], in: ws)
        XCTAssertTrue(byFile.stdout.contains("\"network\": {\n    \"name\": \"devnet\",\n    \"l1ChainId\": null,\n    \"l2ChainId\": 1337\n  }"), byFile.stdout)
    }

    func testAnotherNetworkOnAFileIsRefusedAndChangesNothing() throws {
        let ws = try workspace()
        XCTAssertEqual(try importSnapshot([], in: ws).code, 0)
        let file = ws.appendingPathComponent(".lip/ledger.sqlite")
        let before = try sqlite3(file, "SELECT COUNT(*) FROM snapshots")
        for arguments in [
            ["ledger", "import", "snapshot", "s.csv", "--chain", "l2", "--block", "200", "--l1-block", "190", "--db", ".lip/ledger.sqlite", "--network", "devnet"],
            ["ledger", "status", "--db", ".lip/ledger.sqlite", "--network", "testnet"],
            ["poll", "tally", "0x" + String(repeating: "77", count: 20), "--db", ".lip/ledger.sqlite", "--network", "devnet"],
        ] {
            let r = try lip(arguments, in: ws)
            XCTAssertEqual(r.code, 2, "\(arguments)\n\(r.stderr)")
            XCTAssertTrue(r.stderr.contains(".lip/ledger.sqlite is the ledger of network mainnet (l1 chain id 1, l2 chain id 42161), not of "), r.stderr)
            XCTAssertTrue(r.stderr.contains("give --network mainnet to use it, or leave out --db (and $LIP_LEDGER) so that"), r.stderr)
        }
        XCTAssertEqual(try sqlite3(file, "SELECT COUNT(*) FROM snapshots"), before)
        // $LIP_LEDGER is --db's default, and refused alike.
        let env = try lip(["ledger", "status", "--network", "devnet"], in: ws, environment: ["LIP_LEDGER": ".lip/ledger.sqlite"])
        XCTAssertEqual(env.code, 2, env.stderr)
    }

    func testChainIdsChangedInNetworksYAMLAreRefused() throws {
        let ws = try workspace()
        XCTAssertEqual(try importSnapshot(["--network", "devnet"], in: ws).code, 0)
        try write("devnet:\n  l2:\n    chain-id: 31337\n", "networks.yaml", in: ws)
        let r = try importSnapshot(["--network", "devnet"], in: ws)
        XCTAssertEqual(r.code, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("is the ledger of network devnet (l1 chain id -, l2 chain id 1337), not of devnet (l1 chain id -, l2 chain id 31337)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("networks.yaml now gives devnet other chain ids"), r.stderr)
    }

    /// A ledger written before networks were recorded is stamped by the next command that writes it.
    func testALedgerWithoutANetworkIsStampedByTheNextWrite() throws {
        let ws = try workspace()
        XCTAssertEqual(try importSnapshot(["--db", "old.sqlite"], in: ws).code, 0)
        let file = ws.appendingPathComponent("old.sqlite")
        try sqlite3(file, "DELETE FROM ledger_network")
        let unstamped = try lip(["ledger", "status", "--db", "old.sqlite"], in: ws)
        XCTAssertTrue(unstamped.stdout.contains("network: not recorded yet"), unstamped.stdout)
        // Reading does not stamp it.
        XCTAssertEqual(try sqlite3(file, "SELECT COUNT(*) FROM ledger_network"), "0\n")
        let write = try lip(["ledger", "import", "snapshot", "s.csv", "--chain", "l2", "--block", "101", "--l1-block", "91", "--db", "old.sqlite", "--network", "testnet"], in: ws)
        XCTAssertEqual(write.code, 0, write.stderr)
        XCTAssertEqual(try sqlite3(file, "SELECT name || '|' || l1_chain_id || '|' || l2_chain_id FROM ledger_network"), "testnet|5|421613\n")
    }

    func testABadNetworkNameIsNamed() throws {
        let ws = try workspace()
        let r = try importSnapshot(["--network", "../x"], in: ws)
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.stderr.contains("`../x` is not a network name"), r.stderr)
        let missing = try importSnapshot(["--network", "nowhere"], in: ws)
        XCTAssertEqual(missing.code, 2)
        XCTAssertTrue(missing.stderr.contains("networks.yaml defines no network `nowhere`"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.appendingPathComponent(".lip/ledger-nowhere.sqlite").path))
    }

    /// A sync of a contract the network does not name is refused before the ledger is opened or
    /// any node asked (the node here is a closed port: its error would show otherwise).
    func testASyncOfAContractTheNetworkDoesNotNameIsRefusedBeforeAnyNode() throws {
        let dir = try temporaryDirectory(self)
        try write(
            "dev:\n  l2:\n    chain-id: 1337\n    poll-creator: \"0x\(String(repeating: "11", count: 20))\"\n    bonding-manager: \"0x\(String(repeating: "22", count: 20))\"\n",
            "networks.yaml", in: dir)
        for (what, missing) in [("migrations", "names no l2 `l2-migrator`"), ("treasury", "names no l2 `treasury`")] {
            let run = try lip(["ledger", "sync", what, "--network", "dev", "--networks", "networks.yaml", "--rpc", "http://127.0.0.1:9", "--db", "l.sqlite"], in: dir)
            XCTAssertEqual(run.code, 2, what)
            XCTAssertTrue(run.stderr.contains(missing) && !run.stderr.contains("127.0.0.1"), run.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("l.sqlite").path), what)
        }
    }
}
