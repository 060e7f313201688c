// write_text_atomically: the file appears whole or not at all, streamed or from one string.
#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>
#include <stdexcept>
#include <string>

#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"  // read_text

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

std::ptrdiff_t files_in(const fs::path& dir) {
  return std::distance(fs::directory_iterator(dir), fs::directory_iterator{});
}

TEST(AtomicText, StreamedTextIsWrittenWhole) {
  const auto dir = test::scratch_dir() / "streamed";
  fs::create_directories(dir);
  std::string expected;
  write_text_atomically(dir / "table.tsv", [&](std::ostream& out) {
    for (int row = 0; row < 20000; ++row) {
      const std::string line = "row\t" + std::to_string(row) + "\n";
      out << line;
      expected += line;
    }
  });
  EXPECT_EQ(test::read_text((dir / "table.tsv").string()), expected);
  EXPECT_EQ(files_in(dir), 1) << "no temporary file is left";
}

// A writer that fails half way leaves the previous file as it was and no temporary file.
TEST(AtomicText, AFailedWriterLeavesThePreviousFile) {
  const auto dir = test::scratch_dir() / "failed";
  fs::create_directories(dir);
  write_text_atomically(dir / "table.tsv", std::string("previous\n"));
  EXPECT_THROW(write_text_atomically(dir / "table.tsv",
                                     [](std::ostream& out) {
                                       out << "half of a table\n";
                                       throw std::invalid_argument("store changed");
                                     }),
               std::invalid_argument);
  EXPECT_EQ(test::read_text((dir / "table.tsv").string()), "previous\n");
  EXPECT_EQ(files_in(dir), 1) << "the temporary file is removed";
}

TEST(AtomicText, AnUnwritableFolderIsNamed) {
  const auto path = test::scratch_dir() / "no_such_folder" / "table.tsv";
  try {
    write_text_atomically(path, [](std::ostream& out) { out << "text\n"; });
    FAIL() << "writing into a missing folder succeeded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace eegtrack::pipeline
