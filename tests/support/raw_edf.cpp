#include "support/raw_edf.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <span>
#include <stdexcept>
#include <utility>

namespace eegtrack::test {

namespace {

constexpr std::pair<const char*, std::size_t> kFixed[] = {
    {"version", 8},         {"patient", 80},     {"recording", 80}, {"startdate", 8},
    {"starttime", 8},       {"header_bytes", 8}, {"reserved", 44},  {"n_records", 8},
    {"record_duration", 8}, {"n_signals", 4}};
constexpr std::pair<const char*, std::size_t> kPerSignal[] = {
    {"label", 16},          {"transducer", 80},  {"physical_dimension", 8},
    {"physical_min", 8},    {"physical_max", 8}, {"digital_min", 8},
    {"digital_max", 8},     {"prefilter", 80},   {"samples_per_record", 8},
    {"signal_reserved", 32}};

bool is_bdf(RawFormat f) {
  return f == RawFormat::Bdf || f == RawFormat::BdfPlusC || f == RawFormat::BdfPlusD;
}
bool is_plus(RawFormat f) {
  return f != RawFormat::Edf && f != RawFormat::Bdf;
}

std::string fit(std::string text, std::size_t width) {
  text.resize(width, ' ');
  return text;
}

// The override for (field, signal) if any, else the computed text.
std::string field_text(const RawEdfSpec& spec, const std::string& field, int signal,
                       std::string value) {
  for (const auto& o : spec.overrides) {
    if (o.field == field && o.signal == signal)
      value = o.text;
  }
  return value;
}

std::string reserved_text(RawFormat f) {
  switch (f) {
    case RawFormat::EdfPlusC:
      return "EDF+C";
    case RawFormat::EdfPlusD:
      return "EDF+D";
    case RawFormat::BdfPlusC:
      return "BDF+C";
    case RawFormat::BdfPlusD:
      return "BDF+D";
    default:
      return "";
  }
}

std::string tal_number(double seconds) {
  char text[64];
  std::snprintf(text, sizeof text, "%+.7f", seconds);
  std::string s = text;
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.')
    s.pop_back();
  return s;
}

std::vector<std::string> signal_fields(const RawEdfSpec& spec, const RawSignal& s) {
  const std::string label =
      s.is_annotation ? (is_bdf(spec.format) ? "BDF Annotations" : "EDF Annotations") : s.label;
  // A BDF+ annotation signal declares the 24-bit range (EDFlib refuses anything else); the
  // default 16-bit one is widened unless a test set its own.
  const bool widen = s.is_annotation && is_bdf(spec.format) && s.digital_min == "-32768" &&
                     s.digital_max == "32767";
  return {label,
          s.transducer,
          s.physical_dimension,
          s.physical_min,
          s.physical_max,
          widen ? "-8388608" : s.digital_min,
          widen ? "8388607" : s.digital_max,
          s.prefilter,
          std::to_string(s.samples_per_record),
          ""};
}

std::string build_header(const RawEdfSpec& spec) {
  const auto ns = spec.signals.size();
  const std::string fixed[] = {is_bdf(spec.format) ? std::string("\xff") + "BIOSEMI" : "0",
                               spec.patient,
                               spec.recording,
                               spec.startdate,
                               spec.starttime,
                               std::to_string(256 * (ns + 1)),
                               reserved_text(spec.format),
                               std::to_string(spec.n_records),
                               spec.record_duration,
                               std::to_string(ns)};
  std::string out;
  for (std::size_t f = 0; f < std::size(kFixed); ++f)
    out += fit(field_text(spec, kFixed[f].first, -1, fixed[f]), kFixed[f].second);
  std::vector<std::vector<std::string>> per_signal;
  for (const auto& s : spec.signals)
    per_signal.push_back(signal_fields(spec, s));
  // EDF stores each per-signal field for all signals before the next field.
  for (std::size_t f = 0; f < std::size(kPerSignal); ++f) {
    for (std::size_t i = 0; i < ns; ++i)
      out += fit(field_text(spec, kPerSignal[f].first, static_cast<int>(i), per_signal[i][f]),
                 kPerSignal[f].second);
  }
  return out;
}

std::string annotation_block(const RawEdfSpec& spec, std::int64_t record, int ordinal,
                             std::size_t capacity) {
  std::string tal;
  for (const auto& raw : spec.raw_tals) {
    if (raw.record == record && raw.annotation_signal == ordinal) {
      if (raw.bytes.size() > capacity)
        throw std::invalid_argument("build_raw_edf: raw TAL bytes of record " +
                                    std::to_string(record) + " exceed the signal's capacity");
      tal = raw.bytes;
      tal.resize(capacity, '\0');
      return tal;
    }
  }
  if (is_plus(spec.format) && ordinal == 0) {
    const double onset =
        spec.record_onsets_s.empty()
            ? static_cast<double>(record) * std::stod(spec.record_duration) + spec.start_offset_s
            : spec.record_onsets_s.at(static_cast<std::size_t>(record));
    tal += tal_number(onset) + "\x14\x14" + std::string(1, '\0');
  }
  for (const auto& a : spec.annotations) {
    if (a.record != record || a.annotation_signal != ordinal)
      continue;
    tal += tal_number(a.onset_s);
    if (a.duration_s >= 0.0)
      tal += "\x15" + tal_number(a.duration_s).substr(1);
    tal += "\x14" + a.text + "\x14" + std::string(1, '\0');
  }
  if (tal.size() > capacity)
    throw std::invalid_argument("build_raw_edf: TALs of record " + std::to_string(record) +
                                " need " + std::to_string(tal.size()) + " bytes, signal has " +
                                std::to_string(capacity));
  tal.resize(capacity, '\0');
  return tal;
}

void append_samples(std::string& out, const RawSignal& s, std::int64_t record, int width) {
  const auto spr = static_cast<std::size_t>(s.samples_per_record);
  for (std::size_t k = 0; k < spr; ++k) {
    const auto v =
        static_cast<std::uint32_t>(s.digital[static_cast<std::size_t>(record) * spr + k]);
    for (int b = 0; b < width; ++b)
      out += static_cast<char>((v >> (8 * b)) & 0xFFu);
  }
}

}  // namespace

std::string build_raw_edf(const RawEdfSpec& spec) {
  for (const auto& o : spec.overrides) {
    const std::span<const std::pair<const char*, std::size_t>> table =
        o.signal < 0 ? std::span(kFixed) : std::span(kPerSignal);
    if (std::none_of(table.begin(), table.end(), [&](const auto& f) { return o.field == f.first; }))
      throw std::invalid_argument("build_raw_edf: unknown field (" + o.field + ")");
  }
  const int width = is_bdf(spec.format) ? 3 : 2;
  std::string out = build_header(spec);
  for (const auto& s : spec.signals) {
    const auto expected = static_cast<std::size_t>(spec.n_records) *
                          static_cast<std::size_t>(std::max(s.samples_per_record, 0));
    if (!s.is_annotation && s.digital.size() != expected)
      throw std::invalid_argument("build_raw_edf: signal " + s.label + " needs " +
                                  std::to_string(expected) + " samples (" +
                                  std::to_string(s.digital.size()) + ")");
  }
  for (std::int64_t r = 0; r < spec.n_records; ++r) {
    int ordinal = 0;
    for (const auto& s : spec.signals) {
      if (s.is_annotation) {
        const auto capacity = static_cast<std::size_t>(s.samples_per_record * width);
        out += annotation_block(spec, r, ordinal++, capacity);
      } else {
        append_samples(out, s, r, width);
      }
    }
  }
  out += spec.trailing_bytes;
  const auto keep = static_cast<std::int64_t>(out.size()) - spec.truncate_bytes;
  out.resize(static_cast<std::size_t>(std::max<std::int64_t>(keep, 0)));
  return out;
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!file)
    throw std::runtime_error("write_bytes: cannot write " + path.string());
}

void write_raw_edf(const std::filesystem::path& path, const RawEdfSpec& spec) {
  write_bytes(path, build_raw_edf(spec));
}

double spec_physical(std::int32_t digital, double pmin, double pmax, double dmin, double dmax) {
  return pmin + (pmax - pmin) * (static_cast<double>(digital) - dmin) / (dmax - dmin);
}

RawSignal raw_data_signal(std::string label, int samples_per_record,
                          std::vector<std::int32_t> digital) {
  RawSignal s;
  s.label = std::move(label);
  s.samples_per_record = samples_per_record;
  s.digital = std::move(digital);
  return s;
}

RawSignal raw_annotation_signal(int samples_per_record) {
  RawSignal s;
  s.is_annotation = true;
  s.physical_dimension = "";
  s.physical_min = "-1";
  s.physical_max = "1";
  s.samples_per_record = samples_per_record;
  return s;
}

}  // namespace eegtrack::test
