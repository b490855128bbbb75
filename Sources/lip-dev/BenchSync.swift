import Foundation
import LIPKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `lip-dev bench-sync [N...]`: syncs a poll with N voters (default 100, 1,000 and 10,000) from the
/// devnet (Tests/Devnet/devnet.py, its Python in .build/devnet-venv: `bash Scripts/devnet-setup.sh`)
/// and prints the wall time and the HTTP round trips, through Multicall3 and through JSON-RPC
/// batches alone. Target: round trips grow with voters divided by the batch or multicall size,
/// never one request per call.
/// How many of a benchmark poll's voters bond; the rest vote without stake.
let bondedVoters = 1_000

func benchSync(sizes: [Int]) {
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let python = root.appendingPathComponent(".build/devnet-venv/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: python) else {
        print("no devnet: run `bash Scripts/devnet-setup.sh` first")
        exit(2)
    }
    print("sync of a poll from the devnet (release build; the first \(bondedVoters) voters bonded to one of 10 orchestrators, the others voting without stake)")
    print("voters   view calls | Multicall3: requests  seconds | JSON-RPC batches: requests  seconds | view calls per request")
    for voters in sizes {
        let devnet = Process()
        devnet.executableURL = URL(fileURLWithPath: python)
        devnet.arguments = [root.appendingPathComponent("Tests/Devnet/devnet.py").path, "--poll-period", String(voters + 20), "--accounts", String(voters + 12), "--stdin"]
        let input = Pipe(), output = Pipe()
        devnet.standardInput = input
        devnet.standardOutput = output
        try! devnet.run()
        // The devnet stops on every way out: --stdin ends it when this process's end closes the
        // pipe, and a failure stops it before exiting.
        func stop() {
            try? input.fileHandleForWriting.close()
            devnet.terminate()
            devnet.waitUntilExit()
        }
        func fail(_ message: String) -> Never {
            print(message)
            stop()
            exit(2)
        }
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        let info = try! JSONSerialization.jsonObject(with: line) as! [String: Any]
        let url = "http://127.0.0.1:\(info["port"]!)"
        /// The devnet's answer to `method`: its result, or its error.
        func ask(_ method: String, _ params: [Any]) -> (result: Any?, error: Any?) {
            var request = URLRequest(url: URL(string: url)!)
            request.httpMethod = "POST"
            request.httpBody = try! JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": 1, "method": method, "params": params])
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.timeoutInterval = 3_600
            let done = DispatchSemaphore(value: 0)
            final class Box: @unchecked Sendable { var data = Data() }
            let box = Box()
            URLSession.shared.dataTask(with: request) { data, _, _ in
                box.data = data ?? Data()
                done.signal()
            }.resume()
            done.wait()
            guard let answer = try? JSONSerialization.jsonObject(with: box.data) as? [String: Any] else { fail("devnet: \(method): no JSON answer") }
            return (answer["result"] ?? NSNull(), answer["error"])
        }
        func rpc(_ method: String, _ params: [Any]) -> Any {
            let answer = ask(method, params)
            if let error = answer.error { fail("devnet: \(method): \(error)") }
            return answer.result ?? NSNull()
        }
        let accounts = rpc("devnet_accounts", [voters + 12]) as! [String]
        let orchestrators = Array(accounts[1...10])
        for o in orchestrators {
            _ = rpc("devnet_bond", [o, o, "1000000000000000000000"])
            // Livepeer's transcoder() refuses an active caller that has not called reward this
            // round: a self-bond in a round's last block is active once the next round starts.
            if ask("devnet_register", [o]).error != nil {
                _ = rpc("devnet_reward", [o])
                _ = rpc("devnet_register", [o])
            }
        }
        let delegators = Array(accounts[12..<(12 + voters)])
        // The first 1,000 voters bond (about 0.2 s a bond on the real BondingManager, with its
        // mint and approve); the others vote without stake: the sync reads the same four views of
        // every voter either way, so the requests are those of a poll of bonded voters.
        let bonded = Array(delegators.prefix(bondedVoters))
        for (i, o) in orchestrators.enumerated() {
            let mine = stride(from: i, to: bonded.count, by: orchestrators.count).map { bonded[$0] }
            if !mine.isEmpty { _ = rpc("devnet_bondMany", [mine, o, "1000000000000000000"]) }
        }
        let poll = (rpc("devnet_createPoll", [accounts[1], "QmBench"]) as! [String: Any])["poll"] as! String
        // In calls of 500 votes (about 30 ms a vote; a request may take an hour at most).
        for start in stride(from: 0, to: delegators.count, by: 500) {
            let chunk = Array(delegators[start..<min(delegators.count, start + 500)])
            _ = rpc("devnet_voteMany", [chunk, poll, chunk.indices.map { $0 % 2 }])
        }
        _ = rpc("devnet_mine", [voters + 30])
        let dir = scratchDirectory("bench-sync")
        let networks = """
            devnet:
              l2:
                chain-id: \(info["chainId"]!)
                poll-creator: {address: "\(info["pollCreator"]!)", block: \(info["firstBlock"]!)}
                bonding-manager: {address: "\(info["bondingManager"]!)", block: 1}
                multicall3: {address: "\(info["multicall3"]!)", block: 1}
            batches:
              l2:
                chain-id: \(info["chainId"]!)
                poll-creator: {address: "\(info["pollCreator"]!)", block: \(info["firstBlock"]!)}
                bonding-manager: {address: "\(info["bondingManager"]!)", block: 1}

            """
        try! Data(networks.utf8).write(to: dir.appendingPathComponent("networks.yaml"))
        var figures: [(requests: Int, seconds: Double)] = []
        let viewCalls = 4 * (voters + orchestrators.count) + 1
        for network in ["devnet", "batches"] {
            let before = rpc("devnet_stats", []) as! [String: Int]
            // py-evm answers a call over thousands of votes in minutes, not the 30 s a node is given.
            let errors = dir.appendingPathComponent("\(network).stderr").path
            let run = measure(
                lipExecutable,
                [
                    "ledger", "sync", "poll", poll, "--network", network, "--networks", dir.appendingPathComponent("networks.yaml").path, "--rpc", url, "--db",
                    dir.appendingPathComponent("\(network).sqlite").path,
                ], environment: ["LIP_RPC_TIMEOUT": "1800"], errors: errors)
            let after = rpc("devnet_stats", []) as! [String: Int]
            guard run.exitCode == 0 else {
                let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
                fail("sync failed with exit \(run.exitCode): \(said.suffix(2_000))")
            }
            figures.append((after["requests"]! - before["requests"]!, run.seconds))
        }
        stop()
        let perRequest = figures.map { Double(viewCalls) / Double(max(1, $0.requests)) }
        print(
            String(
                format: "%-8d %-10d | %8d  %8.2f             | %8d  %8.2f                   | %.0f and %.0f", voters, viewCalls, figures[0].requests, figures[0].seconds,
                figures[1].requests, figures[1].seconds, perRequest[0], perRequest[1]))
    }
}
