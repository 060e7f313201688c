#pragma once

#include <cstddef>

namespace eegtrack::pipeline {

/// Blocks below this size come from the heap and stay there once freed.
inline constexpr std::size_t kHeapKeptBlockBytes = std::size_t{32} << 20;
/// Freed memory at the top of a heap is handed back to the system only beyond this.
inline constexpr std::size_t kHeapTrimBytes = std::size_t{256} << 20;

/// Makes freed buffers of up to kHeapKeptBlockBytes stay in the process for the next analysis
/// window instead of going back to the system. An analysis allocates and frees buffers of 0.1
/// to a few MB per window (filtered spans, spectra, selections); by default glibc maps the
/// larger ones afresh and trims thread heaps at twice an adaptive threshold, so each window
/// faults in and zeroes new pages, most of all with two analyses in one process (`batch
/// --jobs 2`). Call once, before any thread starts. Returns false where the C library offers
/// no such setting (not glibc), which changes speed only.
bool keep_freed_heap_memory();

}  // namespace eegtrack::pipeline
