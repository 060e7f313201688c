#include "eegtrack/pipeline/bids_derivatives.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/version.hpp"

namespace eegtrack::pipeline {

void write_bids_dataset_description(const std::filesystem::path& outdir,
                                    const std::filesystem::path& source_root) {
  using nlohmann::json;
  json source = json::object();
  if (std::ifstream in(source_root / "dataset_description.json"); in) {
    const json parsed = json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_object()) {
      if (parsed.contains("DatasetDOI") && parsed["DatasetDOI"].is_string())
        source["DOI"] = parsed["DatasetDOI"];
    }
  }
  json description = {
      {"Name", "eegtrack quantitative EEG"},
      {"BIDSVersion", "1.9.0"},
      {"DatasetType", "derivative"},
      {"GeneratedBy",
       json::array({{{"Name", "eegtrack"},
                     {"Version", kVersion},
                     {"Description",
                      "Background qEEG, slowing grade and epileptiform detection per recording "
                      "(eegtrack batch)"}}})}};
  if (!source.empty())
    description["SourceDatasets"] = json::array({source});
  write_text_atomically(outdir / "dataset_description.json", dump_json(description) + "\n");
}

}  // namespace eegtrack::pipeline
