import Foundation
import XCTest

@testable import LIPCore

/// `forEachConcurrently`: every index runs to its end, and the error thrown is the lowest index's
/// whichever thread was faster.
final class ConcurrentlyTests: XCTestCase {
    struct Failure: Error, Equatable { let job: Int }

    func testTheLowestIndexsErrorIsThrownEvenWhenItEndsLast() {
        let ran = Locked(Set<Int>())
        // The later indices fail at once; index 1 fails last.
        XCTAssertThrowsError(
            try forEachConcurrently(4) { i in
                if i == 1 { Thread.sleep(forTimeInterval: 0.05) }
                ran.withLock { _ = $0.insert(i) }
                if i > 0 { throw Failure(job: i) }
            }
        ) { XCTAssertEqual($0 as? Failure, Failure(job: 1)) }
        XCTAssertEqual(ran.withLock { $0 }, [0, 1, 2, 3])
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
