import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP answer.
package struct HTTPAnswer: Sendable {
    /// The status code.
    package var status: Int
    /// `Retry-After`, in seconds, when the server sent one.
    package var retryAfter: Double?
    /// The body.
    package var body: Data

    /// Creates an answer.
    package init(status: Int, retryAfter: Double? = nil, body: Data) {
        self.status = status
        self.retryAfter = retryAfter
        self.body = body
    }
}

/// Why a request got no HTTP answer at all.
package enum TransportFailure: Error, Sendable {
    /// The connection was refused, dropped or reset.
    case connection(String)
    /// No answer within the timeout.
    case timeout
}

/// Sends a JSON body with POST and waits for the answer: the one seam between the JSON-RPC client
/// and the network, so that its retries and splitting can be tested without one.
package protocol HTTPTransport: Sendable {
    /// POSTs `body` to `url`.
    func post(_ body: Data, to url: URL, timeout: Double) throws -> HTTPAnswer
}

/// `HTTPTransport` over URLSession (FoundationNetworking on Linux); one session for all requests,
/// so that a sync's requests reuse their connection instead of opening one (and a TLS handshake)
/// each.
package final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private var session: URLSession
    private let lock = NSLock()

    /// Creates the transport.
    package init() {
        session = Self.makeSession()
    }

    /// A session that leaves the timeout to each request. FoundationNetworking gives up on a
    /// request after the session's `timeoutIntervalForRequest` (60 s by default) whatever the
    /// request's own `timeoutInterval` says: a node given 1,800 s by `$LIP_RPC_TIMEOUT` was
    /// dropped after 60 s, asked again while still working on the first request, and never
    /// answered in time (measured: `lip-dev bench-sync` at 10,000 voters, a batch of 254 s).
    private static func makeSession() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = longestTimeout
        configuration.timeoutIntervalForResource = longestTimeout
        return URLSession(configuration: configuration)
    }

    /// The session's own limit, a day: above any timeout a request is given (`post` waits for the
    /// request's own and cancels it then).
    static let longestTimeout: Double = 86_400

    deinit { session.finishTasksAndInvalidate() }

    /// After an error status or a failed connection the next request opens a new connection: a
    /// kept-alive connection that the server then drops made FoundationNetworking spin until its
    /// timeout (35 s, measured with the devnet's faults: a 429, then a dropped connection).
    private func freshConnections() {
        lock.withLock {
            session.finishTasksAndInvalidate()
            session = Self.makeSession()
        }
    }

    package func post(_ body: Data, to url: URL, timeout: Double) throws -> HTTPAnswer {
        var request = URLRequest(url: url, timeoutInterval: min(timeout, Self.longestTimeout))
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        final class Box: @unchecked Sendable {
            var answer: HTTPAnswer?
            var failure: TransportFailure?
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let task = lock.withLock { session }.dataTask(with: request) { data, response, error in
            if let error = error as? URLError {
                box.failure = error.code == .timedOut ? .timeout : .connection(error.code.description)
            } else if let error {
                box.failure = .connection("\(type(of: error))")
            } else if let http = response as? HTTPURLResponse {
                let retry = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
                box.answer = HTTPAnswer(status: http.statusCode, retryAfter: retry, body: data ?? Data())
            } else {
                box.failure = .connection("no HTTP answer")
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 5) == .timedOut {
            task.cancel()
            freshConnections()
            throw TransportFailure.timeout
        }
        if let failure = box.failure {
            freshConnections()
            throw failure
        }
        if box.answer!.status != 200 { freshConnections() }
        return box.answer!
    }
}

extension URLError.Code {
    /// A few words for the connection failures a provider causes (never the URL).
    var description: String {
        switch self {
        case .cannotConnectToHost: return "connection refused"
        case .networkConnectionLost: return "connection dropped"
        case .cannotFindHost: return "host not found"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed: return "TLS failed"
        default: return "connection failed (\(rawValue))"
        }
    }
}
