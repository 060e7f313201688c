#include "eegtrack/pipeline/followup.hpp"

#include <algorithm>

#include "eegtrack/clinical/eeg_measures.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/io/text_escape.hpp"
#include "eegtrack/pipeline/analysis_outputs.hpp"
#include "eegtrack/pipeline/course_deidentify.hpp"
#include "eegtrack/pipeline/read_findings.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

FollowupRecording analysed(const clinical::CourseRecording& source, const std::string& stem,
                           const std::string& file_name, const fs::path& dir,
                           const FollowupOptions& options, const OutputOptions& outputs) {
  FollowupRecording r;
  r.source = source;
  r.file_name = file_name;
  r.output_stem = stem;
  const auto paths = analysis_output_paths_named(dir, stem);
  std::string why;
  auto reused = options.reanalyze
                    ? std::optional<findings::RecordingFindings>()
                    : reusable_findings(source.file, paths, options.analysis, outputs, &why);
  if (options.reanalyze)
    why = "--reanalyze";
  if (reused) {
    r.reused = true;
    r.findings = std::move(*reused);
  } else {
    const auto out = analyze_to_outputs(source.file, paths, options.analysis, outputs);
    r.analysis_note = why;
    r.findings = read_findings(out.paths.summary_json);
  }
  if (source.at) {
    r.at = *source.at;
    r.at_from_course = true;
  } else {
    // De-identified, the summary's start is shifted like the course.
    const auto start = clinical::parse_local_time(r.findings.time.start);
    if (!start)
      throw io::EdfError(source.file, "header start '" + r.findings.time.start +
                                          "' is not a date-time; give 'at' in the course file");
    r.at = *start;
  }
  return r;
}

std::vector<clinical::TimedGrade> timed_grades(const FollowupResult& f) {
  std::vector<clinical::TimedGrade> out;
  for (std::size_t i = 0; i < f.course.assessments.size(); ++i) {
    const auto& a = f.course.assessments[i];
    if (!f.summary.assessments[i].icans.assessable)
      continue;  // an unknown grade is not paired with a recording
    out.push_back({f.summary.assessments[i].day, f.summary.assessments[i].icans.grade,
                   a.seizure != clinical::SeizureFinding::None, a.note});
  }
  return out;
}

}  // namespace

FollowupResult run_followup(const clinical::Course& course, const FollowupOptions& options,
                            const FollowupProgress& progress) {
  FollowupResult f;
  std::optional<CourseDeidentification> d;
  OutputOptions outputs;  // the defaults of analyze
  if (options.deidentify) {
    d = course_deidentification(course, *options.deidentify);
    outputs.deidentify = options.deidentify;
    outputs.patient_id = course.patient;  // one date shift, the course's
  }
  f.deidentified = d.has_value();
  f.course = d ? deidentified_course(course, *d) : course;
  f.summary = clinical::summarize_course(f.course);
  const fs::path dir = options.outdir / "recordings";
  // Outputs are named after the file's stem (or its pseudonym, of the base name): two
  // recordings with one stem would overwrite.
  for (std::size_t i = 0; i < course.recordings.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (fs::path(course.recordings[i].file).stem() == fs::path(course.recordings[j].file).stem())
        throw io::EdfError(course.recordings[i].file,
                           "has the same name as " + course.recordings[j].file +
                               "; their outputs would collide: rename one");
  fs::create_directories(dir);
  for (std::size_t i = 0; i < course.recordings.size(); ++i) {
    if (progress)
      progress(i, course.recordings.size(), course.recordings[i].label);
    const fs::path file = fs::path(course.recordings[i].file).filename();
    const std::string stem = d ? d->recording_pseudonyms[i] : file.stem().string();
    const std::string name = d ? stem + io::escape_bytes(file.extension().string()) : file.string();
    f.recordings.push_back(analysed(f.course.recordings[i], stem, name, dir, options, outputs));
  }
  std::stable_sort(f.recordings.begin(), f.recordings.end(),
                   [](const auto& a, const auto& b) { return a.at < b.at; });
  for (const auto& r : f.recordings)
    f.timed.push_back({r.source.label, clinical::days_after(f.course.infusion, r.at),
                       r.source.sedation, clinical::eeg_measures(r.findings)});
  f.fusion = clinical::fuse(f.timed, timed_grades(f), f.summary.icans_episodes, f.summary.exposures,
                            options.fusion);
  return f;
}

}  // namespace eegtrack::pipeline
