#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <string_view>

#include "eegtrack/io/limits.hpp"
#include "header_parser.hpp"
#include "units.hpp"

namespace eegtrack::io::detail {

namespace {

// Field widths of the per-signal header, in the order the spec stores the arrays.
enum Field {
  kLabel,
  kTransducer,
  kDimension,
  kPhysMin,
  kPhysMax,
  kDigMin,
  kDigMax,
  kPrefilter,
  kSamples,
  kReserved,
  kFieldCount
};
constexpr int kWidths[kFieldCount] = {16, 80, 8, 8, 8, 8, 8, 80, 8, 32};
constexpr const char* kNames[kFieldCount] = {"label",
                                             "transducer",
                                             "physical dimension",
                                             "physical minimum",
                                             "physical maximum",
                                             "digital minimum",
                                             "digital maximum",
                                             "prefilter",
                                             "samples per record",
                                             "reserved"};

class SignalFields {
 public:
  SignalFields(std::string_view raw, int ns, Diagnostics& diag) : raw_(raw), ns_(ns), diag_(diag) {}
  std::string text(int signal, Field f) const {
    std::size_t offset = 0;
    for (int k = 0; k < f; ++k)
      offset += static_cast<std::size_t>(kWidths[k] * ns_);
    offset += static_cast<std::size_t>(kWidths[f] * signal);
    return field_text(diag_, raw_.substr(offset, static_cast<std::size_t>(kWidths[f])),
                      location(signal, f));
  }
  static std::string location(int signal, Field f) { return signal_location(signal, kNames[f]); }
  double decimal(int signal, Field f) const {
    return parse_decimal_field(diag_, text(signal, f), location(signal, f));
  }
  long long integer(int signal, Field f) const {
    return parse_integer_field(diag_, text(signal, f), location(signal, f));
  }

 private:
  std::string_view raw_;
  int ns_;
  Diagnostics& diag_;
};

void read_label(SignalInfo& s, int i, bool bdf, const SignalFields& fields, Diagnostics& diag) {
  s.label = fields.text(i, kLabel);
  if (s.label == "EDF Annotations" || s.label == "BDF Annotations") {
    s.is_annotation = true;
    if (s.label != (bdf ? "BDF Annotations" : "EDF Annotations"))
      diag.deviation(SignalFields::location(i, kLabel),
                     "'" + s.label + "' in a " + (bdf ? "BDF" : "EDF") + " file");
    return;
  }
  // The label stays as written (the original label is part of what a file says); the
  // normalized 10-10 name, which drops BCI2000's padding dots, comes from io::normalize_channel.
  const auto last = s.label.find_last_not_of('.');
  if (last != std::string::npos && last + 1 < s.label.size())
    diag.deviation(SignalFields::location(i, kLabel),
                   "label has trailing dots ('" + s.label + "')");
}

// Scaling fields: anything that would give wrong samples throws.
void read_scaling(SignalInfo& s, int i, bool bdf, const SignalFields& fields, Diagnostics& diag) {
  s.physical_min = fields.decimal(i, kPhysMin);
  s.physical_max = fields.decimal(i, kPhysMax);
  const long long dmin = fields.integer(i, kDigMin);
  const long long dmax = fields.integer(i, kDigMax);
  const long long limit = bdf ? 8388607 : 32767;
  if (dmax > limit || dmin < -limit - 1 || dmin > limit || dmax < -limit - 1)
    diag.deviation(SignalFields::location(i, kDigMax),
                   "digital range [" + std::to_string(dmin) + ", " + std::to_string(dmax) +
                       "] exceeds the " + (bdf ? "24" : "16") + "-bit sample range");
  s.digital_min = static_cast<std::int32_t>(std::clamp(dmin, -limit - 1, limit));
  s.digital_max = static_cast<std::int32_t>(std::clamp(dmax, -limit - 1, limit));
  if (s.is_annotation) {
    // The samples of an annotation signal are TAL bytes, not values, but EDFlib (and so most
    // readers) refuse an EDF+/BDF+ whose annotation signal does not declare the full digital
    // range or declares an empty physical range: strict validation reports both.
    if (dmin != -limit - 1 || dmax != limit)
      diag.deviation(SignalFields::location(i, kDigMin),
                     "annotation signal digital range must be [" + std::to_string(-limit - 1) +
                         ", " + std::to_string(limit) + "] (is [" + std::to_string(dmin) + ", " +
                         std::to_string(dmax) + "])");
    if (s.physical_min == s.physical_max)
      diag.deviation(SignalFields::location(i, kPhysMin),
                     "annotation signal physical minimum equals its maximum");
    return;
  }
  if (dmin >= dmax)
    diag.fail(SignalFields::location(i, kDigMin) + ": digital minimum " + std::to_string(dmin) +
              " is not below digital maximum " + std::to_string(dmax));
  if (s.physical_min == s.physical_max)
    diag.fail(SignalFields::location(i, kPhysMin) + ": physical minimum equals physical maximum (" +
              std::to_string(s.physical_min) + ")");
  const DeliveredUnit unit = delivered_unit(s.physical_dimension);
  s.unit = unit.unit;
  s.unit_scale = unit.scale;
  // Spec formula anchored at the minima: P = pmin + (pmax - pmin) * (D - dmin) / (dmax - dmin).
  const double gain = (s.physical_max - s.physical_min) / static_cast<double>(dmax - dmin);
  s.gain = gain * unit.scale;
  s.offset = (s.physical_min - gain * static_cast<double>(dmin)) * unit.scale;
  // Physical extremes like +-1e308 parse as finite numbers but overflow the scale: every sample
  // would become inf or nan. The bound of 1e30 physical units keeps every sample, its square
  // (power) and a 32-bit float copy of it finite.
  const double extreme =
      std::max(std::fabs(s.physical_min), std::fabs(s.physical_max)) * std::fabs(unit.scale);
  if (!std::isfinite(s.gain) || !std::isfinite(s.offset) || s.gain == 0.0 || !(extreme < 1e30))
    diag.fail(SignalFields::location(i, kPhysMin) + ": physical range [" +
              fields.text(i, kPhysMin) + ", " + fields.text(i, kPhysMax) +
              "] gives a non-finite or degenerate gain");
}

// The sample rate sizes every buffer downstream (chunks, filters, detector windows): an absurd
// rate, from a huge sample count or a tiny or huge record duration, is refused here, before any
// allocation.
void check_sample_rate(const SignalInfo& s, int i, const Header& h, Diagnostics& diag) {
  if (s.is_annotation || h.record_duration_s <= 0.0)
    return;
  if (!(s.sample_rate_hz <= limits::kMaxSampleRateHz) ||
      !(s.sample_rate_hz >= limits::kMinSampleRateHz))
    diag.fail(SignalFields::location(i, kSamples) + ": absurd sample rate " +
              format_number(s.sample_rate_hz) + " Hz (" + std::to_string(s.samples_per_record) +
              " samples per record of " + format_number(h.record_duration_s) + " s; allowed " +
              format_number(limits::kMinSampleRateHz) + " to " +
              format_number(limits::kMaxSampleRateHz) + " Hz)");
}

void check_labels(const Header& h, Diagnostics& diag) {
  std::set<std::string> seen;
  for (int i : h.data_signals()) {
    const auto& label = h.signals[static_cast<std::size_t>(i)].label;
    if (!seen.insert(label).second) {
      diag.deviation(signal_location(i, "label"), "duplicate label '" + label + "'");
      diag.warn("duplicate label '" + label + "' kept (signal " + std::to_string(i) + ")");
    }
  }
  if (is_plus(h.file_type) && h.annotation_signals().empty())
    diag.deviation("header", "EDF+/BDF+ file without an annotation signal");
}

}  // namespace

void parse_signal_headers(std::string_view raw, Header& h, Diagnostics& diag) {
  const int ns = static_cast<int>(raw.size() / 256);
  const bool bdf = is_bdf(h.file_type);
  const SignalFields fields(raw, ns, diag);
  h.signals.resize(static_cast<std::size_t>(ns));
  h.record_bytes = 0;
  for (int i = 0; i < ns; ++i) {
    SignalInfo& s = h.signals[static_cast<std::size_t>(i)];
    read_label(s, i, bdf, fields, diag);
    s.transducer = fields.text(i, kTransducer);
    s.physical_dimension = fields.text(i, kDimension);
    s.unit = s.physical_dimension;
    read_scaling(s, i, bdf, fields, diag);
    s.prefilter = fields.text(i, kPrefilter);
    const long long spr = fields.integer(i, kSamples);
    if (spr <= 0 || spr > 100000000)
      diag.fail(SignalFields::location(i, kSamples) + ": invalid samples per record (" +
                std::to_string(spr) + ")");
    s.samples_per_record = static_cast<int>(spr);
    if (!fields.text(i, kReserved).empty())
      diag.deviation(SignalFields::location(i, kReserved), "reserved field is not empty");
    if (h.record_duration_s > 0.0)
      s.sample_rate_hz = static_cast<double>(spr) / h.record_duration_s;
    check_sample_rate(s, i, h, diag);
    h.record_bytes += spr * h.bytes_per_sample;
  }
  if (h.record_duration_s == 0.0 && !h.data_signals().empty())
    diag.fail(header_location(244, "record duration") +
              ": record duration 0 is only allowed in annotation-only files");
  check_labels(h, diag);
}

}  // namespace eegtrack::io::detail
