// The C library's allocator options (glibc's mallopt), for ProcessMemory in LIPCore. Nothing to
// link: mallopt is in libc itself.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Blocks of up to `mmap_threshold` bytes come from the heap rather than a mapping of their own,
// and up to `trim_threshold` bytes freed at the heap's top stay there for reuse. Returns 1 when
// both are set, 0 when the C library refuses a value or has no such options (not glibc).
static inline int lip_keep_freed_memory(int mmap_threshold, int trim_threshold) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1 && mallopt(M_TRIM_THRESHOLD, trim_threshold) == 1;
#else
    (void)mmap_threshold;
    (void)trim_threshold;
    return 0;
#endif
}
