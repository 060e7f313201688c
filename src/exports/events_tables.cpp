#include "eegtrack/exports/events_tables.hpp"

#include <array>
#include <cstdio>

#include "eegtrack/exports/column_sidecar.hpp"
#include "eegtrack/findings/event_fields.hpp"
#include "table_cells.hpp"

namespace eegtrack::exports {
namespace {

using namespace detail;

template <std::size_t N>
ColumnLevels levels_of(const std::array<findings::FieldLevel, N>& levels) {
  ColumnLevels out;
  for (const auto& level : levels)
    out.emplace_back(level.value, level.meaning);
  return out;
}

nlohmann::ordered_json bids_sidecar() {
  using namespace findings;
  nlohmann::ordered_json sidecar = nlohmann::ordered_json::object();
  for (const auto& field : kEventFields) {
    ColumnLevels levels;
    if (field.name == kEventType.name)
      levels = levels_of(kEventTypeLevels);
    else if (field.name == kEventSide.name)
      levels = levels_of(kEventSideLevels);
    else if (field.name == kEventRegion.name)
      levels = levels_of(kEventRegionLevels);
    std::string description(field.description);
    if (field.name == kEventType.name || field.name == kEventConfidence.name)
      description +=
          " The detector parameters are in <stem>.summary.json (parameters.detection), "
          "docs/epileptiform.md.";
    sidecar[std::string(field.tsv_column)] = column_sidecar(description, field.units, levels);
  }
  return sidecar;
}

std::vector<std::string> bids_header() {
  std::vector<std::string> header;
  for (const auto& field : findings::kEventFields)
    header.emplace_back(field.tsv_column);
  return header;
}

// Cells in the order of findings::kEventFields.
std::vector<std::string> bids_row(const detect::Event& e) {
  return {fixed_cell(e.onset_s, 3),
          fixed_cell(e.duration_s, 3),
          detect::to_string(e.type),
          fixed_cell(e.confidence, 3),
          list_cell(e.channels),
          sites::to_string(e.side),
          e.region ? std::string(sites::to_string(*e.region)) : std::string(kNotApplicable),
          text_cell(e.focus),
          fixed_cell(e.frequency_hz, 2),
          text_cell(e.modifiers)};
}

nlohmann::ordered_json szcore_sidecar() {
  nlohmann::ordered_json s = nlohmann::ordered_json::object();
  s["onset"] = column_sidecar(
      "Start time of the event relative to the beginning of the recording in seconds.", "s");
  s["duration"] = column_sidecar("Duration of the event in seconds.", "s");
  s["eventType"] = column_sidecar(
      "Type of the event (SzCORE / epilepsy2bids). eegtrack calls its electrographic seizures "
      "sz: it does not classify seizure types.",
      {},
      {{"sz", "Epileptic seizure (electrographic seizure detected by eegtrack)."},
       {"bckg", "Background: the recording holds no detected seizure."}});
  s["confidence"] = column_sidecar(
      "Detector confidence of the seizure, 0 to 1 (n/a on the bckg row); not a probability. The "
      "detector parameters are in <stem>.summary.json (parameters.detection).",
      "1");
  s["channels"] = column_sidecar(
      "Derivations the seizure was seen on, comma-separated; n/a when none are listed.");
  s["dateTime"] = column_sidecar(
      "Start date and time of the recording (local time as stored in the EDF "
      "header, to the second), %Y-%m-%d %H:%M:%S.");
  s["recordingDuration"] = column_sidecar("Duration of the recording in seconds.", "s");
  return s;
}

std::string szcore_date_time(const io::StartTime& t) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month,
                t.day, t.hour, t.minute, t.second);
  return buffer.data();
}

}  // namespace

const char* to_string(EventsFormat format) noexcept {
  return format == EventsFormat::Szcore ? "szcore" : "bids";
}

std::optional<EventsFormat> parse_events_format(std::string_view text) noexcept {
  for (const auto format : {EventsFormat::Bids, EventsFormat::Szcore})
    if (text == to_string(format))
      return format;
  return std::nullopt;
}

TableWithSidecar bids_events_table(const std::vector<detect::Event>& events) {
  TableWithSidecar out{tsv_line(bids_header()), bids_sidecar()};
  for (const auto& e : events)
    out.tsv += tsv_line(bids_row(e));
  return out;
}

TableWithSidecar szcore_events_table(const std::vector<detect::Event>& events,
                                     const io::StartTime& start, double recording_duration_s) {
  TableWithSidecar out{tsv_line({"onset", "duration", "eventType", "confidence", "channels",
                                 "dateTime", "recordingDuration"}),
                       szcore_sidecar()};
  const std::string date_time = szcore_date_time(start);
  const std::string duration = fixed_cell(recording_duration_s, 2);
  bool any_seizure = false;
  for (const auto& e : events) {
    if (e.type != detect::EventType::Seizure)
      continue;
    any_seizure = true;
    out.tsv += tsv_line({fixed_cell(e.onset_s, 2), fixed_cell(e.duration_s, 2), "sz",
                         fixed_cell(e.confidence, 2), list_cell(e.channels), date_time, duration});
  }
  if (!any_seizure)
    out.tsv +=
        tsv_line({"0.00", duration, "bckg", kNotApplicable, kNotApplicable, date_time, duration});
  return out;
}

TableWithSidecar events_table(EventsFormat format, const std::vector<detect::Event>& events,
                              const io::StartTime& start, double recording_duration_s) {
  return format == EventsFormat::Szcore ? szcore_events_table(events, start, recording_duration_s)
                                        : bids_events_table(events);
}

}  // namespace eegtrack::exports
