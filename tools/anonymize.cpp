// eegtrack anonymize: a copy of a recording without the patient's identity (header identity
// fields blanked or replaced by a pseudonym, start date shifted), samples and annotations
// unchanged (io::anonymize_recording, docs/robustness.md "Identity protection").
#include "eegtrack/io/anonymize.hpp"

#include <iostream>

#include "subcommands.hpp"
#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

struct AnonymizeCliOptions {
  std::string input;
  std::string output;
  io::AnonymizeOptions options;
};

}  // namespace

void add_anonymize(CLI::App& app) {
  auto o = std::make_shared<AnonymizeCliOptions>();
  auto* cmd = app.add_subcommand(
      "anonymize", "Copy a recording with its identity fields blanked and its start date shifted");
  cmd->footer(
      "Example: eegtrack anonymize rec.edf shared/P07_d3.edf --shift-days -412 --pseudonym P07\n"
      "Samples are copied byte for byte; EDF+ annotations keep their times relative to the "
      "start, and names, dates and ids in their texts are overwritten with X (same length; "
      "--keep-annotation-texts copies them as recorded).");
  cmd->add_option("input", o->input, "EDF/EDF+/BDF/BDF+ file")->required();
  cmd->add_option("output", o->output, "The copy to write (replaced if it exists)")->required();
  cmd->add_option("--shift-days", o->options.shift_days,
                  "Days added to the start date (negative: earlier; the result must stay within "
                  "1985-2084)")
      ->capture_default_str();
  cmd->add_option("--pseudonym", o->options.pseudonym,
                  "Written as the patient code (EDF+) or patient field (EDF); default X "
                  "(unknown). 1-40 printable ASCII characters, no blanks");
  cmd->add_flag("--keep-annotation-texts", o->options.keep_annotation_texts,
                "Copy EDF+ annotation texts as recorded (default: names, dates and ids masked)");
  cmd->callback([o] {
    run_guarded([&] {
      const auto start = io::anonymize_recording(o->input, o->output, o->options);
      std::cout << "wrote " << printable(o->output) << " (identity fields "
                << (o->options.pseudonym.empty() ? "blanked" : "replaced by the pseudonym")
                << ", start " << io::to_iso8601(start) << ", shifted by " << o->options.shift_days
                << " days)\n";
      return 0;
    });
  });
}

}  // namespace eegtrack::cli
