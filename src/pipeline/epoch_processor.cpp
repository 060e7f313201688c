#include "epoch_processor.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "eegtrack/dsp/multitaper.hpp"
#include "eegtrack/dsp/welch.hpp"
#include "eegtrack/features/aperiodic.hpp"
#include "eegtrack/io/channels.hpp"

namespace eegtrack::pipeline::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The scalp electrodes each selected signal records, from its label: "FP1-F7" -> {Fp1, F7},
// "EEG T3-REF" -> {T7}; none for a label that names no electrode.
std::vector<std::vector<std::string>> recorded_electrodes(const io::Header& header,
                                                          const Selection& selection) {
  std::vector<std::vector<std::string>> out;
  for (int s : selection.signals) {
    const auto& info = header.signals[static_cast<std::size_t>(s)];
    const auto name = io::normalize_channel(info.label, info.unit);
    out.push_back(name.plus.empty()
                      ? std::vector<std::string>{}
                      : sites::electrodes_of({name.normalized, name.plus, name.minus}));
  }
  return out;
}

}  // namespace

EpochProcessor::EpochProcessor(const io::Header& header, const Selection& selection,
                               const AnalyzeParams& p)
    : selection_(&selection),
      params_(p),
      field_layout_(features::field_layout(recorded_electrodes(header, selection), p.artifacts)),
      ocular_layout_(features::ocular_layout(recorded_electrodes(header, selection))),
      n_features_(2 * p.bands.size() + 12) {
  spectral_.bands = p.bands;
  spectral_.total_low_hz = spectral_.edge_low_hz = spectral_.entropy_low_hz =
      spectral_.peak_low_hz = p.total_low_hz;
  spectral_.total_high_hz = spectral_.edge_high_hz = spectral_.entropy_high_hz =
      spectral_.peak_high_hz = p.total_high_hz;
  for (int s : selection.signals) {
    const auto& info = header.signals[static_cast<std::size_t>(s)];
    // The digital limits in delivered units: a sample there is clipped by the amplifier/ADC.
    const double a = info.gain * info.digital_min + info.offset;
    const double b = info.gain * info.digital_max + info.offset;
    if (a != b && std::isfinite(a) && std::isfinite(b))
      ranges_.push_back(features::ChannelRange{a, b});
    else
      ranges_.push_back(std::nullopt);
  }
  // Continuity thresholds (10 µV peak to trough) were calibrated on recorded channels; the
  // common average lowers amplitudes and would call normal low-voltage records suppressed.
  if (!selection.plan.average_members.empty()) {
    for (int m : selection.plan.average_members)
      recorded_rows_.push_back(static_cast<std::size_t>(m));
  } else {
    for (const auto& der : selection.plan.derivations)
      recorded_rows_.push_back(static_cast<std::size_t>(der.plus));
  }
}

// Each recorded channel on its own, then across channels: an entry high only because it is part
// of a cerebral field is kept (features::spare_cerebral_fields), and an eye movement on the
// periocular channels is marked (features::flag_ocular), so that it stays out of the average
// reference and of the background measures.
void EpochProcessor::screen(const Epoch& epoch, EpochResult& out) const {
  out.screens.resize(epoch.samples.size());
  const auto stds = features::channel_stds(epoch.samples);
  for (std::size_t c = 0; c < epoch.samples.size(); ++c)
    out.screens[c] = features::screen_epoch(epoch.samples[c], epoch.sample_rate_hz, ranges_[c],
                                            params_.artifacts, stds[c]);
  features::spare_cerebral_fields(out.screens, field_layout_, params_.artifacts);
  features::flag_ocular(epoch.samples, epoch.sample_rate_hz, out.screens, ocular_layout_,
                        params_.artifacts);
  out.recorded_masks.resize(out.screens.size());
  for (std::size_t c = 0; c < out.screens.size(); ++c)
    out.recorded_masks[c] = out.screens[c].reasons;
}

// The average reference is taken over the members clean in this epoch, so one channel's
// artifact does not leak into every derivation; a bipolar derivation inherits both ends' flags.
void EpochProcessor::montage(const Epoch& epoch, const std::vector<features::ArtifactReason>& raw,
                             EpochResult& out) const {
  const auto& plan = selection_->plan;
  const auto n = static_cast<Eigen::Index>(epoch.samples.front().size());
  const auto reject = params_.artifacts.reject_reasons;
  Eigen::VectorXd average = Eigen::VectorXd::Zero(n);
  if (!plan.average_members.empty()) {
    std::size_t used = 0;
    for (int pass = 0; pass < 2 && used == 0; ++pass) {
      for (int m : plan.average_members) {
        const auto k = static_cast<std::size_t>(m);
        if (pass == 0 && features::has_any(raw[k], reject))
          continue;
        average += Eigen::Map<const Eigen::VectorXd>(epoch.samples[k].data(), n);
        ++used;
      }
    }
    average /= static_cast<double>(used);
  }
  const auto n_der = plan.derivations.size();
  out.masks.assign(n_der, features::ArtifactReason::None);
  out.rejected.assign(n_der, false);
  // Each derivation's samples, and the subtrahend (another signal, the average or none).
  std::vector<const double*> plus(n_der), minus(n_der);
  for (std::size_t d = 0; d < n_der; ++d) {
    const auto& der = plan.derivations[d];
    const auto p = static_cast<std::size_t>(der.plus);
    plus[d] = epoch.samples[p].data();
    out.masks[d] = raw[p];
    if (der.minus >= 0) {
      const auto m = static_cast<std::size_t>(der.minus);
      minus[d] = epoch.samples[m].data();
      out.masks[d] |= raw[m];
    } else if (der.minus_is_average) {
      minus[d] = average.data();
    }
    out.rejected[d] = features::has_any(out.masks[d], reject);
  }
  out.montaged.resize(static_cast<Eigen::Index>(n_der), n);
  for (std::size_t d = 0; d < n_der; ++d) {
    double* row = out.montaged.row(static_cast<Eigen::Index>(d)).data();
    if (minus[d] != nullptr) {
      for (Eigen::Index j = 0; j < n; ++j)
        row[j] = plus[d][j] - minus[d][j];
    } else {
      std::copy(plus[d], plus[d] + n, row);
    }
  }
}

std::vector<std::span<const double>> EpochProcessor::recorded(const Epoch& epoch) const {
  std::vector<std::span<const double>> rows;
  rows.reserve(recorded_rows_.size());
  for (const std::size_t r : recorded_rows_)
    rows.emplace_back(epoch.samples[r]);
  return rows;
}

void EpochProcessor::spectrum(EpochResult& out, double fs) const {
  if (params_.method == PsdMethod::Welch) {
    dsp::WelchParams w;
    w.segment_s = params_.segment_s;
    w.overlap = params_.overlap;
    const auto n = static_cast<std::size_t>(out.montaged.cols());
    std::vector<std::span<const double>> rows;
    rows.reserve(static_cast<std::size_t>(out.montaged.rows()));
    for (Eigen::Index d = 0; d < out.montaged.rows(); ++d)
      rows.emplace_back(out.montaged.row(d).data(), n);
    out.psd = dsp::welch_psd(rows, fs, w);
  } else {
    dsp::MultitaperParams m;
    m.time_bandwidth = params_.nw;
    out.psd = dsp::multitaper_psd(Eigen::MatrixXd(out.montaged), fs, m);
  }
}

void EpochProcessor::features_of(EpochResult& out) const {
  const auto& f = out.psd.frequencies_hz;
  const std::size_t n_der = out.rejected.size();
  const std::size_t nb = params_.bands.size();
  out.values.assign(n_der * n_features_, kNaN);
  features::AperiodicParams ap;
  ap.low_hz = params_.aperiodic_low_hz;
  ap.high_hz = params_.aperiodic_high_hz;
  std::vector<double> row(f.size());
  for (std::size_t d = 0; d < n_der; ++d) {
    if (out.rejected[d])
      continue;
    for (std::size_t k = 0; k < f.size(); ++k)
      row[k] = out.psd.psd_uv2_per_hz(static_cast<Eigen::Index>(d), static_cast<Eigen::Index>(k));
    const auto s = features::spectral_features(f, row, spectral_);
    const auto fit = features::fit_aperiodic(f, row, ap);
    double* v = out.values.data() + d * n_features_;
    for (std::size_t b = 0; b < nb; ++b) {
      v[2 * b] = s.absolute_uv2[b];
      v[2 * b + 1] = s.relative[b];
    }
    double* t = v + 2 * nb;
    const double rest[] = {s.total_power_uv2,
                           s.rms_uv,
                           s.delta_alpha_ratio,
                           s.theta_alpha_ratio,
                           s.dtabr,
                           s.sef50_hz,
                           s.sef90_hz,
                           s.sef95_hz,
                           s.peak_frequency_hz,
                           s.spectral_entropy,
                           fit.valid ? fit.exponent : kNaN,
                           fit.valid ? fit.offset_log10 : kNaN};
    for (std::size_t i = 0; i < 12; ++i)
      t[i] = rest[i];
  }
}

void EpochProcessor::process(const Epoch& epoch, EpochResult& out) const {
  screen(epoch, out);
  montage(epoch, out.recorded_masks, out);
  spectrum(out, epoch.sample_rate_hz);
  features_of(out);
}

}  // namespace eegtrack::pipeline::detail
