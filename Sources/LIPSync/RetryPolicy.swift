import Foundation

/// How a request that failed for a passing reason (429, 5xx, a dropped connection, a timeout) is
/// tried again: a bounded number of tries, exponential backoff with jitter, honouring Retry-After.
package struct RetryPolicy: Sendable {
    /// Tries in all, the first included.
    package var attempts: Int
    /// The first wait, seconds; each next one doubles.
    package var baseDelay: Double
    /// The longest wait, seconds (Retry-After included).
    package var maximumDelay: Double
    /// Seconds to wait for one answer.
    package var timeout: Double

    /// Creates a policy.
    package init(attempts: Int = 6, baseDelay: Double = 0.5, maximumDelay: Double = 30, timeout: Double = 30) {
        self.attempts = attempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.timeout = timeout
    }

    /// The policy from `$LIP_RPC_RETRIES`, `$LIP_RPC_BACKOFF` and `$LIP_RPC_TIMEOUT` (seconds), else the defaults.
    package static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> RetryPolicy {
        var policy = RetryPolicy()
        if let n = environment["LIP_RPC_RETRIES"].flatMap(Int.init), n > 0 { policy.attempts = n }
        if let d = environment["LIP_RPC_BACKOFF"].flatMap(Double.init), d >= 0 { policy.baseDelay = d }
        if let t = environment["LIP_RPC_TIMEOUT"].flatMap(Double.init), t > 0 { policy.timeout = t }
        return policy
    }

    /// The wait before try `attempt` (1 = the first retry): Retry-After when given, else
    /// base × 2^(attempt−1) plus up to as much again of jitter, never above the maximum.
    package func delay(attempt: Int, retryAfter: Double?, jitter: Double) -> Double {
        if let retryAfter { return min(maximumDelay, max(0, retryAfter)) }
        let exponential = baseDelay * pow(2, Double(attempt - 1))
        return min(maximumDelay, exponential + exponential * min(1, max(0, jitter)))
    }
}
