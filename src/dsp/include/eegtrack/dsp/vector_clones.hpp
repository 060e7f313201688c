#pragma once

// EEGTRACK_VECTOR_CLONES before a function definition compiles it twice on x86-64: once for
// the baseline (SSE2, what a Debian package may assume) and once for AVX2, chosen at load
// time by the CPU. Only loops the compiler vectorises gain. The AVX2 copy adds, multiplies
// and compares in the same order on wider registers: FMA is not enabled and ISO C++ forbids
// contracting a * b + c, so both copies give the same bits.
//
// ThreadSanitizer's runtime is not ready when the loader runs the copy-choosing resolver
// (the program crashes before main), so sanitised thread builds keep the baseline copy only.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define EEGTRACK_NO_VECTOR_CLONES
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define EEGTRACK_NO_VECTOR_CLONES
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(EEGTRACK_NO_VECTOR_CLONES)
#define EEGTRACK_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define EEGTRACK_VECTOR_CLONES
#endif

// Loops that need a wider vector type than their source's (a target_clones copy keeps the
// source's type) are written twice, one copy with [[gnu::target("avx2")]], and chosen at run
// time by cpu_has_avx2(). Such dispatch needs no loader resolver, so it stays on under
// ThreadSanitizer too.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define EEGTRACK_AVX2_DISPATCH 1
namespace eegtrack::dsp {
/// Whether the processor has AVX2 (asked once).
inline bool cpu_has_avx2() {
  static const bool avx2 = __builtin_cpu_supports("avx2") != 0;
  return avx2;
}
}  // namespace eegtrack::dsp
#endif
