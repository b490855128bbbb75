import Foundation
import XCTest

@testable import LIPCore

/// `runConcurrently`: every job runs to its end, and the error thrown is the first job's (in the
/// order given) whichever thread was faster.
final class ConcurrentlyTests: XCTestCase {
    struct Failure: Error, Equatable { let job: Int }

    func testEveryJobRunsAndTheFirstJobsErrorIsThrown() {
        let ran = Locked(Set<Int>())
        let jobs: [@Sendable () throws -> Void] = (0..<4).map { i in
            {
                // The later jobs fail at once; job 1 fails last.
                if i == 1 { Thread.sleep(forTimeInterval: 0.05) }
                ran.withLock { _ = $0.insert(i) }
                if i > 0 { throw Failure(job: i) }
            }
        }
        XCTAssertThrowsError(try runConcurrently(jobs)) { XCTAssertEqual($0 as? Failure, Failure(job: 1)) }
        XCTAssertEqual(ran.withLock { $0 }, [0, 1, 2, 3])
        XCTAssertNoThrow(try runConcurrently([{ ran.withLock { _ = $0.insert(9) } }]))
        XCTAssertTrue(ran.withLock { $0.contains(9) })
    }

    func testEveryIndexRunsOnceAndTheLowestIndexsErrorIsThrown() {
        let seen = Locked([Int: Int]())
        XCTAssertThrowsError(
            try forEachConcurrently(200) { i in
                seen.withLock { $0[i, default: 0] += 1 }
                if i % 50 == 7 { throw Failure(job: i) }
            }
        ) { XCTAssertEqual($0 as? Failure, Failure(job: 7)) }
        XCTAssertEqual(seen.withLock { $0 }, Dictionary(uniqueKeysWithValues: (0..<200).map { ($0, 1) }))
        XCTAssertNoThrow(try forEachConcurrently(0) { _ in XCTFail("no index") })
    }
}
