import Foundation
import LIPCore

/// A JSON-RPC 2.0 client over HTTP that survives what providers do: 429 with Retry-After, 5xx,
/// dropped connections and timeouts are retried with backoff and jitter; a batch larger than the
/// node accepts is split; an answer that is not JSON-RPC is an error and nothing is kept. Errors
/// show the node by scheme and host only.
package final class JSONRPCClient: @unchecked Sendable {
    /// One request of a batch.
    package struct Request: Sendable {
        /// The method.
        package var method: String
        /// Its parameters.
        package var params: [JSONValue]

        /// Creates a request.
        package init(_ method: String, _ params: [JSONValue]) {
            self.method = method
            self.params = params
        }
    }

    /// The node.
    package let endpoint: RPCEndpoint
    /// How failures are retried.
    package let policy: RetryPolicy
    /// Requests sent in one batch at most; lowered when the node refuses a batch as too large.
    package private(set) var batchLimit: Int
    /// HTTP requests sent, retries included (what a provider counts).
    package private(set) var roundTrips = 0

    private let transport: any HTTPTransport
    private let pause: @Sendable (Double) -> Void
    private let jitter: @Sendable () -> Double
    private var nextID = 1
    private let lock = NSLock()

    /// Creates a client of `endpoint`; `transport`, `pause` and `jitter` are seams for tests.
    package init(
        endpoint: RPCEndpoint, policy: RetryPolicy = .fromEnvironment(), batchLimit: Int = 100, transport: any HTTPTransport = URLSessionTransport(),
        pause: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.endpoint = endpoint
        self.policy = policy
        self.batchLimit = max(1, batchLimit)
        self.transport = transport
        self.pause = pause
        self.jitter = jitter
    }

    /// Calls `method`; a JSON-RPC error comes back as `RPCCallError`, anything else that goes
    /// wrong as an `LIPError` (exit 2) naming the method and `context`.
    package func call(_ method: String, _ params: [JSONValue], context: String = "") throws -> Any {
        let id = takeID()
        let body = JSONValue.object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", .array(params))])
        let answer = try send(body, what: method + (context.isEmpty ? "" : " " + context))
        guard let object = answer as? [String: Any] else { throw malformed(method, "not a JSON-RPC object") }
        return try result(of: object, id: id, method: method)
    }

    /// Calls every request, in batches of at most `batchLimit`, splitting a batch the node
    /// refuses as too large; each result is the value or the node's error for that request.
    package func batch(_ requests: [Request], context: String = "") throws -> [Result<Any, RPCCallError>] {
        var out: [Result<Any, RPCCallError>] = []
        var start = 0
        while start < requests.count {
            let size = min(batchLimit, requests.count - start)
            if let answers = try sendBatch(Array(requests[start..<start + size]), context: context) {
                out += answers
                start += size
            } else {
                guard size > 1 else { throw LIPError.unreadable(path: endpoint.display, reason: "the node refuses even a batch of one request") }
                batchLimit = max(1, size / 2)
            }
        }
        return out
    }

    /// One batch; nil when the node says it is too large.
    private func sendBatch(_ requests: [Request], context: String) throws -> [Result<Any, RPCCallError>]? {
        let ids = requests.map { _ in takeID() }
        let body = JSONValue.array(
            zip(ids, requests).map { id, r in
                .object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(r.method)), ("params", .array(r.params))])
            })
        let methods = Set(requests.map(\.method)).sorted().joined(separator: ", ")
        let answer: Any
        do { answer = try send(body, what: "a batch of \(requests.count) (\(methods))" + (context.isEmpty ? "" : " " + context)) } catch BatchRefused.tooLarge {
            return nil
        }
        if let object = answer as? [String: Any], let error = object["error"] as? [String: Any] {
            // A whole batch answered with one error: too large, or not accepted as a batch.
            if requests.count > 1 && JSONRPCClient.isBatchLimit(error) { return nil }
            throw LIPError.node(endpoint: endpoint.display, method: "a batch of \(requests.count) (\(methods))", message: error["message"] as? String ?? "")
        }
        guard let array = answer as? [[String: Any]] else { throw malformed(methods, "a batch was not answered with an array") }
        // Geth answers a batch over its limit with an array of ONE error (-32600 "batch too large")
        // carrying the first call's id: a signal to split, like other providers' limits.
        if requests.count > 1, array.count == 1, let error = array[0]["error"] as? [String: Any], JSONRPCClient.isBatchLimit(error) { return nil }
        var byID: [Int: [String: Any]] = [:]
        for item in array {
            guard let id = JSONRPCClient.integerID(item["id"]) else { throw malformed(methods, "an answer in the batch has no integer id") }
            guard byID[id] == nil else { throw malformed(methods, "two answers in the batch have id \(id)") }
            byID[id] = item
        }
        guard byID.count == ids.count, Set(byID.keys) == Set(ids) else {
            let extra = Set(byID.keys).subtracting(ids).sorted().first
            throw malformed(
                methods, extra.map { "the batch's answer has id \($0), which no request of it had" } ?? "the batch's answer lacks request \(ids.first { byID[$0] == nil } ?? 0)")
        }
        return try zip(ids, requests).map { id, request in
            do { return .success(try result(of: byID[id]!, id: id, method: request.method)) } catch let error as RPCCallError { return .failure(error) }
        }
    }

    /// Whether a JSON-RPC error says the batch was over the node's limit.
    static func isBatchLimit(_ error: [String: Any]) -> Bool {
        let message = (error["message"] as? String ?? "").lowercased()
        return message.contains("batch") || message.contains("too large") || message.contains("too many")
    }

    /// An id exactly as `lip` sends them: a JSON integer (never a string, a boolean or a
    /// fraction that happens to equal it).
    static func integerID(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, !(value is String) else { return nil }
        // Booleans and floating point numbers parse to NSNumber too: only an integer type counts.
        let type = String(cString: number.objCType)
        guard ["q", "l", "i", "s", "Q", "L", "I", "S"].contains(type) else { return nil }
        return number.intValue
    }

    private enum BatchRefused: Error { case tooLarge }

    /// The result of one answer object, or the node's error.
    private func result(of object: [String: Any], id: Int, method: String) throws -> Any {
        guard JSONRPCClient.integerID(object["id"]) == id else { throw malformed(method, "the answer's id is not the request's") }
        if let error = object["error"] as? [String: Any] {
            throw RPCCallError(code: JSONRPCClient.integerID(error["code"]) ?? 0, message: error["message"] as? String ?? "")
        }
        guard let result = object["result"] else { throw malformed(method, "no result and no error") }
        return result
    }

    /// Sends one body, retrying passing failures, and parses the JSON answer.
    ///
    /// A connection the provider dropped is tried again at once, on a new connection (the
    /// transport opens one after any failure): a drop is no sign of load, and waiting it out only
    /// makes a sync slow. Drops have a budget of their own (`droppedConnections`); every other
    /// passing failure (429, 5xx, a timeout) waits with backoff, `policy.attempts` tries in all.
    private func send(_ body: JSONValue, what: String) throws -> Any {
        let data = Data(body.serialized(pretty: false).utf8)
        var last = ""
        var tries = 0, drops = 0
        var lastWasDrop = false
        var retryAfter: Double?
        sending: while true {
            if tries > 0 && !lastWasDrop { pause(policy.delay(attempt: tries, retryAfter: retryAfter, jitter: jitter())) }
            lastWasDrop = false
            retryAfter = nil
            lock.lock()
            roundTrips += 1
            lock.unlock()
            let answer: HTTPAnswer
            do { answer = try transport.post(data, to: endpoint.url, timeout: policy.timeout) } catch let failure as TransportFailure {
                switch failure {
                case .timeout:
                    last = "no answer within \(policy.timeout) s"
                    tries += 1
                case .connection(let why):
                    last = why
                    drops += 1
                    lastWasDrop = true
                    guard drops <= Self.droppedConnections else {
                        throw LIPError.unreadable(path: endpoint.display, reason: "\(what) failed: the connection was dropped \(drops) times in a row (\(why))")
                    }
                }
                guard tries < policy.attempts else { break sending }
                continue
            }
            switch answer.status {
            case 200..<300:
                guard let parsed = try? JSONSerialization.jsonObject(with: answer.body, options: [.fragmentsAllowed]) else {
                    throw malformed(what, "the answer is not JSON")
                }
                return parsed
            case 413:
                throw BatchRefused.tooLarge
            case 429, 500..<600:
                last = answer.status == 429 ? "HTTP 429 Too Many Requests" : "HTTP \(answer.status)"
                retryAfter = answer.retryAfter
                tries += 1
                guard tries < policy.attempts else { break sending }
                continue
            default:
                throw LIPError.unreadable(path: endpoint.display, reason: "\(what): HTTP \(answer.status)")
            }
        }
        throw LIPError.unreadable(path: endpoint.display, reason: "\(what) failed after \(policy.attempts) tries: \(last)")
    }

    /// How many dropped connections in a row one request survives (each retried at once).
    static let droppedConnections = 16

    private func takeID() -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        return nextID - 1
    }

    private func malformed(_ what: String, _ why: String) -> LIPError {
        LIPError.invalidInput(file: endpoint.display, location: "", message: "\(what): a malformed answer (\(why)); nothing was stored")
    }
}
