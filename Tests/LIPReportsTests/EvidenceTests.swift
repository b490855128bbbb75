import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPCore
@testable import LIPDocuments
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTally
@testable import LIPReports

/// Evidence says only what is true: a report's reproduce block lists the imports of ITS poll,
/// a --full sync makes a partial snapshot whole, links follow the network.
final class EvidenceTests: XCTestCase {
    func addr(_ byte: String) -> Address { Address("0x" + String(repeating: byte, count: 20))! }

    /// A logs file with `voters`' votes on `poll`.
    func votesFile(_ name: String, poll: Address, voters: [Address], block: Int, in dir: URL) throws -> URL {
        let logs = voters.enumerated().map { i, voter in
            """
            {"address":"\(poll.lowercased)","topics":["\(LedgerEvent.vote.topic0)","\(Hex.prefixed(ABI.encode(address: voter)))"],"data":"\(Hex.prefixed(ABI.encode(uint: 1)))","blockNumber":"0x\(String(block + i, radix: 16))","logIndex":"0x0","transactionHash":"0x\(String(format: "%064x", block * 100 + i))"}
            """
        }
        let url = dir.appendingPathComponent(name)
        try Data(("[\n" + logs.joined(separator: ",\n") + "\n]\n").utf8).write(to: url)
        return url
    }

    func stake(block: Int, accounts: [Address], partial: Bool) -> SyncedStake {
        SyncedStake(
            chain: .l2, block: block, blockHash: Hex.prefixed(Array(repeating: UInt8(block % 256), count: 32)), l1Block: block,
            accounts: accounts.map { SnapshotAccount(account: $0, delegate: $0, stake: 10, delegatedStake: 10, registered: true, active: nil, fees: nil) },
            totalActive: 100, partial: partial)
    }

    func testAReportListsTheImportsOfItsOwnPollOnly() throws {
        let dir = try temporaryDirectory(self)
        let ledger = try Ledger(path: dir.appendingPathComponent("l.sqlite").path, create: true)
        let (a, b, c) = (addr("a1"), addr("b2"), addr("c3"))
        _ = try ledger.importLogs(try votesFile("a.json", poll: a, voters: [addr("01")], block: 10, in: dir), path: "a.json", chain: .l2)
        _ = try ledger.importLogs(try votesFile("b.json", poll: b, voters: [addr("02")], block: 20, in: dir), path: "b.json", chain: .l2)
        _ = try ledger.storeSync(
            logs: [], stake: stake(block: 50, accounts: [addr("03")], partial: true),
            record: ImportRecord(kind: .sync, file: c.checksummed, sha256: "c", poll: c, network: "devnet"))
        func files(_ poll: Address, _ blocks: [Int]) throws -> [String] {
            try ledger.imports(for: .poll(poll, snapshots: blocks.map { (.l2, $0) }, migrations: false)).map(\.file)
        }
        XCTAssertEqual(try files(a, []), ["a.json"])
        XCTAssertEqual(try files(b, []), ["b.json"])
        XCTAssertEqual(try files(c, [50]), [c.checksummed])
        XCTAssertEqual(try files(a, [50]), [c.checksummed, "a.json"], "a poll weighed with another poll's synced snapshot lists that sync")
        XCTAssertEqual(try ledger.imports().count, 3, "the ledger holds all three")
        XCTAssertEqual(try ledger.imports(for: .governor).map(\.file), [])
    }

    func testAFullSyncMakesAPartialSnapshotWhole() throws {
        let dir = try temporaryDirectory(self)
        let ledger = try Ledger(path: dir.appendingPathComponent("l.sqlite").path, create: true)
        let poll = addr("a1")
        let partial = stake(block: 50, accounts: [addr("01")], partial: true)
        _ = try ledger.storeSync(logs: [], stake: partial, record: ImportRecord(kind: .sync, file: poll.checksummed, sha256: "p", poll: poll))
        XCTAssertEqual(try ledger.snapshots().map(\.partial), [true])
        // A partial sync again keeps it partial.
        _ = try ledger.storeSync(logs: [], stake: partial, record: ImportRecord(kind: .sync, file: poll.checksummed, sha256: "p", poll: poll))
        XCTAssertEqual(try ledger.snapshots().map(\.partial), [true])
        // --full reads every delegator: the snapshot is whole, and the full sync is recorded (even had it found no new account).
        let full = stake(block: 50, accounts: [addr("01")], partial: false)
        _ = try ledger.storeSync(logs: [], stake: full, record: ImportRecord(kind: .sync, file: poll.checksummed, sha256: "f", poll: poll, full: true))
        XCTAssertEqual(try ledger.snapshots().map(\.partial), [false])
        XCTAssertEqual(try ledger.imports().map(\.full), [false, true])
        XCTAssertEqual(try ledger.status().json.serialized(pretty: false).contains(#""partial":false"#), true)
        // A partial sync after it does not make it partial again.
        _ = try ledger.storeSync(logs: [], stake: partial, record: ImportRecord(kind: .sync, file: poll.checksummed, sha256: "p", poll: poll))
        XCTAssertEqual(try ledger.snapshots().map(\.partial), [false])
    }

    func testExplorerLinksFollowTheNetwork() throws {
        let dir = try temporaryDirectory(self)
        let workspace = Workspace(root: dir)
        XCTAssertEqual(Explorers.of(network: nil, workspace: nil), .mainnet)
        XCTAssertEqual(Explorers.of(network: "mainnet", workspace: workspace), .mainnet)
        XCTAssertEqual(Explorers.of(network: "devnet", workspace: workspace).addressPages, [:])
        try Data("devnet:\n  l2:\n    chain-id: 1337\n    explorer: https://explorer.devnet.example\n".utf8).write(to: dir.appendingPathComponent("networks.yaml"))
        let devnet = Explorers.of(network: "devnet", workspace: workspace)
        XCTAssertEqual(devnet.url(addr("ab"), on: .l2), "https://explorer.devnet.example/address/" + addr("ab").checksummed)
        XCTAssertNil(devnet.url(addr("ab"), on: .l1))

        // A poll without a LIP is named by its address; without an explorer nothing links to Arbiscan.
        let positions = [Position(account: addr("01").lowercased, delegate: nil, stake: Amount.weiPerLPT, delegatedStake: 0, registered: false, active: false, domain: .l2)]
        let result = TallyEngine.tally(
            TallyInputs(
                poll: PollParameters(address: addr("90"), lip: nil, chain: .l2, endBlock: 10, quorum: 1, quota: 500000), stakeMode: .l2, quorumBase: .bonded,
                snapshots: [SnapshotReference(chain: .l2, block: 3, l1Block: 10)], provisional: false, positions: positions,
                votes: [CastVote(voter: addr("01").lowercased, choice: "0", block: 1, logIndex: 0)]))
        var report = PollReport(result: result)
        report.explorers = Explorers(addressPages: [:])
        let post = report.forumPost
        XCTAssertTrue(post.hasPrefix("## Poll \(addr("90").short) — poll result\n"), post)
        XCTAssertFalse(post.contains("arbiscan") || post.contains("etherscan"), post)
        XCTAssertTrue(report.svg.contains("<title>Poll \(addr("90").short) — "), report.svg)
        report.explorers = .mainnet
        XCTAssertTrue(report.forumPost.contains("https://arbiscan.io/address/\(addr("01").checksummed)"))
    }
}
