import BigInt
import Foundation
import LIPDocuments
import LIPEthereum
import LIPLedger
import LIPTally

/// `0x` + the byte repeated 20 times: readable test addresses.
public func addr(_ byte: String) -> String { "0x" + String(repeating: byte, count: 20) }

/// n LPT in wei, as text.
public func lpt(_ n: Int) -> String { String(BigUInt(n) * Amount.weiPerLPT) }

/// A LIP file's text with the usual fields, for tests that build workspaces.
public func lipText(_ n: Int?, title: String = "Test LIP", type: String = "Meta", status: String = "Draft", extra: String = "", body: String = "## Abstract\n\nText.\n") -> String {
    "---\nlip: \(n.map(String.init) ?? "<to be assigned>")\ntitle: \(title)\nauthor: Test Author (@test)\ntype: \(type)\nstatus: \(status)\ncreated: 2024-01-15\ndiscussions-to: https://forum.livepeer.org/t/test/1\n\(extra)---\n\n\(body)"
}

/// Writes JSON to a file.
public func writeJSON(_ object: Any, to url: URL) throws {
    try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: url)
}

// Test fixtures write addresses as lowercase strings (`addr("01")`); the domain types hold `Address`.
extension Position {
    public init(account: String, delegate: String?, stake: BigUInt, delegatedStake: BigUInt, registered: Bool, active: Bool, domain: Chain) {
        self.init(
            account: Address(lowercase: account)!, delegate: delegate.map { Address(lowercase: $0)! }, stake: stake, delegatedStake: delegatedStake,
            registered: registered, active: active, domain: domain)
    }
}

extension CastVote {
    public init(voter: String, choice: String, block: Int, logIndex: Int) {
        self.init(voter: Address(lowercase: voter)!, choice: choice, block: block, logIndex: logIndex)
    }
}

extension StakeMigration {
    public init(kind: MigrationKind, l1Account: String, l2Account: String?, l2Block: Int, pool: String?) {
        self.init(
            kind: kind, l1Account: Address(lowercase: l1Account)!, l2Account: l2Account.map { Address(lowercase: $0)! }, l2Block: l2Block,
            pool: pool.map { Address(lowercase: $0)! })
    }
}

/// A saved result (`result.json`, the tally JSON of `lip poll tally --save`) of LIP `lip` that
/// says `result`, for workflow tests without a ledger.
public func savedResultJSON(lip: Int, result: String, provisional: Bool = false) -> String {
    """
    {
      "poll": "0x0000000000000000000000000000000000000001",
      "lip": \(lip),
      "endBlock": 100,
      "quorum": "333300",
      "quota": "500000",
      "stakeMode": "l2",
      "quorumBase": "bonded",
      "provisional": \(provisional),
      "snapshots": [{"chain": "l2", "block": 100, "l1Block": 100}],
      "yes": "\(result == "yes" ? 60 : 40)",
      "no": "\(result == "yes" ? 40 : 60)",
      "totalVoteStake": "100",
      "totalStake": "\(result == "quorum-not-met" ? 1000 : 100)",
      "quorumMet": \(result != "quorum-not-met"),
      "result": "\(result)",
      "voters": [],
      "warnings": [],
      "inputsDigest": "\(String(repeating: "0", count: 64))"
    }

    """
}
