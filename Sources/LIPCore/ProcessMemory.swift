import CMallocOptions

/// How the process's allocator treats memory it frees.
package enum ProcessMemory {
    /// Keeps memory the process frees for its next allocations rather than giving it back to the
    /// kernel, which hands it out again zeroed, a page fault for every 4 KB. With glibc's defaults
    /// a block of megabytes (a vote page of ten thousand rows, a proposal's votes) is mapped on
    /// its own and unmapped when freed, and the heap trimmed as it shrinks: `lip site` at ten
    /// thousand voters took 283,000 page faults, 23,000 with these options, and about a tenth
    /// less CPU time (docs/performance.md). Blocks up to 32 MB come from the heap, and up to
    /// 256 MB freed stays with the process; a `lip` process is short, and its peak is what it
    /// was (120 MB for that site, 118 MB before). False where the C library has no such options.
    @discardableResult
    package static func keepFreedMemory() -> Bool {
        lip_keep_freed_memory(32 << 20, 256 << 20) == 1
    }
}
