#include "eegtrack/evaluation/reference_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "eegtrack/evaluation/delimited_text.hpp"
#include "parse_number.hpp"

namespace eegtrack::evaluation {
namespace {

const char* const kOnset = "seizure_onset_in_file_s";
const char* const kOffset = "seizure_offset_in_file_s";

struct Columns {
  int file = -1, kind = -1, patient = -1, record = -1, onset = -1, offset = -1;
};

Columns find_columns(const DelimitedTable& table, const std::string& source) {
  Columns c;
  c.file = table.column("file");
  c.kind = table.column("kind");
  c.patient = table.column("patient");
  c.record = table.column("record") >= 0 ? table.column("record") : table.column("chbmit_record");
  c.onset = table.column(kOnset);
  c.offset = table.column(kOffset);
  for (const auto& [index, name] : {std::pair{c.file, "file"}, std::pair{c.kind, "kind"},
                                    std::pair{c.onset, kOnset}, std::pair{c.offset, kOffset}}) {
    if (index < 0)
      throw std::runtime_error(source + ": no column '" + name + "' in the header");
  }
  if (c.patient < 0 && c.record < 0)
    throw std::runtime_error(source +
                             ": no column 'patient' (nor 'record' or 'chbmit_record' to take "
                             "the patient from)");
  return c;
}

std::string where(const std::string& source, int line, const std::string& field) {
  return source + " line " + std::to_string(line) + ", field '" + field + "'";
}

RecordingKind parse_kind(const std::string& text, const std::string& at) {
  if (text == "ictal")
    return RecordingKind::Ictal;
  if (text == "postictal" || text == "shifted60")
    return RecordingKind::PostIctal;
  if (text == "interictal")
    return RecordingKind::Interictal;
  throw std::runtime_error(at + ": kind '" + text +
                           "' is not one of ictal, postictal, shifted60, interictal");
}

}  // namespace

std::vector<ReferenceRecording> parse_reference_table(const std::string& text,
                                                      const std::string& source) {
  const auto table = parse_delimited(text, guess_delimiter(text), source);
  const Columns c = find_columns(table, source);
  std::vector<ReferenceRecording> recordings;
  for (const auto& row : table.rows) {
    const auto& cell = row.cells;
    ReferenceRecording r;
    r.file = cell[c.file];
    if (r.file.empty())
      throw std::runtime_error(where(source, row.line, "file") + ": empty");
    r.kind = parse_kind(cell[c.kind], where(source, row.line, "kind"));
    r.patient =
        c.patient >= 0 ? cell[c.patient] : cell[c.record].substr(0, cell[c.record].find('_'));
    if (r.patient.empty())
      throw std::runtime_error(where(source, row.line, c.patient >= 0 ? "patient" : "record") +
                               ": empty, the patient is needed to group the results");
    const bool has_onset = !cell[c.onset].empty();
    const bool has_offset = !cell[c.offset].empty();
    if (r.kind == RecordingKind::Ictal || has_onset || has_offset) {
      const Interval seizure{parse_seconds(cell[c.onset], where(source, row.line, kOnset)),
                             parse_seconds(cell[c.offset], where(source, row.line, kOffset))};
      if (seizure.offset_s <= seizure.onset_s)
        throw std::runtime_error(where(source, row.line, kOffset) + ": " + cell[c.offset] +
                                 " is not after the onset " + cell[c.onset]);
      if (r.kind != RecordingKind::Ictal)
        throw std::runtime_error(where(source, row.line, "kind") + ": a " + cell[c.kind] +
                                 " row gives a seizure; mark it ictal or leave the times empty");
      r.seizures.push_back(seizure);
    }
    auto same = std::find_if(recordings.begin(), recordings.end(),
                             [&](const ReferenceRecording& x) { return x.file == r.file; });
    if (same == recordings.end()) {
      recordings.push_back(std::move(r));
    } else if (same->kind != r.kind || same->patient != r.patient) {
      throw std::runtime_error(where(source, row.line, "kind") + ": " + r.file +
                               " is listed before with another kind or patient");
    } else {
      same->seizures.insert(same->seizures.end(), r.seizures.begin(), r.seizures.end());
    }
  }
  return recordings;
}

}  // namespace eegtrack::evaluation
