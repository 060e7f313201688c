// eegtrack report: the HTML report of an analyze output (a recording) or of a follow-up, and
// its PDF through headless Chromium (docs/report.md).
#include <filesystem>
#include <iostream>
#include <memory>

#include "cohort_report_build.hpp"
#include "eegtrack/io/errors.hpp"
#include "report_build.hpp"
#include "report_pdf.hpp"
#include "subcommands.hpp"
#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

namespace fs = std::filesystem;

struct ReportCliOptions {
  std::string input;
  std::string html;
  std::string pdf;
  std::vector<std::string> edf;
  bool show_identity = false;
  bool recording_reports = false;
};

int run_report(const ReportCliOptions& o) {
  if (o.html.empty())
    throw io::UsageError("-o/--output '': an HTML file to write is required");
  const auto input = resolve_report_input(o.input);
  ReportRequest request;
  request.show_identity = o.show_identity;
  for (const auto& e : o.edf) {
    if (!fs::exists(e))
      throw io::EdfError(e, "no such file");
    request.recordings.emplace_back(e);
  }
  if (o.recording_reports && !input.cohort)
    throw io::UsageError("--recording-reports: only for a batch folder (one holding cohort.tsv)");
  if (input.cohort) {
    if (request.show_identity || !request.recordings.empty())
      throw io::UsageError(
          "a cohort report is drawn from the de-identified cohort table alone: --edf and "
          "--show-identifiers are for a recording's or a follow-up's report");
    const auto n = write_cohort_report(input.file, o.html, o.recording_reports);
    if (o.recording_reports)
      std::cout << "wrote " << n << " recording report(s), " << printable(input.file.string())
                << "/<key>.report.html\n";
  } else if (input.followup) {
    write_followup_report(input.file, o.html, request, false);
  } else {
    write_recording_report(input.file, o.html, request);
  }
  std::cout << "wrote " << printable(o.html) << '\n';
  if (!o.pdf.empty()) {
    print_to_pdf(o.html, o.pdf);
    std::cout << "wrote " << printable(o.pdf) << '\n';
  }
  return 0;
}

}  // namespace

void add_report(CLI::App& app) {
  auto o = std::make_shared<ReportCliOptions>();
  auto* cmd = app.add_subcommand(
      "report", "HTML (and PDF) report of a recording's analysis or of a follow-up");
  cmd->footer(
      "Examples: eegtrack report out/rec.summary.json --edf rec.edf -o rec.html --pdf rec.pdf\n"
      "          eegtrack report followup/P1.followup.json -o P1.html\n"
      "          eegtrack report batch_out --recording-reports -o batch_out/cohort.html   "
      "(docs/report.md)");
  cmd->add_option("input", o->input,
                  "An analyze output (<stem>.summary.json or its folder), a follow-up "
                  "(<patient>.followup.json or its folder) or a batch's OUTDIR (its cohort "
                  "table: every recording on one page)")
      ->required();
  cmd->add_option("-o,--output", o->html, "HTML file to write")->required();
  cmd->add_option("--pdf", o->pdf, "Also print the report to this PDF (needs Chromium)");
  cmd->add_flag("--recording-reports", o->recording_reports,
                "With a batch's OUTDIR: also write each analysed recording's report, "
                "OUTDIR/<key>.report.html, linked from the cohort table");
  cmd->add_option("--edf", o->edf,
                  "The recording(s) the outputs came from (matched by SHA-256): EEG pages of a "
                  "recording report, identity with --show-identifiers");
  cmd->add_flag("--show-identifiers,--show-identity", o->show_identity,
                "Show the patient name, birth date and hospital code of the recording's header "
                "and the annotation texts as recorded (default: the pseudonymous id only, "
                "annotation texts de-identified; --show-identity is the former name)");
  cmd->callback([o] { run_guarded([&] { return run_report(*o); }); });
}

}  // namespace eegtrack::cli
