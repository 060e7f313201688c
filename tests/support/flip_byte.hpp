#pragma once

// A file corrupted in place, as a bad disk or a careless copy leaves it: one byte in the
// middle inverted (so it certainly changes, whatever it was).

#include <filesystem>

namespace eegtrack::test {

void flip_middle_byte(const std::filesystem::path& file);

}  // namespace eegtrack::test
