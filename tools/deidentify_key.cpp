#include "deidentify_key.hpp"

#include <iostream>

#include "text_out.hpp"

namespace eegtrack::cli {

std::filesystem::path key_file(const std::string& key_option, const std::filesystem::path& outdir) {
  return key_option.empty() ? outdir / "deidentify.key" : std::filesystem::path(key_option);
}

pipeline::DeidentifyKey project_key(const std::filesystem::path& file, std::string_view advice) {
  bool created = false;
  auto key = pipeline::load_or_create_key(file, &created);
  if (created)
    std::cerr << "eegtrack: created the de-identification key " << printable(file.string()) << ": "
              << advice << '\n';
  return key;
}

}  // namespace eegtrack::cli
