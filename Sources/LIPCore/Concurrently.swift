import Foundation

/// A value shared by threads, read and changed only under its lock.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` on the value while holding the lock.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Runs `body` for each index below `count`, as many at a time as the machine has cores (each
/// thread taking the next index when it is free), and returns when all have ended; then throws
/// the error of the lowest index that threw.
package func forEachConcurrently(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
    let errors = Locked<[Int: any Error]>([:])
    DispatchQueue.concurrentPerform(iterations: count) { i in
        do { try body(i) } catch { errors.withLock { $0[i] = error } }
    }
    if let first = errors.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
}
