import BigInt
import Foundation
import LIPKit

/// `lip voter` and `lip turnout` over a ledger of 100 polls and 100 proposals with 10,000 voters
/// each (issue 31's target: under 1 s and 150 MB each). 10,000 accounts: 100 orchestrators and
/// 9,900 delegators, one L2 snapshot that decides every poll; every account votes in every poll
/// and proposal (each delegator overriding its orchestrator). Prints the time and
/// peak memory of each `lip` process, start to exit, its output written to a file.
func benchRecords() {
    let polls = smoke ? 3 : 100, proposals = smoke ? 3 : 100, accounts = smoke ? 200 : 10_000, orchestrators = smoke ? 4 : 100
    print("records benchmark: \(polls) polls and \(proposals) proposals of \(accounts) voters (\(orchestrators) orchestrators); the `lip` process, start to exit")
    print("targets: lip voter and lip turnout < 1 s and < 150 MB each")
    let root = scratchDirectory("records")
    // LIP_DEV_KEEP=1 keeps the ledger, to profile a command on it.
    let keep = ProcessInfo.processInfo.environment["LIP_DEV_KEEP"] == "1"
    defer { if keep { print("kept \(root.path)") } else { try? FileManager.default.removeItem(at: root) } }
    let db = recordsLedger(in: root, polls: polls, proposals: proposals, accounts: accounts, orchestrators: orchestrators)
    func address(_ n: Int) -> String { String(format: "0x%040x", n) }
    func show(_ label: String, _ m: Measurement, target: String) {
        print(
            label.padding(toLength: 41, withPad: " ", startingAt: 0) + format(m.seconds, 3).padding(toLength: 9, withPad: " ", startingAt: 0)
                + format(m.peakMemoryMB, 1).padding(toLength: 9, withPad: " ", startingAt: 0) + target)
    }
    let output = root.appendingPathComponent("out").path
    // The first read after a write counts every ended poll and proposal in full and keeps what it
    // found (vote_summaries); a sync keeps them itself, an import does not. Once each.
    print("first run after a write (every ended poll and proposal counted in full, then kept): once each")
    print("command                                  seconds  peak MB")
    let coldVoter = measure(lipExecutable, ["voter", address(1), "--format", "json", "--db", db], output: output)
    precondition(coldVoter.exitCode == 0, "cold lip voter failed")
    show("lip voter ORCHESTRATOR --format json", coldVoter, target: "")
    // One more vote in the first poll: every kept count no longer holds.
    write("voter,choice,block,log_index\n\(address(accounts + 1)),0,999,0\n", root.appendingPathComponent("more.csv"))
    precondition(
        measure(lipExecutable, ["ledger", "import", "votes", root.appendingPathComponent("more.csv").path, "--poll", address(0x9000_0000), "--db", db]).exitCode == 0)
    let coldTurnout = measure(lipExecutable, ["turnout", "--format", "json", "--db", db], output: output)
    precondition(coldTurnout.exitCode == 0, "cold lip turnout failed")
    show("lip turnout --format json", coldTurnout, target: "")
    print("later runs (the kept counts read): the fastest of \(runsPerFigure)")
    print("command                                  seconds  peak MB  target")
    for (label, arguments) in [
        ("lip voter ORCHESTRATOR --format json", ["voter", address(1), "--format", "json"]),
        ("lip voter DELEGATOR --format json", ["voter", address(orchestrators + 1), "--format", "json"]),
        ("lip voter ORCHESTRATOR (text)", ["voter", address(1)]), ("lip turnout --format json", ["turnout", "--format", "json"]),
        ("lip turnout --format svg", ["turnout", "--format", "svg"]), ("lip poll list --format json", ["poll", "list", "--format", "json"]),
    ] {
        let m = fastest(of: runsPerFigure) { measure(lipExecutable, arguments + ["--db", db], output: output) }
        precondition(m.exitCode == 0, "\(label) failed")
        show(label, m, target: "< 1 s, 150 MB")
    }
}

/// A ledger of `polls` polls and `proposals` proposals with `accounts` voters each (the first
/// `orchestrators` registered, every other delegating to one of them; one L2 snapshot that decides
/// every poll; every account votes in every poll and proposal), built by `lip ledger import` in
/// `root`. Returns its path. bench-records and bench-site measure on it.
func recordsLedger(in root: URL, polls: Int, proposals: Int, accounts: Int, orchestrators: Int) -> String {
    let db = root.appendingPathComponent("ledger.sqlite").path
    func address(_ n: Int) -> String { String(format: "0x%040x", n) }
    func word(_ n: Int) -> String { String(format: "%064x", n) }
    func delegate(_ i: Int) -> Int { i <= orchestrators ? i : (i % orchestrators) + 1 }
    func stake(_ i: Int) -> String { "\(UInt64(i) &* 2_654_435_761 % 1_000_000 + 1)000000000000000" }
    // The snapshot, and what each orchestrator holds (its own stake and its delegators').
    var csv = "account,delegate,stake,status,active\n"
    for i in 1...accounts {
        csv += "\(address(i)),\(address(delegate(i))),\(stake(i)),\(i <= orchestrators ? "registered,true" : ",")\n"
    }
    write(csv, root.appendingPathComponent("s.csv"))
    var imports: [[String]] = [["snapshot", "s.csv", "--chain", "l2", "--block", "1000", "--l1-block", "2000"]]
    // Polls: PollCreated logs, then each poll's votes as a CSV.
    var created: [String] = []
    let cid = Array("QmBenchmarkRecords".utf8)
    for p in 0..<polls {
        let poll = address(0x9000_0000 + p)
        var data = ABI.encode(uint: 128) + ABI.encode(uint: 2000) + ABI.encode(uint: 100_000) + ABI.encode(uint: 500_000)
        data += ABI.encode(uint: BigUInt(cid.count)) + cid + [UInt8](repeating: 0, count: 32 - cid.count)
        created.append(
            "{\"address\":\"0x\(String(repeating: "c0", count: 20))\",\"topics\":[\"\(LedgerEvent.pollCreated.topic0)\",\"0x\(String(repeating: "0", count: 24))\(poll.dropFirst(2))\"],\"data\":\"\(Hex.prefixed(data))\",\"blockNumber\":\"0x\(String(10 + p, radix: 16))\",\"logIndex\":\"0x0\",\"transactionHash\":\"0x\(word(p + 1))\"}"
        )
        var votes = "voter,choice,block,log_index\n"
        for i in 1...accounts {
            votes += "\(address(i)),\(i % 2),\(100 + i / 100),\(i % 100)\n"
        }
        write(votes, root.appendingPathComponent("v\(p).csv"))
        imports.append(["votes", "v\(p).csv", "--poll", poll])
    }
    write("[\n" + created.joined(separator: ",\n") + "\n]\n", root.appendingPathComponent("polls.json"))
    imports.insert(["logs", "polls.json", "--chain", "l2"], at: 1)
    // Proposals: the governor's logs (ProposalCreated with no actions, then VoteCast), streamed to
    // a file, and the governor-state file with every voter's delegation.
    let governor = "0x" + String(repeating: "9a", count: 20)
    let logsURL = root.appendingPathComponent("governor.json")
    _ = FileManager.default.createFile(atPath: logsURL.path, contents: nil)
    let logs = try! FileHandle(forWritingTo: logsURL)
    logs.write(Data("[\n".utf8))
    var state = "{\"governor\": \"\(governor)\", \"proposals\": ["
    var first = true, tx = 0
    let description = Array("# A benchmark proposal\n".utf8)
    let proposalCreated = LedgerEvent.proposalCreated.topic0, voteCast = LedgerEvent.voteCast.topic0
    for g in 0..<proposals {
        let id = 1_000 + g, block = 20_000 + g * 100
        var out = ""
        func log(_ topics: [String], _ data: String, _ block: Int) {
            tx += 1
            out +=
                (first ? "" : ",\n")
                + "{\"address\":\"\(governor)\",\"topics\":[\(topics.map { "\"\($0)\"" }.joined(separator: ","))],\"data\":\"0x\(data)\",\"blockNumber\":\"0x\(String(block, radix: 16))\",\"logIndex\":\"0x\(String(tx % 1000, radix: 16))\",\"transactionHash\":\"0x\(word(tx))\"}"
            first = false
        }
        let head = [id, 0xbeef, 288, 320, 352, 384, 3400 + g, 3410 + g, 416].map(word).joined()
        let tails = [0, 0, 0, 0, description.count].map(word).joined() + Hex.encode(description + [UInt8](repeating: 0, count: 32 - description.count))
        log([proposalCreated], head + tails, block)
        var delegations: [String] = []
        for i in 1...accounts {
            let weight = i <= orchestrators ? "9000000000000000000000000" : stake(i)
            log(
                [voteCast, "0x" + String(repeating: "0", count: 24) + address(i).dropFirst(2)],
                word(id) + word(i % 3) + String(BigUInt(weight)!, radix: 16).leftPadded(64) + word(128) + word(0), block + 1 + i / 1000)
            delegations.append("\"\(address(i))\": \"\(address(delegate(i)))\"")
        }
        logs.write(Data(out.utf8))
        state +=
            (g == 0 ? "" : ", ")
            + "{\"id\": \"\(id)\", \"totalSupply\": \"900000000000000000000000000\", \"quorumNumerator\": \"333300\", \"quota\": \"500000\", \"onchain\": null, \"state\": 7, \"delegations\": {\(delegations.joined(separator: ", "))}}"
    }
    logs.write(Data("\n]\n".utf8))
    try! logs.close()
    write(state + "]}\n", root.appendingPathComponent("state.json"))
    imports += [["logs", "governor.json", "--chain", "l2"], ["governor-state", "state.json"]]
    let started = Date()
    for args in imports {
        let m = measure(
            lipExecutable, ["ledger", "import"] + args.map { $0.hasSuffix(".csv") || $0.hasSuffix(".json") ? root.appendingPathComponent($0).path : $0 } + ["--db", db])
        precondition(m.exitCode == 0, "import \(args.prefix(2).joined(separator: " ")) failed")
    }
    print("ledger built in \(format(Date().timeIntervalSince(started), 1)) s")
    return db
}

private func write(_ text: String, _ url: URL) { try! Data(text.utf8).write(to: url) }

extension String {
    /// Left-padded with zeros to `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
