#include "eegtrack/pipeline/batch_record.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/batch_keys.hpp"
#include "eegtrack/pipeline/tsv_text.hpp"
#include "eegtrack/version.hpp"

namespace eegtrack::pipeline {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
constexpr const char* kSuffix = ".batch.json";
}

fs::path batch_record_path(const fs::path& outdir, const std::string& key) {
  return outdir / (key + kSuffix);
}

void write_batch_record(const fs::path& outdir, const BatchRecord& r) {
  json extras = json::array();
  for (const auto& [name, value] : r.extras)
    extras.push_back(json::array({tsv_cell(name), tsv_cell(value)}));
  const json j = {{"batch_json_layout_version", 1},
                  {"eegtrack_version", kVersion},
                  {"key", r.key},
                  {"input", tsv_cell(r.input)},
                  {"patient_id", r.patient_id ? json(tsv_cell(*r.patient_id)) : json(nullptr)},
                  {"extras", extras},
                  {"status", r.ok ? "ok" : "error"},
                  {"error", r.ok ? json(nullptr) : json(tsv_cell(r.error))},
                  {"deidentified", r.deidentified}};
  write_text_atomically(batch_record_path(outdir, r.key), dump_json(j) + "\n");
}

BatchRecord read_batch_record(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw io::EdfError(path, "cannot read");
  try {
    const json j = json::parse(in);
    if (j.at("batch_json_layout_version").get<int>() != 1)
      throw io::EdfError(path, "unknown batch_json_layout_version");
    BatchRecord r;
    r.key = j.at("key").get<std::string>();
    // The key names files read by merge: it must stay inside OUTDIR.
    if (!key_stays_inside(r.key))
      throw io::EdfError(path, "key '" + r.key + "' leaves the output folder");
    const auto bytes = [](const json& v) { return tsv_cell_bytes(v.get<std::string>()); };
    r.input = bytes(j.at("input"));
    if (!j.at("patient_id").is_null())
      r.patient_id = bytes(j.at("patient_id"));
    for (const auto& pair : j.at("extras"))
      r.extras.emplace_back(bytes(pair.at(0)), bytes(pair.at(1)));
    r.ok = j.at("status").get<std::string>() == "ok";
    if (!r.ok)
      r.error = bytes(j.at("error"));
    if (const auto it = j.find("deidentified"); it != j.end())
      r.deidentified = it->get<bool>();
    return r;
  } catch (const json::exception& e) {
    throw io::EdfError(path, std::string("not a batch record: ") + e.what());
  }
}

std::vector<BatchRecord> read_batch_records(const fs::path& outdir) {
  std::vector<BatchRecord> out;
  for (const auto& entry : fs::recursive_directory_iterator(outdir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > std::string(kSuffix).size() &&
        name.ends_with(kSuffix))
      out.push_back(read_batch_record(entry.path()));
  }
  std::sort(out.begin(), out.end(),
            [](const BatchRecord& a, const BatchRecord& b) { return a.key < b.key; });
  return out;
}

}  // namespace eegtrack::pipeline
