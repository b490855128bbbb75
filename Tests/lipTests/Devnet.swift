import Foundation
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Tests/Devnet/devnet.py (Livepeer's own contracts on py-evm), started for a test on a free port
/// of 127.0.0.1 with `--stdin` and stopped (by its PID, and by closing its standard input) when
/// the test ends. Its Python packages live in
/// `.build/devnet-venv`, which `.ci/run` installs; a test installs them itself when they are missing.
final class Devnet {
    struct Info: Decodable {
        var port: Int
        var chainId: Int
        var pollCreator: String
        var bondingManager: String
        var multicall3: String
        var roundsManager: String
        var governor: String
        var bondingVotes: String
        var livepeerToken: String
        var treasury: String
        var l2Migrator: String
        var firstBlock: Int
        var roundLength: Int
    }

    let info: Info
    let url: String
    private let process: Process
    private let input: Pipe

    /// The venv's python, made when missing.
    static func python() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["LIP_DEVNET_PYTHON"], !explicit.isEmpty { return explicit }
        let venv = packageRoot.appendingPathComponent(".build/devnet-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if FileManager.default.isExecutableFile(atPath: python) { return python }
        let setup = Process()
        setup.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        setup.arguments = ["bash", packageRoot.appendingPathComponent("Scripts/devnet-setup.sh").path]
        // The script finds the repository by its own path; it runs no lip.
        setup.currentDirectoryURL = FileManager.default.temporaryDirectory
        try setup.run()
        setup.waitUntilExit()
        guard setup.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: python) else {
            // CI installs them first and sets LIP_DEVNET_REQUIRED: there a missing devnet fails.
            if ProcessInfo.processInfo.environment["LIP_DEVNET_REQUIRED"] == "1" {
                throw NSError(domain: "devnet", code: 1, userInfo: [NSLocalizedDescriptionKey: "the devnet's Python packages are missing (Scripts/devnet-setup.sh failed)"])
            }
            throw XCTSkip("could not install the devnet's Python packages (Scripts/devnet-setup.sh failed): no devnet tests")
        }
        return python
    }

    /// Starts a devnet whose polls last `pollPeriod` blocks; with `untilInputCloses` false it
    /// runs as a user starts it (standard input closed, served until killed).
    init(pollPeriod: Int = 40, accounts: Int = 24, untilInputCloses: Bool = true) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: try Devnet.python())
        process.arguments =
            [packageRoot.appendingPathComponent("Tests/Devnet/devnet.py").path, "--poll-period", String(pollPeriod), "--accounts", String(accounts)]
            + (untilInputCloses ? ["--stdin"] : [])
        input = Pipe()
        let output = Pipe()
        process.standardInput = untilInputCloses ? input : FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        guard let info = try? JSONDecoder().decode(Info.self, from: line) else {
            process.terminate()
            let message = "the devnet did not start: \(String(decoding: line, as: UTF8.self))"
            if ProcessInfo.processInfo.environment["LIP_DEVNET_REQUIRED"] == "1" {
                throw NSError(domain: "devnet", code: 1, userInfo: [NSLocalizedDescriptionKey: message])
            }
            throw XCTSkip(message)
        }
        self.info = info
        url = "http://127.0.0.1:\(info.port)"
    }

    deinit { stop() }

    /// Whether the devnet's process still runs.
    var isRunning: Bool { process.isRunning }

    /// Sends SIGTERM, as a user's `kill` does, and waits; the exit status.
    func terminate() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Stops the devnet.
    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// Posts `body` (a request or a batch) as it is; the decoded answer.
    func post(_ body: Any) throws -> Any {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return try JSONSerialization.jsonObject(with: try syncRequest(request).0)
    }

    /// Calls a method of the devnet.
    @discardableResult
    func rpc(_ method: String, _ params: [Any] = []) throws -> Any {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": 1, "method": method, "params": params])
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, _) = try syncRequest(request)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        if let error = object["error"] { throw NSError(domain: "devnet", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(method): \(error)"]) }
        return object["result"] ?? NSNull()
    }

    /// networks.yaml naming this devnet `devnet`.
    var networksYAML: String {
        """
        devnet:
          l2:
            chain-id: \(info.chainId)
            poll-creator: {address: "\(info.pollCreator)", block: \(info.firstBlock)}
            bonding-manager: {address: "\(info.bondingManager)", block: 1}
            multicall3: {address: "\(info.multicall3)", block: 1}
            livepeer-governor: {address: "\(info.governor)", block: \(info.firstBlock)}
            bonding-votes: "\(info.bondingVotes)"
            rounds-manager: "\(info.roundsManager)"
            livepeer-token: {address: "\(info.livepeerToken)", block: 1}
            treasury: {address: "\(info.treasury)", block: 1}
            l2-migrator: {address: "\(info.l2Migrator)", block: 1}

          l1:
            chain-id: \(info.chainId)
            poll-creator: {address: "\(info.pollCreator)", block: \(info.firstBlock)}
            bonding-manager: {address: "\(info.bondingManager)", block: 1}
            rounds-manager: "\(info.roundsManager)"

        devnet-batches:
          l2:
            chain-id: \(info.chainId)
            poll-creator: {address: "\(info.pollCreator)", block: \(info.firstBlock)}
            bonding-manager: {address: "\(info.bondingManager)", block: 1}

        """
    }

    /// Creates a poll through the real PollCreator, from `creator`; its address.
    func createPoll(by creator: String, _ cid: String) throws -> String {
        try XCTUnwrap((try rpc("devnet_createPoll", [creator, cid]) as? [String: Any])?["poll"] as? String)
    }

    /// Bonds `lpt` LPT of `account` to itself and registers it as an orchestrator (`transcoder`).
    func orchestrator(_ account: String, lpt: String) throws {
        try rpc("devnet_bond", [account, account, lpt + "000000000000000000"])
        try rpc("devnet_register", [account])
    }

    /// Mines to the start of the next round (`n` times) and initializes it; the round.
    @discardableResult
    func nextRound(_ n: Int = 1) throws -> Int { try XCTUnwrap(try rpc("devnet_nextRound", [n]) as? Int) }

    /// The first `n` funded accounts.
    func accounts(_ n: Int) throws -> [String] { try XCTUnwrap(try rpc("devnet_accounts", [n]) as? [String]) }

    /// Runs the rehearsal `Scripts/NAME` into `dir` with the built `lip`: its exit status and its
    /// standard output and error together.
    static func rehearse(_ name: String, in dir: URL) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", packageRoot.appendingPathComponent("Scripts/\(name)").path, dir.path]
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["LIP"] = productsDirectory.appendingPathComponent("lip").path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// HTTP requests and calls the devnet answered (its own devnet_* methods not counted).
    func stats() throws -> (requests: Int, calls: Int) {
        let s = try XCTUnwrap(try rpc("devnet_stats") as? [String: Int])
        return (s["requests"] ?? 0, s["calls"] ?? 0)
    }
}

private func syncRequest(_ request: URLRequest) throws -> (Data, URLResponse?) {
    final class Box: @unchecked Sendable {
        var data: Data?
        var error: Error?
    }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    URLSession.shared.dataTask(with: request) { data, _, error in
        box.data = data
        box.error = error
        done.signal()
    }.resume()
    done.wait()
    if let error = box.error { throw error }
    return (box.data ?? Data(), nil)
}
