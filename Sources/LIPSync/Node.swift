import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// What `lip` reads from a JSON-RPC node: the chain id, block headers, logs (splitting ranges the
/// node refuses) and view calls at a block (through Multicall3, or JSON-RPC batches).
package final class Node: BlockSource, @unchecked Sendable {
    /// The client.
    package let client: JSONRPCClient
    /// The largest block range asked of `eth_getLogs`; halved when the node refuses one.
    package private(set) var logRange: Int
    /// Calls per `aggregate3`.
    package var multicallSize = 200

    /// Creates a reader over `client`, starting log queries at `maxRange` blocks.
    package init(client: JSONRPCClient, maxRange: Int = 9_000) {
        self.client = client
        logRange = max(1, maxRange)
    }

    /// `eth_chainId`.
    package func chainID() throws -> Int {
        try quantity(try ask("eth_chainId", []), "eth_chainId")
    }

    /// The chain id this node was found to serve by `require(chainID:network:)`; asked once.
    private var checkedChainID: Int?

    /// Refuses a node that does not serve chain `expected` (what network `network` says), before
    /// anything else is read from it: a node of another chain is named as such, never read as if
    /// it were the network's. Asks `eth_chainId` once per node.
    package func require(chainID expected: Int, network: String) throws {
        if checkedChainID == expected { return }
        let id = try chainID()
        guard id == expected else {
            throw LIPError.usage(
                "the node at \(client.endpoint.display) serves chain id \(id), not \(expected) as network \(network) says: wrong URL, or give the node's network with --network")
        }
        checkedChainID = id
    }

    /// `client.call`, with the node's error for it as an `LIPError` that names the node, the
    /// method and what it asked (`https://host: eth_chainId: message (code -32000)`).
    func ask(_ method: String, _ params: [JSONValue], context: String = "") throws -> Any {
        do { return try client.call(method, params, context: context) } catch let error as RPCCallError {
            throw nodeError(method + (context.isEmpty ? "" : " " + context), error)
        }
    }

    /// The node's error `error` for `what`.
    func nodeError(_ what: String, _ error: RPCCallError) -> LIPError {
        LIPError.node(endpoint: client.endpoint.display, method: what, message: error.description)
    }

    package func head() throws -> BlockHeader { try header(tag: "latest") }

    /// The number of the node's `finalized` block; nil when the node has none (it does not know
    /// the tag, or answers null).
    package func finalizedBlock() throws -> Int? {
        let answer: Any
        do { answer = try client.call("eth_getBlockByNumber", [.string("finalized"), .bool(false)], context: "block finalized") } catch is RPCCallError {
            return nil
        }
        guard let block = answer as? [String: Any] else { return nil }
        return try quantity(block["number"] as Any, "eth_getBlockByNumber")
    }

    /// The last block a sync may store, and why in words: the node's finalized block when it has
    /// one (never past `head`), else `head` less `confirmations`; so that a reorganisation cannot
    /// take back what the ledger stored.
    package func finalBlock(head: Int, confirmations: Int) throws -> (block: Int, why: String) {
        if let finalized = try finalizedBlock(), finalized <= head { return (finalized, "the node's finalized block") }
        if confirmations == 0 { return (head, "the head (the node has no finalized block)") }
        return (max(-1, head - confirmations), "the head \(head) less \(confirmations) confirmations")
    }

    package func header(_ number: Int) throws -> BlockHeader {
        let header = try header(tag: "0x" + String(number, radix: 16))
        guard header.number == number else { throw malformed("eth_getBlockByNumber", "block \(number) was answered with block \(header.number)") }
        return header
    }

    private func header(tag: String) throws -> BlockHeader {
        guard let block = try ask("eth_getBlockByNumber", [.string(tag), .bool(false)], context: "block \(tag)") as? [String: Any] else {
            throw malformed("eth_getBlockByNumber", "block \(tag) is not an object (not known to the node?)")
        }
        guard let hash = block["hash"] as? String, hash.hasPrefix("0x"), Hex.decode(hash)?.count == 32 else {
            throw malformed("eth_getBlockByNumber", "block \(tag) has no hash")
        }
        return BlockHeader(
            number: try quantity(block["number"] as Any, "eth_getBlockByNumber"), hash: hash.lowercased(),
            l1BlockNumber: try block["l1BlockNumber"].map { try quantity($0, "eth_getBlockByNumber") },
            timestamp: try block["timestamp"].map { try quantity($0, "eth_getBlockByNumber") })
    }

    /// The blocks a sync that reads forward reads: from the block after `scannedTo` (`first`
    /// when nil) up to `toBlock` (the head when nil; with `finalOnly`, `finalBlock`'s with no
    /// confirmations: the finalized block, else the head); `from > end` when nothing is new. A
    /// `toBlock` past that, or before what the ledger holds of `what`, is a usage error.
    package func forwardRange(after scannedTo: Int?, first: Int, toBlock: Int?, what: String, finalOnly: Bool = false) throws -> (from: Int, end: Int) {
        let head = try head()
        if let toBlock, toBlock > head.number { throw LIPError.usage("--to-block \(toBlock) is after the node's head, block \(head.number)") }
        var last = head.number
        if finalOnly {
            let (final, why) = try finalBlock(head: head.number, confirmations: 0)
            last = final
            if let toBlock, toBlock > last {
                throw LIPError.usage("--to-block \(toBlock) is past block \(last), \(why): a later block may still be reorganised away; ask up to \(last)")
            }
        }
        let end = toBlock ?? last
        if let scannedTo, scannedTo > end {
            throw LIPError.usage("the ledger holds \(what) up to block \(scannedTo), after --to-block \(end): \(what) is only read forward")
        }
        return (scannedTo.map { $0 + 1 } ?? first, end)
    }

    /// The logs of `address` with `topics` from block `from` to `to`, in ranges of at most
    /// `logRange` blocks, halving a range the node refuses as too large or too full.
    package func logs(address: Address, topics: [String?], from: Int, to: Int, progress: ((Int) -> Void)? = nil) throws -> [[String: Any]] {
        var out: [[String: Any]] = []
        var start = from
        while start <= to {
            let end = min(to, start + logRange - 1)
            let query = JSONValue.object([
                ("address", .string(address.lowercased)), ("fromBlock", .string("0x" + String(start, radix: 16))), ("toBlock", .string("0x" + String(end, radix: 16))),
                ("topics", .array(topics.map { $0.map(JSONValue.string) ?? .null })),
            ])
            do {
                guard let logs = try client.call("eth_getLogs", [query], context: "blocks \(start)-\(end)") as? [[String: Any]] else {
                    throw malformed("eth_getLogs", "blocks \(start)-\(end): the result is not an array of logs")
                }
                for log in logs { try check(log, address: address, topics: topics, from: start, to: end) }
                out += logs
                start = end + 1
                progress?(start - from)
            } catch let error as RPCCallError {
                guard Node.isRangeRefusal(error) && end > start else { throw nodeError("eth_getLogs blocks \(start)-\(end)", error) }
                logRange = max(1, (end - start + 1) / 2)
            }
        }
        return out
    }

    /// A log answered for a query of `address` and `topics` over blocks `from`...`to` must be
    /// what was asked: that contract, those topics, a block inside the range. Anything else is
    /// an error (exit 2) naming the method, the range and what was wrong.
    private func check(_ log: [String: Any], address: Address, topics: [String?], from: Int, to: Int) throws {
        func wrong(_ why: String) -> LIPError { malformed("eth_getLogs", "blocks \(from)-\(to): \(why)") }
        let text = log["address"] as? String ?? ""
        guard let answered = Address(text) else { throw wrong("a log's address `\(text.prefix(60))` is not an address") }
        guard answered == address else { throw wrong("a log of \(answered.checksummed) was answered, but the query asked for \(address.checksummed)") }
        guard let logTopics = log["topics"] as? [String] else { throw wrong("a log has no topics array") }
        for (i, asked) in topics.enumerated() {
            guard let asked else { continue }
            guard i < logTopics.count, logTopics[i].lowercased() == asked.lowercased() else {
                throw wrong("a log's topic \(i) is \(i < logTopics.count ? logTopics[i].prefix(66) : "missing"), but the query asked for \(asked)")
            }
        }
        let block = try quantity(log["blockNumber"] as Any, "eth_getLogs")
        guard (from...to).contains(block) else { throw wrong("a log of block \(block) was answered, outside the blocks asked") }
    }

    /// `logs(…)`, typed; removed logs are left out and a malformed one is an error.
    package func eventLogs(address: Address, topics: [String?], from: Int, to: Int) throws -> [EventLog] {
        try logs(address: address, topics: topics, from: from, to: to).compactMap(eventLog)
    }

    /// A log object of the node, typed; a removed log is nil.
    func eventLog(_ object: [String: Any]) throws -> EventLog? {
        if object["removed"] as? Bool == true { return nil }
        guard let addressText = object["address"] as? String, let address = Address(addressText), let topics = object["topics"] as? [String],
            let dataText = object["data"] as? String, let data = Hex.decode(dataText), let tx = object["transactionHash"] as? String, Hex.decode(tx)?.count == 32,
            let block = object["blockNumber"], let index = object["logIndex"]
        else { throw LIPError.invalidInput(file: client.endpoint.display, location: "", message: "eth_getLogs: a malformed log; nothing was stored") }
        // Hex in one letter case: what is compared and digested is the same whatever case the node wrote.
        return EventLog(
            address: address, topics: topics.map { $0.lowercased() }, data: data, blockNumber: try quantity(block, "eth_getLogs"), transactionHash: tx.lowercased(),
            logIndex: try quantity(index, "eth_getLogs"))
    }

    /// Whether the node refused a log query for its size (providers say so in different ways).
    static func isRangeRefusal(_ error: RPCCallError) -> Bool {
        let m = error.message.lowercased()
        return [-32005, -32602, -32600].contains(error.code) || m.contains("range") || m.contains("more than") || m.contains("too many") || m.contains("limit")
    }

    /// The results of `calls` at `block`, each nil when the call failed; through `multicall`
    /// (when given) in `aggregate3`s of `multicallSize`, else as JSON-RPC batches of eth_call.
    package func read(_ calls: [ViewCall], at block: Int, multicall: Address?) throws -> [[UInt8]?] {
        let tag = JSONValue.string("0x" + String(block, radix: 16))
        func ethCall(_ to: Address, _ data: [UInt8]) -> JSONRPCClient.Request {
            .init("eth_call", [.object([("to", .string(to.lowercased)), ("data", .string(Hex.prefixed(data)))]), tag])
        }
        if let multicall {
            let groups = stride(from: 0, to: calls.count, by: multicallSize).map { Array(calls[$0..<min(calls.count, $0 + multicallSize)]) }
            let answers = try client.batch(groups.map { ethCall(multicall, Multicall3.encode($0)) }, context: "at block \(block)")
            var out: [[UInt8]?] = []
            for (group, answer) in zip(groups, answers) {
                switch answer {
                case .success(let value):
                    guard let hex = value as? String, let bytes = Hex.decode(hex) else { throw malformed("eth_call", "aggregate3 at block \(block) did not return hex") }
                    do { out += try Multicall3.decode(bytes, count: group.count) } catch { throw malformed("eth_call", "aggregate3 at block \(block): \(error)") }
                case .failure(let error):
                    throw nodeError("eth_call aggregate3 at block \(block)", error)
                }
            }
            return out
        }
        let answers = try client.batch(calls.map { ethCall($0.target, $0.data) }, context: "at block \(block)")
        return try answers.map { answer in
            switch answer {
            case .success(let value):
                guard let hex = value as? String, let bytes = Hex.decode(hex) else { throw malformed("eth_call", "at block \(block): not hex") }
                return bytes
            case .failure(let error):
                if error.message.lowercased().contains("revert") { return nil }
                throw nodeError("eth_call at block \(block)", error)
            }
        }
    }

    /// A JSON-RPC quantity: canonical unsigned hex (`0x0`, `0x1a`): no sign, no empty digits, no
    /// leading zero, no space, at most 15 digits (it must fit a block number).
    func quantity(_ value: Any, _ method: String) throws -> Int {
        guard let n = Node.canonicalQuantity(value) else {
            throw malformed(method, "`\(String(describing: value).prefix(40))` is not a hex quantity (0x0, 0x1a, …)")
        }
        return n
    }

    /// The value of a canonical hex quantity that fits a block number, nil for anything else.
    static func canonicalQuantity(_ value: Any) -> Int? { canonicalQuantity(value, digits: 15).map { Int($0) } }

    /// The value of a canonical hex quantity of at most `digits` digits (`0x0`, `0x1a`: no sign, no
    /// empty digits, no leading zero, no space), nil for anything else.
    static func canonicalQuantity(_ value: Any, digits limit: Int) -> BigUInt? {
        guard let text = value as? String, text.hasPrefix("0x") else { return nil }
        let digits = text.utf8.dropFirst(2)
        guard (1...limit).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }) else {
            return nil
        }
        guard digits.count == 1 || digits.first != 0x30 else { return nil }
        return BigUInt(String(decoding: digits, as: UTF8.self), radix: 16)
    }

    func malformed(_ method: String, _ why: String) -> LIPError {
        LIPError.invalidInput(file: client.endpoint.display, location: "", message: "\(method): a malformed answer (\(why)); nothing was stored")
    }
}
