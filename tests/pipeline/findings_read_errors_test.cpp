// read_findings refuses what is not an eegtrack output, naming the file and the field.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>

#include "eegtrack/io/hdf5_writer.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/pipeline/read_trends.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path write_text(const std::string& name, const std::string& text) {
  const auto path = test::scratch_dir() / name;
  std::ofstream(path) << text;
  return path;
}

// Runs read_findings and returns the error it must throw.
FindingsFileError error_of(const fs::path& path) {
  try {
    (void)read_findings(path);
  } catch (const FindingsFileError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for " << path;
  return FindingsFileError(path, "", "");
}

// A minimal document the reader gets through up to the field under test.
json summary_of_version(const std::string& version) {
  return {{"eegtrack_version", version},
          {"recording",
           {{"size_bytes", 1},
            {"sha256", "00"},
            {"file_type", "EDF"},
            {"duration_s", 1.0},
            {"start", "2020-01-01T00:00:00"},
            {"sample_rate_hz", 256.0},
            {"montage_used", "average"}}},
          {"parameters", {{"bands", json::array()}}}};
}

TEST(FindingsReadErrors, NotJsonNamesTheFile) {
  const auto path = write_text("corrupt.summary.json", "{\"recording\": [1, 2");
  const auto e = error_of(path);
  EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("not JSON"), std::string::npos) << e.what();
}

// Found by fuzzing: a number beyond the range of double is valid JSON syntax, but the parser
// reports it as out_of_range, not parse_error; it ended the program.
TEST(FindingsReadErrors, NumberBeyondDoubleRangeIsAnErrorNotACrash) {
  const auto path =
      write_text("overflow.summary.json", R"({"recording": {"size_bytes": 444e444}})");
  const auto e = error_of(path);
  EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("not JSON"), std::string::npos) << e.what();
}

TEST(FindingsReadErrors, ForeignJsonIsNotAnEegtrackSummary) {
  const auto path = write_text("foreign.json", R"({"name": "a package", "version": "1.0"})");
  const auto e = error_of(path);
  EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("not an eegtrack summary"), std::string::npos) << e.what();
}

TEST(FindingsReadErrors, UnknownLayoutVersionIsRefused) {
  const auto path = write_text("future.summary.json", summary_of_version("7.3.0").dump());
  const auto e = error_of(path);
  EXPECT_EQ(e.field(), "eegtrack_version");
  EXPECT_NE(std::string(e.what()).find("7.3.0"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("unknown"), std::string::npos) << e.what();
}

TEST(FindingsReadErrors, MissingOrMistypedFieldIsNamed) {
  auto doc = summary_of_version("0.1.0");
  const auto missing = error_of(write_text("missing.summary.json", doc.dump()));
  EXPECT_EQ(missing.field(), "quality");
  EXPECT_NE(std::string(missing.what()).find("quality: missing"), std::string::npos)
      << missing.what();

  doc["recording"]["size_bytes"] = "large";
  const auto mistyped = error_of(write_text("mistyped.summary.json", doc.dump()));
  EXPECT_EQ(mistyped.field(), "recording.size_bytes");
  EXPECT_NE(std::string(mistyped.what()).find("expected a non-negative integer"), std::string::npos)
      << mistyped.what();

  doc["recording"]["size_bytes"] = 1;
  doc["recording"]["montage_used"] = "zigzag";
  const auto unknown = error_of(write_text("montage.summary.json", doc.dump()));
  EXPECT_EQ(unknown.field(), "recording.montage_used");
}

TEST(FindingsReadErrors, MissingFileAndForeignHdf5) {
  const auto absent = test::scratch_dir() / "absent.summary.json";
  EXPECT_THROW((void)read_findings(absent), FindingsFileError);
  const auto text = write_text("text.h5", "not hdf5");
  EXPECT_THROW((void)read_findings_h5(text), FindingsFileError);
  const auto foreign = test::scratch_dir() / "foreign.h5";
  {
    io::Hdf5Writer w(foreign);
    w.write_attribute("/", "creator", std::string("another program"));
    w.commit();
  }
  try {
    (void)read_findings_h5(foreign);
    ADD_FAILURE() << "no error";
  } catch (const FindingsFileError& e) {
    EXPECT_EQ(e.field(), "eegtrack_layout_version");
    EXPECT_NE(std::string(e.what()).find(foreign.string()), std::string::npos) << e.what();
  }
}

// A store of layout 1.x (strings were variable-length then) or of a future major is refused by
// both readers with the version named, never half-read.
TEST(FindingsReadErrors, StoreOfAnotherLayoutMajorIsRefusedByBothReaders) {
  for (const std::string version : {"1.2", "3.0"}) {
    const auto store = test::scratch_dir() / ("layout-" + version + ".h5");
    {
      io::Hdf5Writer w(store);
      w.write_attribute("/", "eegtrack_layout_version", version);
      w.commit();
    }
    for (const auto& read : {std::function<void()>([&] { (void)read_findings_h5(store); }),
                             std::function<void()>([&] { (void)read_recording_trends(store); })}) {
      try {
        read();
        ADD_FAILURE() << "layout " << version << " was read";
      } catch (const FindingsFileError& e) {
        EXPECT_EQ(e.field(), "eegtrack_layout_version");
        const std::string what = e.what();
        EXPECT_NE(what.find("layout " + version + " is unknown to this eegtrack (reads 2.x)"),
                  std::string::npos)
            << what;
      }
    }
  }
}

}  // namespace
}  // namespace eegtrack::pipeline
