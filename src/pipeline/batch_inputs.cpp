#include "eegtrack/pipeline/batch_inputs.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/batch_keys.hpp"
#include "eegtrack/pipeline/delimited_table.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string without_extension(const std::string& relative) {
  const auto slash = relative.rfind('/');
  const auto dot = relative.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) ||
      dot == (slash == std::string::npos ? 0 : slash + 1))
    return relative;
  return relative.substr(0, dot);
}

// A file that holds annotation signals alone is no recording. Only a header read in full can
// say so; an unreadable one is left to the analysis, which names its problem in errors.tsv.
bool holds_annotations_only(const fs::path& file) {
  try {
    return io::read_header(file).data_signals().empty();
  } catch (const std::exception&) {
    return false;
  }
}

// Where a path leads, symbolic links resolved; the path itself when that fails (a broken link),
// so that it stays an input and its analysis names the problem.
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  auto out = fs::canonical(p, ec);
  return ec ? fs::absolute(p, ec).lexically_normal() : out;
}

std::vector<BatchInput> folder_inputs(const fs::path& root, const fs::path& exclude,
                                      BatchInputs& found) {
  struct Found {
    BatchInput input;
    fs::path target;      ///< the file it leads to
    bool through_link{};  ///< reached through a symbolic link on the way
  };
  std::vector<Found> files;
  const fs::path real_root = resolved(root);
  // The folders from the root down to the current one, resolved: a link back to one of them
  // would repeat the search until the path grows too long (some forty rounds).
  std::vector<fs::path> above{real_root};
  const auto options = fs::directory_options::follow_directory_symlink |
                       fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(root, options);
       it != fs::recursive_directory_iterator(); ++it) {
    std::error_code ec;
    // Lexically: a symbolic link is named where it lies, not where it points.
    std::string relative = it->path().lexically_relative(root).generic_string();
    if (it->is_directory(ec)) {
      above.resize(static_cast<std::size_t>(it.depth()) + 1);
      const fs::path target = resolved(it->path());
      if (!exclude.empty() && fs::equivalent(it->path(), exclude, ec)) {
        it.disable_recursion_pending();
      } else if (std::find(above.begin(), above.end(), target) != above.end()) {
        it.disable_recursion_pending();
        found.link_loops.push_back(std::move(relative));
      } else {
        above.push_back(target);
      }
      continue;
    }
    if (!is_eeg_file_name(it->path()))
      continue;
    if (holds_annotations_only(it->path())) {
      found.annotation_only.push_back(std::move(relative));
      continue;
    }
    Found f;
    f.target = resolved(it->path());
    f.through_link = f.target != (real_root / relative).lexically_normal();
    f.input.file = it->path();
    f.input.relative = std::move(relative);
    f.input.key = flat_key(without_extension(f.input.relative));
    files.push_back(std::move(f));
  }
  // A file reached under several names is one recording: it keeps the name without a link on
  // the way, else the first in order; the other names are listed, not analysed again.
  std::sort(files.begin(), files.end(), [](const Found& a, const Found& b) {
    return std::tie(a.target, a.through_link, a.input.relative) <
           std::tie(b.target, b.through_link, b.input.relative);
  });
  std::vector<BatchInput> out;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i > 0 && files[i].target == files[i - 1].target)
      found.same_file.push_back(std::move(files[i].input.relative));
    else
      out.push_back(std::move(files[i].input));
  }
  return out;
}

std::vector<BatchInput> manifest_inputs(const fs::path& manifest) {
  const auto table =
      read_delimited_table(manifest, lower(manifest.extension().string()) == ".tsv" ? '\t' : ',');
  const auto& header = table.header;
  const auto path_column = std::find(header.begin(), header.end(), "path");
  if (path_column == header.end())
    throw io::UsageError(manifest.string() + ": no 'path' column (columns: path, patient_id, ...)");
  std::vector<BatchInput> out;
  std::map<fs::path, std::size_t> rows_of;  // each recording's row, by the file it leads to
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const std::string where = manifest.string() + ": row " + std::to_string(r + 2);
    BatchInput in;
    for (std::size_t c = 0; c < header.size(); ++c) {
      const std::string& value = row[c];
      if (header[c] == "path")
        in.relative = value;
      else if (header[c] == "patient_id")
        in.patient_id = value.empty() ? std::nullopt : std::optional<std::string>(value);
      else
        in.extras.emplace_back(header[c], value);
    }
    if (in.relative.empty())
      throw io::UsageError(where + ": empty path");
    const fs::path given(in.relative);
    for (const auto& part : given)
      if (part == "..")
        throw io::UsageError(where + ": path '" + in.relative +
                             "' has a '..' component; give paths inside the manifest's folder "
                             "or absolute paths");
    // "./day14.edf" names day14.edf: '.' components and doubled slashes go before keying.
    const fs::path normal = given.lexically_normal();
    in.file = normal.is_absolute() ? normal : manifest.parent_path() / normal;
    const std::string generic = normal.relative_path().generic_string();
    try {
      in.key = flat_key(without_extension(generic));
    } catch (const std::invalid_argument& e) {
      throw io::UsageError(where + ": " + e.what());
    }
    // Listed twice, a recording would be analysed twice and count twice in the cohort, with
    // whichever day or patient each row gives: a slip of the table, not a wish.
    const auto [first, inserted] = rows_of.try_emplace(resolved(in.file), r + 2);
    if (!inserted)
      throw io::UsageError(where + ": '" + in.relative + "' is the recording of row " +
                           std::to_string(first->second) + " again; list each recording once");
    out.push_back(std::move(in));
  }
  return out;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// participants.tsv rows by participant_id ("sub-01"), as (column, value) in table order.
std::map<std::string, std::vector<std::pair<std::string, std::string>>> participants(
    const fs::path& root) {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> out;
  const fs::path file = root / "participants.tsv";
  if (!fs::exists(file))
    return out;
  const auto table = read_delimited_table(file, '\t');
  const auto id = std::find(table.header.begin(), table.header.end(), "participant_id");
  if (id == table.header.end())
    throw io::UsageError(file.string() + ": no 'participant_id' column");
  const auto id_column = static_cast<std::size_t>(id - table.header.begin());
  for (const auto& row : table.rows) {
    auto& extras = out[row[id_column]];
    for (std::size_t c = 0; c < table.header.size(); ++c)
      if (c != id_column)
        extras.emplace_back(table.header[c], row[c]);
  }
  return out;
}

std::vector<fs::path> sorted_dirs(const fs::path& parent, const std::string& prefix) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec))
    if (entry.is_directory() && starts_with(entry.path().filename().string(), prefix))
      out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<BatchInput> bids_inputs(const fs::path& root) {
  const auto table = participants(root);
  std::vector<BatchInput> out;
  for (const auto& subject : sorted_dirs(root, "sub-")) {
    std::vector<fs::path> eeg_dirs{subject / "eeg"};
    for (const auto& session : sorted_dirs(subject, "ses-"))
      eeg_dirs.push_back(session / "eeg");
    const std::string participant = subject.filename().string();
    for (const auto& dir : eeg_dirs) {
      std::error_code ec;
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const std::string stem = entry.path().stem().string();
        if (is_eeg_file_name(name) && stem.size() > 4 && stem.ends_with("_eeg") &&
            starts_with(name, participant + "_"))
          files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& file : files) {
        BatchInput in;
        in.file = file;
        in.relative = file.lexically_relative(root).generic_string();
        in.key.clear();
        for (const auto& part : dir.lexically_relative(root))
          in.key += safe_file_name(part.string()) + "/";
        in.key += bids_derivative_name(file.stem().string());
        in.patient_id = participant.substr(4);
        if (const auto row = table.find(participant); row != table.end())
          in.extras = row->second;
        out.push_back(std::move(in));
      }
    }
  }
  return out;
}

// Sorted by key, a colliding key getting ~2, ~3, ... in the order of the relative paths.
void make_keys_unique(std::vector<BatchInput>& inputs) {
  std::sort(inputs.begin(), inputs.end(), [](const BatchInput& a, const BatchInput& b) {
    return a.key != b.key ? a.key < b.key : a.relative < b.relative;
  });
  std::set<std::string> used;
  for (const auto& in : inputs)
    used.insert(in.key);
  std::string previous;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string base = inputs[i].key;
    if (i > 0 && base == previous) {
      int n = 2;
      while (used.count(base + "~" + std::to_string(n)) != 0)
        ++n;
      inputs[i].key = base + "~" + std::to_string(n);
      used.insert(inputs[i].key);
    }
    previous = base;
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const BatchInput& a, const BatchInput& b) { return a.key < b.key; });
}

}  // namespace

const char* to_string(BatchInputKind kind) noexcept {
  switch (kind) {
    case BatchInputKind::Folder:
      return "folder";
    case BatchInputKind::Manifest:
      return "manifest";
    case BatchInputKind::Bids:
      return "BIDS dataset";
  }
  return "?";
}

bool is_eeg_file_name(const fs::path& name) {
  const std::string ext = lower(name.extension().string());
  return ext == ".edf" || ext == ".bdf";
}

BatchInputs discover_batch_inputs(const fs::path& input, const fs::path& exclude) {
  std::error_code ec;
  const auto status = fs::status(input, ec);
  if (!fs::exists(status))
    throw io::UsageError(input.string() + ": no such file or folder");
  BatchInputs out;
  if (fs::is_regular_file(status)) {
    out.kind = BatchInputKind::Manifest;
    out.inputs = manifest_inputs(input);
  } else if (fs::exists(input / "dataset_description.json") ||
             fs::exists(input / "participants.tsv")) {
    out.kind = BatchInputKind::Bids;
    out.inputs = bids_inputs(input);
  } else {
    out.kind = BatchInputKind::Folder;
    if (!exclude.empty() && fs::equivalent(input, exclude, ec))
      throw io::UsageError(input.string() +
                           ": the output folder is the input folder; give another one (a "
                           "subfolder works, it is not searched)");
    out.inputs = folder_inputs(input, exclude, out);
    for (auto* names : {&out.annotation_only, &out.same_file, &out.link_loops})
      std::sort(names->begin(), names->end());
  }
  make_keys_unique(out.inputs);
  return out;
}

}  // namespace eegtrack::pipeline
