#include "eegtrack/pipeline/batch_record.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/paths.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

// Whether a record's run de-identified its outputs decides whether a de-identified cohort table
// may show it (cohort_table.hpp); a record that does not say so must not pass for one.
TEST(BatchRecord, KeepsWhetherItsRunDeidentifiedAndAnOlderRecordCountsAsIdentifying) {
  const fs::path out = program_scratch_dir() / "batch_records";
  fs::remove_all(out);
  fs::create_directories(out);
  pipeline::BatchRecord record{"a", "a.edf", "P-1", {{"day", "3"}}, true, "", true};
  pipeline::write_batch_record(out, record);
  EXPECT_TRUE(pipeline::read_batch_record(pipeline::batch_record_path(out, "a")).deidentified);
  record.key = "b";
  record.deidentified = false;
  pipeline::write_batch_record(out, record);
  EXPECT_FALSE(pipeline::read_batch_record(pipeline::batch_record_path(out, "b")).deidentified);
  std::ofstream(out / "c.batch.json")
      << R"({"batch_json_layout_version": 1, "eegtrack_version": "0.1.0", "key": "c",
             "input": "c.edf", "patient_id": null, "extras": [], "status": "ok",
             "error": null})";
  EXPECT_FALSE(pipeline::read_batch_record(out / "c.batch.json").deidentified);
}

}  // namespace
}  // namespace eegtrack::test
