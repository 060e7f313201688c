#include "eegtrack/io/edf_writer.hpp"

#include <edflib.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "eegtrack/io/errors.hpp"

namespace eegtrack::io {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int code) {
  throw EdfError(path, "EDFlib " + what + " failed with code " + std::to_string(code) + " (" +
                           edflib_error_text(code) + ")");
}

void check_text(const std::string& field, const std::string& text, std::size_t max_length) {
  if (text.size() > max_length)
    throw std::invalid_argument("EdfWriter: " + field + " longer than " +
                                std::to_string(max_length) + " characters (" + text + ")");
}

void validate_signal(const WriteSignal& s, WriteFormat format) {
  const std::int32_t lo = format == WriteFormat::BdfPlus ? -8388608 : -32768;
  const std::int32_t hi = format == WriteFormat::BdfPlus ? 8388607 : 32767;
  check_text("label", s.label, 16);
  check_text("physical dimension", s.physical_dimension, 8);
  check_text("prefilter", s.prefilter, 80);
  check_text("transducer", s.transducer, 80);
  if (s.samples_per_record <= 0)
    throw std::invalid_argument("EdfWriter: samples_per_record must be > 0 (" +
                                std::to_string(s.samples_per_record) + ")");
  if (s.digital_min < lo || s.digital_max > hi || s.digital_min >= s.digital_max)
    throw std::invalid_argument("EdfWriter: digital range must satisfy " + std::to_string(lo) +
                                " <= digital_min < digital_max <= " + std::to_string(hi) + " (" +
                                s.label + ")");
  if (!std::isfinite(s.physical_min) || !std::isfinite(s.physical_max) ||
      s.physical_min == s.physical_max)
    throw std::invalid_argument("EdfWriter: physical_min must differ from physical_max (" +
                                s.label + ")");
}

void validate(const WriteParams& p, const std::vector<WriteSignal>& signals) {
  if (signals.size() > EDFLIB_MAXSIGNALS)
    throw std::invalid_argument("EdfWriter: need at most 640 signals (" +
                                std::to_string(signals.size()) + ")");
  const double units = p.record_duration_s * 1e5;
  if (!(p.record_duration_s >= 0.001 && p.record_duration_s <= 60.0) ||
      std::abs(units - std::round(units)) > 1e-6)
    throw std::invalid_argument(
        "EdfWriter: record_duration_s must be a multiple of 10 us in [0.001, 60] (" +
        std::to_string(p.record_duration_s) + ")");
  if (!(p.start.subsecond_s >= 0.0 && p.start.subsecond_s < 1.0))
    throw std::invalid_argument("EdfWriter: start.subsecond_s must be in [0, 1) (" +
                                std::to_string(p.start.subsecond_s) + ")");
  if (p.start.year < kFirstEdfYear || p.start.year > kLastEdfYear)
    throw std::invalid_argument("EdfWriter: start year must be in [1985, 2084] (" +
                                std::to_string(p.start.year) + ")");
  if (p.annotation_signals < 1 || p.annotation_signals > 64)
    throw std::invalid_argument("EdfWriter: annotation_signals must be in [1, 64] (" +
                                std::to_string(p.annotation_signals) + ")");
  for (const auto& s : signals)
    validate_signal(s, p.format);
}

// EDFlib setters report only -1: name the call so the message says which field was refused.
void check_set(const std::filesystem::path& path, const char* call, int rc) {
  if (rc != 0)
    throw EdfError(path,
                   std::string("EDFlib refused ") + call + " (code " + std::to_string(rc) + ")");
}

void declare_signal(const std::filesystem::path& path, int h, int i, const WriteSignal& s) {
  check_set(path, "edf_set_samplefrequency", edf_set_samplefrequency(h, i, s.samples_per_record));
  check_set(path, "edf_set_physical_maximum", edf_set_physical_maximum(h, i, s.physical_max));
  check_set(path, "edf_set_physical_minimum", edf_set_physical_minimum(h, i, s.physical_min));
  check_set(path, "edf_set_digital_maximum", edf_set_digital_maximum(h, i, s.digital_max));
  check_set(path, "edf_set_digital_minimum", edf_set_digital_minimum(h, i, s.digital_min));
  check_set(path, "edf_set_label", edf_set_label(h, i, s.label.c_str()));
  check_set(path, "edf_set_physical_dimension",
            edf_set_physical_dimension(h, i, s.physical_dimension.c_str()));
  check_set(path, "edf_set_prefilter", edf_set_prefilter(h, i, s.prefilter.c_str()));
  check_set(path, "edf_set_transducer", edf_set_transducer(h, i, s.transducer.c_str()));
}

void declare_file(const std::filesystem::path& path, int h, const WriteParams& p) {
  const auto& t = p.start;
  check_set(
      path, "edf_set_datarecord_duration",
      edf_set_datarecord_duration(h, static_cast<int>(std::lround(p.record_duration_s * 1e5))));
  check_set(path, "edf_set_startdatetime",
            edf_set_startdatetime(h, t.year, t.month, t.day, t.hour, t.minute, t.second));
  // EDFlib keeps the sub-second start in 100 ns units.
  check_set(path, "edf_set_subsecond_starttime",
            edf_set_subsecond_starttime(h, static_cast<int>(std::lround(t.subsecond_s * 1e7))));
  check_set(path, "edf_set_number_of_annotation_signals",
            edf_set_number_of_annotation_signals(h, p.annotation_signals));
  const std::pair<const char*, int (*)(int, const char*)> fields[] = {
      {"edf_set_patientcode", edf_set_patientcode},
      {"edf_set_patientname", edf_set_patientname},
      {"edf_set_patient_additional", edf_set_patient_additional},
      {"edf_set_admincode", edf_set_admincode},
      {"edf_set_technician", edf_set_technician},
      {"edf_set_equipment", edf_set_equipment},
      {"edf_set_recording_additional", edf_set_recording_additional}};
  const std::string* values[] = {&p.patient_code,        &p.patient_name, &p.patient_additional,
                                 &p.admin_code,          &p.technician,   &p.equipment,
                                 &p.recording_additional};
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    if (!values[i]->empty())
      check_set(path, fields[i].first, fields[i].second(h, values[i]->c_str()));
  }
}

// EDFlib's own physical-to-digital conversion truncates (error up to one digital step); the spec
// line rounded to nearest keeps every sample within half a step of the value given.
void to_digital(const WriteSignal& s, std::span<const double> x, std::vector<int>& out) {
  const double dmin = s.digital_min;
  const double dmax = s.digital_max;
  const double scale = (dmax - dmin) / (s.physical_max - s.physical_min);
  out.resize(x.size());
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double d = std::round(dmin + (x[k] - s.physical_min) * scale);
    out[k] = static_cast<int>(std::clamp(d, dmin, dmax));
  }
}

}  // namespace

EdfWriter::EdfWriter(const std::filesystem::path& path, const WriteParams& params,
                     std::vector<WriteSignal> signals)
    : path_(path), params_(params), signals_(std::move(signals)) {
  validate(params_, signals_);
  const int type =
      params_.format == WriteFormat::BdfPlus ? EDFLIB_FILETYPE_BDFPLUS : EDFLIB_FILETYPE_EDFPLUS;
  {
    const std::lock_guard lock(detail::edflib_mutex());
    handle_ = edfopen_file_writeonly(path_.c_str(), type, static_cast<int>(signals_.size()));
  }
  if (handle_ < 0) {
    const int code = handle_;
    handle_ = -1;
    fail(path_, "edfopen_file_writeonly", code);
  }
  try {
    declare_file(path_, handle_, params_);
    for (std::size_t i = 0; i < signals_.size(); ++i)
      declare_signal(path_, handle_, static_cast<int>(i), signals_[i]);
  } catch (...) {
    const std::lock_guard lock(detail::edflib_mutex());
    edfclose_file(handle_);
    handle_ = -1;
    throw;
  }
}

EdfWriter::EdfWriter(EdfWriter&& other) noexcept
    : path_(std::move(other.path_)),
      params_(std::move(other.params_)),
      signals_(std::move(other.signals_)),
      handle_(std::exchange(other.handle_, -1)),
      records_(other.records_),
      annotations_(other.annotations_) {}

EdfWriter::~EdfWriter() {
  try {
    close();
  } catch (...) {
    // Destructors must not throw; close() explicitly to see the error.
  }
}

void EdfWriter::write_records(std::span<const std::vector<double>> samples) {
  if (handle_ < 0)
    throw std::invalid_argument("EdfWriter::write_records: writer is closed (" + path_.string() +
                                ")");
  if (signals_.empty())
    throw std::invalid_argument(
        "EdfWriter::write_records: an annotation-only file has no records to write (" +
        path_.string() + ")");
  if (samples.size() != signals_.size())
    throw std::invalid_argument("EdfWriter::write_records: expected one vector per signal (" +
                                std::to_string(samples.size()) + ")");
  const auto spr0 = static_cast<std::size_t>(signals_[0].samples_per_record);
  const std::size_t n_records = samples[0].size() / spr0;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto spr = static_cast<std::size_t>(signals_[i].samples_per_record);
    if (samples[i].size() != n_records * spr)
      throw std::invalid_argument("EdfWriter::write_records: signal " + std::to_string(i) +
                                  " must hold whole records, the same number for every signal (" +
                                  std::to_string(samples[i].size()) + " samples)");
    for (double v : samples[i]) {
      if (!std::isfinite(v))
        throw std::invalid_argument("EdfWriter::write_records: non-finite sample in signal " +
                                    std::to_string(i));
    }
  }
  for (std::size_t r = 0; r < n_records; ++r) {
    for (std::size_t i = 0; i < samples.size(); ++i) {
      const auto spr = static_cast<std::size_t>(signals_[i].samples_per_record);
      to_digital(signals_[i], std::span(samples[i]).subspan(r * spr, spr), digital_);
      const int rc = edfwrite_digital_samples(handle_, digital_.data());
      if (rc != 0)
        fail(path_, "edfwrite_digital_samples (record " + std::to_string(records_) + ")", rc);
    }
    ++records_;
  }
}

void EdfWriter::write_annotation(const Annotation& a) {
  if (handle_ < 0)
    throw std::invalid_argument("EdfWriter::write_annotation: writer is closed (" + path_.string() +
                                ")");
  if (!(a.onset_s >= 0.0) || !std::isfinite(a.duration_s))
    throw std::invalid_argument("EdfWriter::write_annotation: onset must be >= 0 (" +
                                std::to_string(a.onset_s) + ")");
  if (a.text.size() > kMaxWriteAnnotationBytes)
    throw std::invalid_argument("EdfWriter::write_annotation: text longer than 40 bytes (" +
                                a.text + ")");
  // EDFlib's annotation unit is 100 µs.
  const auto onset = static_cast<long long>(std::llround(a.onset_s * 1e4));
  const long long duration =
      a.duration_s > 0.0 ? static_cast<long long>(std::llround(a.duration_s * 1e4)) : -1;
  const int rc = edfwrite_annotation_utf8(handle_, onset, duration, a.text.c_str());
  if (rc != 0)
    fail(path_, "edfwrite_annotation_utf8", rc);
  ++annotations_;
}

void EdfWriter::close() {
  if (handle_ < 0)
    return;
  int rc = 0;
  {
    const std::lock_guard lock(detail::edflib_mutex());
    rc = edfclose_file(handle_);
    handle_ = -1;
  }
  if (rc != 0)
    fail(path_, "edfclose_file", rc);
  if (signals_.empty())
    return;  // EDFlib writes as many records as the annotations need
  const std::int64_t capacity = records_ * params_.annotation_signals;
  if (annotations_ > capacity)
    throw EdfError(path_, "EDFlib kept only " + std::to_string(capacity) + " of " +
                              std::to_string(annotations_) +
                              " annotations (one per record per annotation signal); raise "
                              "WriteParams::annotation_signals");
}

void write_edf(const std::filesystem::path& path, const WriteParams& params,
               std::vector<WriteSignal> signals, std::span<const std::vector<double>> samples,
               std::span<const Annotation> annotations) {
  EdfWriter writer(path, params, std::move(signals));
  if (!samples.empty() || writer.signal_count() > 0)
    writer.write_records(samples);
  for (const auto& a : annotations)
    writer.write_annotation(a);
  writer.close();
}

}  // namespace eegtrack::io
