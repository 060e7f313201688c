// The process heap policy of the eegtrack executable (pipeline::keep_freed_heap_memory). Each
// test runs in its own process (gtest_discover_tests), so glibc's adaptive thresholds start
// from their defaults: without the policy a block of 30 MB is mapped on its own and unmapped
// when freed.
#include "eegtrack/pipeline/heap_policy.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// A sanitizer's build (CI runs the suite under ASan) replaces malloc with its own allocator,
// which has no such settings: keep_freed_heap_memory() reports false there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define EEGTRACK_REPLACED_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define EEGTRACK_REPLACED_ALLOCATOR 1
#endif
#endif

namespace {

using eegtrack::pipeline::keep_freed_heap_memory;

#if defined(__GLIBC__) && !defined(EEGTRACK_REPLACED_ALLOCATOR)
TEST(HeapPolicy, AFreedBlockBelowTheLimitStaysInTheHeap) {
  ASSERT_TRUE(keep_freed_heap_memory());
  constexpr std::size_t kBytes = std::size_t{30} << 20;  // below kHeapKeptBlockBytes
  const auto before = mallinfo2();
  void* block = std::malloc(kBytes);
  ASSERT_NE(block, nullptr);
  std::memset(block, 1, kBytes);  // the pages are faulted in once
  const auto held = mallinfo2();
  EXPECT_EQ(held.hblks, before.hblks) << "the block was mapped on its own";
  EXPECT_GE(held.arena, before.arena + kBytes);
  std::free(block);
  const auto after = mallinfo2();
  // Still the process's, free for the next window: not trimmed back to the system.
  EXPECT_GE(after.fordblks, before.fordblks + kBytes);
  EXPECT_GE(after.arena, before.arena + kBytes);
}

TEST(HeapPolicy, BlocksAboveTheLimitAreStillMappedOnTheirOwn) {
  ASSERT_TRUE(keep_freed_heap_memory());
  const auto before = mallinfo2();
  void* block = std::malloc(eegtrack::pipeline::kHeapKeptBlockBytes + (std::size_t{1} << 20));
  ASSERT_NE(block, nullptr);
  EXPECT_EQ(mallinfo2().hblks, before.hblks + 1);
  std::free(block);
  EXPECT_EQ(mallinfo2().hblks, before.hblks);
}
#else
TEST(HeapPolicy, AFreedBlockBelowTheLimitStaysInTheHeap) {
  EXPECT_FALSE(keep_freed_heap_memory());  // nothing to set: speed only, results unchanged
  GTEST_SKIP() << "malloc is not glibc's here (a sanitizer's allocator or another C library)";
}
#endif

}  // namespace
