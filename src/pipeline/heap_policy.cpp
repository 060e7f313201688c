#include "eegtrack/pipeline/heap_policy.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace eegtrack::pipeline {

bool keep_freed_heap_memory() {
#if defined(__GLIBC__)
  // A fixed mmap threshold also stops glibc from adapting it (and the trim threshold with it).
  return mallopt(M_MMAP_THRESHOLD, static_cast<int>(kHeapKeptBlockBytes)) == 1 &&
         mallopt(M_TRIM_THRESHOLD, static_cast<int>(kHeapTrimBytes)) == 1;
#else
  return false;
#endif
}

}  // namespace eegtrack::pipeline
