import BigInt
import Foundation
import LIPTestSupport
import XCTest
@testable import LIPKit
@testable import LIPCore
@testable import LIPDocuments
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTally
@testable import LIPReports

/// The folder of the test fixtures shipped with this target.
let fixturesRoot: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

/// Copies a fixture folder into a temporary folder and returns the copy.
func copyFixture(_ relative: String, _ test: XCTestCase) throws -> URL {
    let target = try temporaryDirectory(test).appendingPathComponent("ws")
    try FileManager.default.copyItem(at: fixturesRoot.appendingPathComponent(relative), to: target)
    return target
}

/// The text rendering of findings, as `lip lint` prints it.
func render(_ findings: [Finding]) -> String { TextReporter.render(findings) }

/// A LIP file's text with the usual fields, for tests that build workspaces.
func lipText(_ n: Int?, title: String = "Test LIP", type: String = "Meta", status: String = "Draft", extra: String = "", body: String = "## Abstract\n\nText.\n") -> String {
    "---\nlip: \(n.map(String.init) ?? "<to be assigned>")\ntitle: \(title)\nauthor: Test Author (@test)\ntype: \(type)\nstatus: \(status)\ncreated: 2024-01-15\ndiscussions-to: https://forum.livepeer.org/t/test/1\n\(extra)---\n\n\(body)"
}

// Test fixtures write addresses as lowercase strings (`addr("01")`); the domain types hold `Address`.
extension Position {
    init(account: String, delegate: String?, stake: BigUInt, delegatedStake: BigUInt, registered: Bool, active: Bool, domain: Chain) {
        self.init(
            account: Address(lowercase: account)!, delegate: delegate.map { Address(lowercase: $0)! }, stake: stake, delegatedStake: delegatedStake,
            registered: registered, active: active, domain: domain)
    }
}

extension CastVote {
    init(voter: String, choice: String, block: Int, logIndex: Int) {
        self.init(voter: Address(lowercase: voter)!, choice: choice, block: block, logIndex: logIndex)
    }
}

extension StakeMigration {
    init(kind: MigrationKind, l1Account: String, l2Account: String?, l2Block: Int, pool: String?) {
        self.init(
            kind: kind, l1Account: Address(lowercase: l1Account)!, l2Account: l2Account.map { Address(lowercase: $0)! }, l2Block: l2Block,
            pool: pool.map { Address(lowercase: $0)! })
    }
}
