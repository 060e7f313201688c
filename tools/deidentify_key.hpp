// The project's de-identification key as analyze, followup, batch and slurm take it: the file
// named by --deidentify-key, else OUTDIR/deidentify.key, created on first use with a note on
// stderr (pipeline/deidentify.hpp says what the key makes).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "eegtrack/pipeline/deidentify.hpp"

namespace eegtrack::cli {

/// --deidentify-key's value when given, else OUTDIR/deidentify.key.
[[nodiscard]] std::filesystem::path key_file(const std::string& key_option,
                                             const std::filesystem::path& outdir);

/// Reads the key at `file` or creates it; when created, tells the user so on stderr, ending
/// with `advice` (what to do with it).
pipeline::DeidentifyKey project_key(const std::filesystem::path& file, std::string_view advice);

/// The advice of the commands that analyse one patient's recordings.
inline constexpr std::string_view kKeepForThisPatient =
    "keep it secret and give it again (--deidentify-key) for this patient's other recordings";

}  // namespace eegtrack::cli
