#include "eegtrack/pipeline/batch_shard.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>

#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/batch_record.hpp"

namespace eegtrack::pipeline {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A plain decimal number: digits only, so "+1", " 1", "1.0" and "0x1" are refused.
std::optional<std::size_t> decimal(std::string_view text) {
  if (text.empty() || text.size() > 9)  // a billion shards is no cluster's array
    return std::nullopt;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

std::size_t slurm_number(const EnvironmentLookup& getenv, const char* name,
                         std::optional<std::size_t> fallback) {
  const char* text = getenv(name);
  if (text == nullptr) {
    if (fallback)
      return *fallback;
    throw io::UsageError(std::string(name) + " is not set although SLURM_ARRAY_TASK_ID is: " +
                         "cannot tell which shard this array task is (give --shard K/N)");
  }
  const auto value = decimal(text);
  if (!value)
    throw io::UsageError(std::string(name) + "='" + text + "': not a whole number");
  return *value;
}

constexpr const char* kShardFolder = "shards";

}  // namespace

BatchShard parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  const auto bad = [&](const std::string& why) {
    return io::UsageError("--shard '" + std::string(text) + "': " + why);
  };
  if (slash == std::string_view::npos)
    throw bad("expected K/N, the K-th of N shards (1 <= K <= N), e.g. 2/8");
  const auto k = decimal(text.substr(0, slash));
  const auto n = decimal(text.substr(slash + 1));
  if (!k || !n)
    throw bad("K and N must be whole numbers, as in 2/8");
  if (*n == 0)
    throw bad("N must be at least 1");
  if (*k < 1 || *k > *n)
    throw bad("K must be between 1 and N (shards are numbered from 1)");
  return {*k, *n};
}

std::string to_string(const BatchShard& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

std::optional<BatchShard> slurm_array_shard(const EnvironmentLookup& getenv) {
  if (getenv("SLURM_ARRAY_TASK_ID") == nullptr)
    return std::nullopt;
  const std::size_t id = slurm_number(getenv, "SLURM_ARRAY_TASK_ID", std::nullopt);
  const std::size_t count = slurm_number(getenv, "SLURM_ARRAY_TASK_COUNT", std::nullopt);
  const std::size_t min = slurm_number(getenv, "SLURM_ARRAY_TASK_MIN", 0);
  const std::size_t step = slurm_number(getenv, "SLURM_ARRAY_TASK_STEP", 1);
  const std::string ids = "SLURM_ARRAY_TASK_ID=" + std::to_string(id) +
                          " (MIN=" + std::to_string(min) + ", STEP=" + std::to_string(step) +
                          ", COUNT=" + std::to_string(count) + ")";
  if (count == 0 || step == 0)
    throw io::UsageError(ids + ": SLURM_ARRAY_TASK_COUNT and _STEP must be at least 1");
  if (id < min || (id - min) % step != 0 || (id - min) / step >= count)
    throw io::UsageError(ids + ": the array's ids are not an evenly spaced range such as " +
                         "--array=1-" + std::to_string(count) +
                         ", so they cannot number shards (give --shard K/N)");
  return BatchShard{(id - min) / step + 1, count};
}

std::vector<BatchInput> select_shard(const std::vector<BatchInput>& sorted_by_key,
                                     const BatchShard& shard) {
  std::vector<BatchInput> out;
  for (std::size_t i = shard.index - 1; i < sorted_by_key.size(); i += shard.count)
    out.push_back(sorted_by_key[i]);
  return out;
}

fs::path shard_record_path(const fs::path& outdir, const BatchShard& shard) {
  return outdir / kShardFolder /
         ("shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) + ".json");
}

void write_shard_record(const fs::path& outdir, const ShardRecord& r) {
  const fs::path path = shard_record_path(outdir, r.shard);
  fs::create_directories(path.parent_path());
  json j = {{"shard_json_layout_version", 1},
            {"shard", r.shard.index},
            {"shard_count", r.shard.count},
            {"rule", "recordings sorted by key; recording i (0-based) in shard (i mod N) + 1"},
            {"finished", r.finished},
            {"keys", r.keys}};
  if (r.finished) {
    j["analysed"] = r.analysed;
    j["skipped"] = r.skipped;
    j["failed"] = r.failed;
  }
  write_text_atomically(path, dump_json(j) + "\n");
}

std::vector<std::string> unfinished_shards(const fs::path& outdir) {
  std::vector<std::string> out;
  const fs::path folder = outdir / kShardFolder;
  if (!fs::is_directory(folder))
    return out;
  std::vector<fs::path> records;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      records.push_back(entry.path());
  std::sort(records.begin(), records.end());
  for (const auto& path : records) {
    std::ifstream in(path, std::ios::binary);
    try {
      const json j = json::parse(in);
      if (j.at("finished").get<bool>())
        continue;
      std::size_t missing = 0;
      const auto keys = j.at("keys").get<std::vector<std::string>>();
      for (const auto& key : keys)
        missing += fs::exists(batch_record_path(outdir, key)) ? 0 : 1;
      // Its recordings all have results (a later run, with other shards, did them): the table
      // lacks nothing.
      if (missing == 0)
        continue;
      out.push_back("shard " + std::to_string(j.at("shard").get<std::size_t>()) + "/" +
                    std::to_string(j.at("shard_count").get<std::size_t>()) + " has not finished (" +
                    path.string() + "): " + std::to_string(missing) + " of its " +
                    std::to_string(keys.size()) +
                    " recording(s) have no result yet and are not in the cohort table");
    } catch (const json::exception& e) {
      throw io::EdfError(path, std::string("not a shard record: ") + e.what());
    }
  }
  return out;
}

}  // namespace eegtrack::pipeline
