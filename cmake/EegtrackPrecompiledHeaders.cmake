# Precompiled headers for the targets whose files spend most of their compile time parsing the
# same third-party headers (GoogleTest, nlohmann/json, CLI11, the standard library): in the ci
# preset's from-scratch build a test file spent 3.5 of its 8 s in the front end on them. Off by
# default: a precompiled header makes every file of a target see headers it did not include, and
# development builds (ccache, incremental) gain little; the ci and tsan presets turn it on.
option(EEGTRACK_PRECOMPILED_HEADERS "Precompile the common third-party headers of the tests and CLI" OFF)

# eegtrack_precompile_headers(TARGET HEADER...): HEADERs are system-style names such as
# <gtest/gtest.h>.
function(eegtrack_precompile_headers target)
  if(EEGTRACK_PRECOMPILED_HEADERS)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
