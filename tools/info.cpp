// eegtrack info: what a recording contains, as text or one JSON object.
#include <iostream>

#include "eegtrack/io/annotation_filter.hpp"
#include "eegtrack/io/channels.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/text_escape.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "subcommands.hpp"
#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

struct InfoOptions {
  std::string file;
  bool json = false;
  bool strict = false;
  bool show_identifiers = false;
  int max_annotations = 10;
};

nlohmann::json info_json(const io::EdfReader& reader, const InfoOptions& options) {
  const auto& header = reader.header();
  nlohmann::json out;
  // File-derived text is escaped (io::escape_bytes) so Latin-1 reads \xNN, not U+FFFD.
  out["file"] = io::escape_bytes(header.path.filename().string());
  out["file_type"] = io::to_string(header.file_type);
  out["start"] = io::to_iso8601(header.start);
  out["duration_s"] = reader.duration_s();
  out["n_records"] = header.n_records;
  out["record_duration_s"] = header.record_duration_s;
  if (options.show_identifiers) {
    out["patient"] = header.patient;
    out["recording"] = header.recording;
  }
  out["segments"] = nlohmann::json::array();
  for (const auto& segment : reader.segments()) {
    out["segments"].push_back({{"onset_s", segment.onset_s}, {"duration_s", segment.duration_s}});
  }
  out["channels"] = nlohmann::json::array();
  for (const auto& signal : header.signals) {
    if (signal.is_annotation)
      continue;
    const auto name = io::normalize_channel(signal.label, signal.physical_dimension,
                                            signal.transducer, signal.is_annotation);
    out["channels"].push_back({{"label", io::escape_bytes(signal.label)},
                               {"normalized_label", io::escape_bytes(name.normalized)},
                               {"type", io::to_string(name.type)},
                               {"sample_rate_hz", signal.sample_rate_hz},
                               {"unit", io::escape_bytes(signal.unit)},
                               {"physical_dimension", io::escape_bytes(signal.physical_dimension)},
                               {"prefilter", io::escape_bytes(signal.prefilter)},
                               {"samples_per_record", signal.samples_per_record}});
  }
  out["annotation_count"] = reader.annotations().size();
  out["annotations"] = nlohmann::json::array();
  // Annotation texts may name the patient: de-identified unless --show-identifiers.
  out["annotation_texts"] = options.show_identifiers ? "as recorded" : "de-identified";
  for (const auto& annotation : reader.annotations()) {
    out["annotations"].push_back(
        {{"onset_s", annotation.onset_s},
         {"duration_s", annotation.duration_s},
         {"text", io::shown_annotation(annotation.text, options.show_identifiers)}});
  }
  out["warnings"] = reader.warnings();
  if (options.strict) {
    out["deviations"] = nlohmann::json::array();
    for (const auto& deviation : reader.deviations()) {
      out["deviations"].push_back(
          {{"location", deviation.location}, {"message", deviation.message}});
    }
  }
  return out;
}

void print_info(const io::EdfReader& reader, const InfoOptions& options, std::ostream& os) {
  const auto& header = reader.header();
  os << "file:        " << printable(header.path.filename().string()) << '\n'
     << "type:        " << io::to_string(header.file_type) << '\n'
     << "start:       " << io::to_iso8601(header.start) << '\n'
     << "duration:    " << format_duration(reader.duration_s()) << " (" << header.n_records
     << " records of " << header.record_duration_s << " s)\n";
  if (options.show_identifiers) {
    os << "patient:     " << printable(header.patient) << '\n'
       << "recording:   " << printable(header.recording) << '\n';
  }
  if (reader.segments().size() > 1 || io::is_discontinuous(header.file_type)) {
    os << "segments:    " << reader.segments().size() << '\n';
    for (const auto& segment : reader.segments()) {
      os << "  " << segment.onset_s << " s + " << segment.duration_s << " s\n";
    }
  }
  print_channel_table(header, os);
  const auto& annotations = reader.annotations();
  os << "annotations: " << annotations.size()
     << (options.show_identifiers || annotations.empty() ? "" : " (texts de-identified)") << '\n';
  for (std::size_t i = 0; i < annotations.size() && static_cast<int>(i) < options.max_annotations;
       ++i) {
    os << "  " << annotations[i].onset_s << " s (" << annotations[i].duration_s << " s) "
       << printable(io::shown_annotation(annotations[i].text, options.show_identifiers)) << '\n';
  }
  if (static_cast<int>(annotations.size()) > options.max_annotations) {
    os << "  ... " << annotations.size() - options.max_annotations << " more (--json lists all)\n";
  }
  for (const auto& warning : reader.warnings())
    os << "warning: " << printable(warning) << '\n';
  if (options.strict) {
    os << "strict validation: " << reader.deviations().size() << " deviation(s)\n";
    for (const auto& deviation : reader.deviations()) {
      os << "  " << printable(deviation.location) << ": " << printable(deviation.message) << '\n';
    }
  }
}

}  // namespace

void add_info(CLI::App& app) {
  auto options = std::make_shared<InfoOptions>();
  auto* cmd =
      app.add_subcommand("info", "Describe a recording: type, start, channels, annotations");
  cmd->footer("Example: eegtrack info rec.edf --strict");
  cmd->add_option("file", options->file, "EDF/EDF+/BDF/BDF+ file")->required();
  cmd->add_flag("--json", options->json, "Write one JSON object to stdout");
  cmd->add_flag("--strict", options->strict,
                "Add the validation report (every deviation from the EDF/EDF+ specification); "
                "exit status 1 when there is any");
  cmd->add_flag("--show-identifiers", options->show_identifiers,
                "Also print the patient and recording identification fields and the annotation "
                "texts as recorded (default: texts de-identified, docs/robustness.md)");
  cmd->add_option("--max-annotations", options->max_annotations,
                  "Annotations listed in the text output")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([options] {
    run_guarded([&] {
      const io::EdfReader reader(options->file);
      if (options->json) {
        std::cout << pipeline::dump_json(info_json(reader, *options)) << '\n';
      } else {
        print_info(reader, *options, std::cout);
      }
      return options->strict && !reader.deviations().empty() ? 1 : 0;
    });
  });
}

}  // namespace eegtrack::cli
