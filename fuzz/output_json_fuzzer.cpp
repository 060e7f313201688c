// Reading back the JSON outputs of earlier runs, as analyze/followup/batch reuse them and as
// report and merge read them: <stem>.summary.json (findings), <patient>.followup.json (the
// follow-up report's data) and <key>.batch.json (batch records). One input is tried as each.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/batch_record.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/report/followup_data.hpp"
#include "memory_file.hpp"

namespace io = eegtrack::io;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const eegtrack::fuzz::MemoryFile file(data, size);
  try {
    (void)eegtrack::pipeline::read_findings(file.path());
  } catch (const io::EdfError&) {
  }
  try {
    (void)eegtrack::pipeline::read_batch_record(file.path());
  } catch (const io::EdfError&) {
  }
  const auto json = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded())
    return 0;
  try {
    (void)eegtrack::report::followup_from_json(json, file.path().string());
  } catch (const eegtrack::report::FollowupInputError&) {
  }
  return 0;
}
