import Foundation
import XCTest

@testable import LIPCore

/// `ProcessMemory.keepFreedMemory`: glibc takes both values, and blocks of megabytes freed and
/// allocated again on a worker thread (as `lip site` makes its pages) are not faulted in again.
final class ProcessMemoryTests: XCTestCase {
    func testFreedBlocksOfMegabytesAreReusedWithoutPageFaults() throws {
        #if canImport(Glibc)
            XCTAssertTrue(ProcessMemory.keepFreedMemory(), "glibc refused the options")
            let faults = Locked(0)
            let worker = Thread {
                var usage = rusage()
                // Blocks of 1, 2, 4 and 8 MB, again and again, each grown from 4 KB as an array grows.
                let sizes = (0..<40).map { 1 << (20 + $0 % 4) }
                for (k, size) in sizes.enumerated() {
                    if k == 5 { getrusage(RUSAGE_SELF.rawValue, &usage) }
                    // Grown as an array grows: a block twice the size, the old one copied and freed.
                    var block = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
                    block.initializeMemory(as: UInt8.self, repeating: UInt8(k))
                    while block.count < size {
                        let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: block.count * 2, alignment: 16)
                        grown.copyMemory(from: UnsafeRawBufferPointer(block))
                        grown[block.count...].initializeMemory(as: UInt8.self, repeating: UInt8(k))
                        block.deallocate()
                        block = grown
                    }
                    block.deallocate()
                }
                let before = usage.ru_minflt
                getrusage(RUSAGE_SELF.rawValue, &usage)
                faults.withLock { $0 = usage.ru_minflt - before }
            }
            worker.start()
            while !worker.isFinished { Thread.sleep(forTimeInterval: 0.01) }
            // After five blocks (the heap grown to the largest), none is faulted in again: 0 here;
            // 2,048 with glibc's defaults, whose trimming gives the top of the heap back.
            XCTAssertLessThan(faults.withLock { $0 }, 256)
        #else
            throw XCTSkip("glibc's allocator options only")
        #endif
    }
}
