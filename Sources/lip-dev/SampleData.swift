import BigInt
import Foundation
import LIPKit

/// Writes the sample poll of LIP-120 in the migration window into `directory` (Polls/LIP-120):
/// an L1 snapshot in the LIP-73 format, an L2 snapshot CSV, the L2 event logs (PollCreated, votes,
/// migrations, pools and claims) and orchestrator names. Same output on every run.
func writeSample(to directory: URL, workspace: Workspace) throws {
    var rng = SplitMix64(state: 120)
    func address(_ tag: UInt64) -> Address {
        var bytes = [UInt8]()
        var x = SplitMix64(state: tag &* 7919)
        while bytes.count < 20 { bytes += withUnsafeBytes(of: x.next().bigEndian, Array.init) }
        return Address(bytes: Array(bytes.prefix(20)))
    }
    func lpt(_ low: Int, _ high: Int) -> BigUInt {
        // Whole LPT plus a random fraction, so amounts use all 18 decimals.
        BigUInt(Int.random(in: low...high, using: &rng)) * Amount.weiPerLPT + BigUInt(UInt64.random(in: 0..<1_000_000_000_000_000_000, using: &rng))
    }
    let l1Block = 14_207_040, l2Block = 6_737_210, endBlock = 14_265_000
    let pollAddress = address(9001)
    let names = [
        "Vireo Video", "Titan Node", "Stream Forge", "Coldharbour Compute", "Lumen Relay", "Northwind Encoders",
        "Pixel Foundry", "Quarry Transcode", "Harbor GPU", "Meridian Media",
    ]

    struct Account { var address: Address; var delegate: Address?; var stake: BigUInt; var fees: BigUInt }
    var l1: [Account] = []
    var delegatorsOf: [[Int]] = []
    let orchestrators = (0..<10).map { address(UInt64(100 + $0)) }
    for (i, o) in orchestrators.enumerated() {
        l1.append(Account(address: o, delegate: o, stake: lpt(20_000, 180_000), fees: lpt(0, 3)))
        var mine: [Int] = []
        for j in 0..<Int.random(in: 4...7, using: &rng) {
            mine.append(l1.count)
            l1.append(Account(address: address(UInt64(1000 + i * 10 + j)), delegate: o, stake: lpt(500, 60_000), fees: 0))
        }
        delegatorsOf.append(mine)
    }
    l1.append(Account(address: address(5000), delegate: nil, stake: lpt(100, 900), fees: 0))  // bonded to nobody

    // LIP-73 snapshot: packed entries, with the all-zero entry first as in the published file.
    var entries = ["0x" + String(repeating: "00", count: 104)]
    for a in l1 {
        entries.append(Hex.prefixed(SnapshotEntry(delegator: a.address, delegate: a.delegate ?? .zero, stake: a.stake, fees: a.fees).packed))
    }
    try Data(("[\n" + entries.map { "  \"\($0)\"" }.joined(separator: ",\n") + "\n]\n").utf8).write(to: directory.appendingPathComponent("l1-snapshot.json"))

    // Migrations on L2: orchestrators 0-5 migrate with a pool (orchestrator 2 to a new L2 address);
    // some of their delegators migrate or claim on their own; orchestrators 6-9 stay on L1.
    var logs: [String] = []
    var logIndex = 0
    func log(_ address: Address, _ topics: [String], _ data: [UInt8], block: Int) {
        logIndex += 1
        logs.append(
            "{\"address\":\"\(address.lowercased)\",\"topics\":[" + topics.map { "\"\($0)\"" }.joined(separator: ",")
                + "],\"data\":\"\(Hex.prefixed(data))\",\"blockNumber\":\"0x\(String(block, radix: 16))\",\"logIndex\":\"0x\(String(logIndex % 40, radix: 16))\",\"transactionHash\":\"0x\(String(format: "%064x", logIndex * 7919 + block))\",\"removed\":false}"
        )
    }
    func topic(_ a: Address) -> String { Hex.prefixed(ABI.encode(address: a)) }
    let migrator = address(9100)
    var l2Rows: [(Address, Address?, BigUInt, String, String)] = []  // account, delegate, stake, status, active
    var migrated = Set<Address>()
    var block = 5_100_000
    for i in 0..<6 {
        let o = orchestrators[i]
        let l2o = i == 2 ? address(200) : o
        let own = l1.first { $0.address == o }!
        block += 13_577
        log(
            migrator, [LedgerEvent.migrateDelegatorFinalized.topic0],
            ABI.encode(address: o) + ABI.encode(address: l2o) + ABI.encode(uint: own.stake) + ABI.encode(uint: own.stake) + ABI.encode(uint: own.fees) + ABI.encode(address: l2o),
            block: block)
        let pool = address(UInt64(300 + i))
        log(migrator, [LedgerEvent.delegatorPoolCreated.topic0, topic(o)], ABI.encode(address: pool), block: block)
        migrated.insert(o)
        l2Rows.append((l2o, l2o, own.stake + own.stake / 50, "registered", "true"))
        var poolStake = BigUInt(0)
        for (k, d) in delegatorsOf[i].enumerated() {
            let a = l1[d]
            if k == 0 {
                block += 211
                log(
                    migrator, [LedgerEvent.migrateDelegatorFinalized.topic0],
                    ABI.encode(address: a.address) + ABI.encode(address: a.address) + ABI.encode(uint: a.stake) + ABI.encode(uint: 0) + ABI.encode(uint: 0)
                        + ABI.encode(address: l2o), block: block)
                migrated.insert(a.address)
                l2Rows.append((a.address, l2o, a.stake, "", ""))
            } else if k == 1 && i % 2 == 0 {
                block += 97
                log(migrator, [LedgerEvent.stakeClaimed.topic0, topic(a.address)], ABI.encode(address: o) + ABI.encode(uint: a.stake) + ABI.encode(uint: 0), block: block)
                migrated.insert(a.address)
                l2Rows.append((a.address, l2o, a.stake, "", ""))
            } else {
                poolStake += a.stake
            }
        }
        l2Rows.append((pool, l2o, poolStake + poolStake / 100, "", ""))  // the pool earned rewards on L2
    }
    // A delegator of orchestrator 7 migrates after the L2 snapshot: not counted in this poll.
    let late = l1[delegatorsOf[7][0]]
    log(
        migrator, [LedgerEvent.migrateDelegatorFinalized.topic0],
        ABI.encode(address: late.address) + ABI.encode(address: late.address) + ABI.encode(uint: late.stake) + ABI.encode(uint: 0) + ABI.encode(uint: 0)
            + ABI.encode(address: orchestrators[0]), block: l2Block + 5_000)
    // New stake bonded on L2 only.
    for n in 0..<8 {
        l2Rows.append((address(UInt64(7000 + n)), orchestrators[n % 3], lpt(100, 20_000), "", ""))
    }

    // The poll: created on L2, ending at L1 block 14,265,000; its proposal is LIP-120's CID.
    // The sample pins its commit hash and takes LIP-120 as the working copy has it (a generated
    // sample, not an opened poll); its rules: both ledgers, all bonded stake.
    let opening = try PollOpening.prepare(
        document: try workspace.document(lip: 120), commit: "a1e0f2c3b4d5e6f708192a3b4c5d6e7f80910203", sentiment: false, chain: .l2, stake: .l1l2,
        quorumBase: .bonded, workspace: workspace)
    let proposal = Array(opening.cid.utf8)
    var pollData = ABI.encode(uint: 128) + ABI.encode(uint: BigUInt(endBlock)) + ABI.encode(uint: 333_300) + ABI.encode(uint: 500_000)
    pollData += ABI.encode(uint: BigUInt(proposal.count)) + proposal + [UInt8](repeating: 0, count: (32 - proposal.count % 32) % 32)
    log(address(9200), [LedgerEvent.pollCreated.topic0, topic(pollAddress)], pollData, block: 6_600_000)
    func vote(_ voter: Address, _ choice: Int, _ at: Int) {
        log(pollAddress, [LedgerEvent.vote.topic0, topic(voter)], ABI.encode(uint: BigUInt(choice)), block: at)
    }
    vote(orchestrators[0], 0, 6_600_120)
    vote(address(200), 0, 6_600_300)  // orchestrator 2, at its new L2 address
    vote(orchestrators[1], 1, 6_600_400)
    vote(orchestrators[1], 0, 6_610_000)  // changed its vote: the last one counts
    vote(orchestrators[4], 0, 6_601_000)
    vote(orchestrators[6], 0, 6_602_000)  // still on L1: its L1 stake counts
    vote(l1[delegatorsOf[0][3]].address, 1, 6_603_000)  // unmigrated, in orchestrator 0's pool
    vote(l1[delegatorsOf[6][1]].address, 1, 6_604_000)  // on L1, overrides orchestrator 6
    vote(address(7001), 1, 6_605_000)  // L2-only delegator
    vote(l1[delegatorsOf[3][0]].address, 0, 6_606_000)  // migrated on its own
    vote(orchestrators[8], 7, 6_607_000)  // an invalid choice: ignored
    vote(address(4242), 0, 6_608_000)  // no stake anywhere: weighs 0
    try Data(("[\n" + logs.joined(separator: ",\n") + "\n]\n").utf8).write(to: directory.appendingPathComponent("l2-logs.json"))

    var csv = "account,delegate,stake,status,active\n"
    for (a, d, s, status, active) in l2Rows.sorted(by: { $0.0 < $1.0 }) {
        csv += "\(a.checksummed),\(d?.checksummed ?? ""),\(s),\(status),\(active)\n"
    }
    try Data(csv.utf8).write(to: directory.appendingPathComponent("l2-snapshot.csv"))

    var namesCSV = "address,name\n"
    for (i, o) in orchestrators.enumerated() { namesCSV += "\(o.checksummed),\(names[i])\n" }
    namesCSV += "\(address(200).checksummed),\(names[2]) (L2)\n"
    try Data(namesCSV.utf8).write(to: directory.appendingPathComponent("names.csv"))

    try opening.write(workspace: workspace)
    var file = opening.pollFile
    file.address = pollAddress
    try Data(file.yaml.utf8).write(to: directory.appendingPathComponent("poll.yaml"))
    _ = rng.next()
    print(
        "wrote \(workspace.relativePath(directory)): l1-snapshot.json (L1 block \(l1Block)), l2-snapshot.csv (L2 block \(l2Block), L1 block \(endBlock)), l2-logs.json, names.csv, proposal.json, poll.yaml"
    )
}
