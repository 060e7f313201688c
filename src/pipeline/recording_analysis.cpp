#include "eegtrack/pipeline/recording_analysis.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "analysis_state.hpp"
#include "eegtrack/features/continuity_analyzer.hpp"
#include "eegtrack/io/channels.hpp"
#include "eegtrack/io/text_escape.hpp"
#include "eegtrack/pipeline/available_cpus.hpp"
#include "eegtrack/pipeline/detection_runner.hpp"
#include "epoch_processor.hpp"
#include "epoch_trends.hpp"
#include "worker_pool.hpp"

namespace eegtrack::pipeline {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kSinkBlockEpochs = 64;  // rows handed to the sink at once
// Epochs whose background measures are computed together, spread over the cores: enough to
// keep two to four cores busy, few enough that memory stays a few megabytes.
constexpr std::size_t kParallelEpochs = 8;

// Ear and mastoid sites are no scalp region for the regional measures (and are written as
// region "other", as they always were).
sites::ElectrodeSite analysed_site(sites::ElectrodeSite s) {
  if (s.region == sites::Region::Auricular)
    s.region = sites::Region::Other;
  return s;
}

std::vector<AnalysisChannel> analysis_channels(const io::Header& header, const Selection& sel) {
  std::vector<AnalysisChannel> out;
  for (const auto& der : sel.plan.derivations) {
    AnalysisChannel ch;
    const bool as_recorded = der.minus < 0 && !der.minus_is_average;
    // The file's label, escaped to valid UTF-8 (Latin-1 labels) for the outputs.
    ch.label = as_recorded
                   ? io::escape_bytes(header
                                          .signals[static_cast<std::size_t>(
                                              sel.signals[static_cast<std::size_t>(der.plus)])]
                                          .label)
                   : der.label;
    // An as-recorded derivation keeps the file's label; its site comes from the normalized name.
    ch.normalized_label = as_recorded ? io::normalize_channel(ch.label).normalized : der.label;
    ch.sample_rate_hz = sel.sample_rate_hz;
    if (auto site = sites::electrode_site(ch.normalized_label)) {
      ch.site = analysed_site(*site);
      ch.has_site = true;
    } else {
      ch.site.name = der.label;
    }
    out.push_back(std::move(ch));
  }
  return out;
}

// Buffers per-epoch rows and hands them to the sink feature by feature.
class SinkBuffer {
 public:
  SinkBuffer(FeatureSink* sink, const std::vector<FeatureSpec>& specs, std::size_t n_channels)
      : sink_(sink), specs_(&specs), n_channels_(n_channels) {}
  void add(const std::vector<double>& values) {  // [channel][feature]
    if (sink_ == nullptr)
      return;
    pending_.insert(pending_.end(), values.begin(), values.end());
    if (pending_.size() >= kSinkBlockEpochs * n_channels_ * specs_->size())
      flush();
  }
  void flush() {
    if (sink_ == nullptr)
      return;
    const std::size_t nf = specs_->size();
    const std::size_t rows = pending_.size() / (n_channels_ * nf);
    std::vector<double> block(rows * n_channels_);
    for (std::size_t f = 0; f < nf; ++f) {
      for (std::size_t i = 0; i < rows * n_channels_; ++i)
        block[i] = pending_[i * nf + f];
      sink_->append_rows((*specs_)[f], block, n_channels_);
    }
    pending_.clear();
  }

 private:
  FeatureSink* sink_;
  const std::vector<FeatureSpec>* specs_;
  std::size_t n_channels_;
  std::vector<double> pending_;
};

// Averages clean epoch spectra into windows of `step` epochs and bins of `bin_hz`.
class SpectrogramBuilder {
 public:
  SpectrogramBuilder(const AnalyzeParams& p, std::size_t n_channels, double df_hz, double nyq_hz,
                     FeatureSink* sink)
      : n_channels_(n_channels), sink_(sink) {
    step_ = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::lround(p.spectrogram_step_s / p.epoch_s)));
    out_.bin_hz = std::ceil(df_hz / p.spectrogram_bin_hz - 1e-9) * p.spectrogram_bin_hz;
    out_.window_s = out_.step_s = static_cast<double>(step_) * p.epoch_s;
    const double top = std::min(p.spectrogram_max_hz, nyq_hz);
    for (double f = 0.0; f <= top + 1e-9; f += out_.bin_hz)
      out_.frequencies_hz.push_back(f);
    sum_.assign(n_channels * out_.frequencies_hz.size(), 0.0);
    count_.assign(sum_.size(), 0);
  }
  void add(const detail::EpochResult& r, double onset_s, double epoch_s, bool new_segment) {
    if (new_segment || taken_ == step_)
      emit();
    if (taken_ == 0)
      first_s_ = onset_s;
    last_end_s_ = onset_s + epoch_s;
    ++taken_;
    const auto& f = r.psd.frequencies_hz;
    const std::size_t nb = out_.frequencies_hz.size();
    for (std::size_t c = 0; c < n_channels_; ++c) {
      if (r.rejected[c])
        continue;
      for (std::size_t k = 0; k < f.size(); ++k) {
        const auto bin = static_cast<std::size_t>(std::lround(f[k] / out_.bin_hz));
        if (bin >= nb)
          break;
        sum_[c * nb + bin] +=
            r.psd.psd_uv2_per_hz(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k));
        ++count_[c * nb + bin];
      }
    }
  }
  ReducedSpectrogram finish() {
    emit();
    return std::move(out_);
  }

 private:
  void emit() {
    if (taken_ == 0)
      return;
    out_.time_s.push_back(0.5 * (first_s_ + last_end_s_));
    window_.resize(sum_.size());
    for (std::size_t i = 0; i < sum_.size(); ++i)
      window_[i] = count_[i] > 0 ? sum_[i] / static_cast<double>(count_[i]) : kNaN;
    // Streamed to the store when there is one, so memory does not grow with the recording.
    out_.streamed = sink_ != nullptr &&
                    sink_->append_spectrogram(window_, n_channels_, out_.frequencies_hz.size());
    if (!out_.streamed)
      out_.power.insert(out_.power.end(), window_.begin(), window_.end());
    std::fill(sum_.begin(), sum_.end(), 0.0);
    std::fill(count_.begin(), count_.end(), 0);
    taken_ = 0;
  }
  std::size_t n_channels_;
  FeatureSink* sink_;
  std::vector<double> window_;
  std::size_t step_ = 1;
  std::size_t taken_ = 0;
  double first_s_ = 0.0;
  double last_end_s_ = 0.0;
  std::vector<double> sum_;
  std::vector<std::size_t> count_;
  ReducedSpectrogram out_;
};

// A recording made in a bipolar montage cannot be re-referenced to the common average: its
// channels are then analysed as recorded, and the output says so.
Selection select_for(const io::Header& header, const AnalyzeParams& params,
                     RecordingAnalysis& out) {
  out.montage = params.montage;
  if (params.montage != io::MontageKind::Average)
    return select_channels(header, SelectionRequest{{}, params.montage, {}, true, true});
  try {
    return select_channels(header, SelectionRequest{{}, params.montage, {}, true, true});
  } catch (const std::invalid_argument& e) {
    out.montage = io::MontageKind::Referential;
    out.warnings.push_back(std::string("average reference not possible, channels analysed as "
                                       "recorded: ") +
                           e.what());
    return select_channels(header,
                           SelectionRequest{{}, io::MontageKind::Referential, {}, true, true});
  }
}

// The per-epoch rows kept in memory: epoch table and artifact mask (a few bytes per epoch).
void record_epoch(const Epoch& epoch, const detail::EpochResult& r, findings::EpochTable& out) {
  out.onset_s.push_back(epoch.onset_s);
  out.segment.push_back(static_cast<std::int64_t>(epoch.segment));
  std::size_t kept = 0;
  for (std::size_t c = 0; c < r.masks.size(); ++c) {
    out.artifact_mask.push_back(static_cast<std::uint8_t>(r.masks[c]));
    kept += r.rejected[c] ? 0 : 1;
  }
  out.kept_fraction.push_back(static_cast<double>(kept) / static_cast<double>(r.masks.size()));
}

}  // namespace

std::size_t feature_index(const RecordingAnalysis& analysis, const std::string& name) {
  for (std::size_t i = 0; i < analysis.features.size(); ++i)
    if (analysis.features[i].name == name)
      return i;
  throw std::out_of_range("feature_index: no feature named " + name);
}

RecordingAnalysis analyze_recording(const io::EdfReader& reader, const AnalyzeParams& params,
                                    FeatureSink* sink, const AnalysisProgress& progress) {
  validate(params);
  const auto& header = reader.header();
  RecordingAnalysis out;
  const Selection selection = select_for(header, params, out);
  const double fs = selection.sample_rate_hz;
  if (!(params.total_high_hz < fs / 2.0))
    throw std::invalid_argument("analyze_recording: total_high_hz must lie below Nyquist (" +
                                std::to_string(params.total_high_hz) + " Hz)");
  out.duration_s = reader.duration_s();
  out.sample_rate_hz = fs;
  out.channels = analysis_channels(header, selection);
  out.warnings.insert(out.warnings.end(), selection.warnings.begin(), selection.warnings.end());
  out.features = epoch_feature_specs(params);

  detail::AnalysisState st;
  st.n_channels = out.channels.size();
  st.n_features = out.features.size();
  st.psd_count.assign(st.n_channels, 0);
  const detail::EpochProcessor processor(header, selection, params);
  EpochStream epochs(reader, selection.signals, params.epoch_s, params.chunk_s);
  const double epoch_len_s = static_cast<double>(epochs.epoch_samples()) / fs;
  out.epochs.epoch_s = epoch_len_s;
  st.block_epochs = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::lround(params.bootstrap.block_s / epoch_len_s)));
  for (std::size_t c = 0; c < st.n_channels; ++c) {
    const auto region = out.channels[c].site.region;
    if (out.channels[c].has_site &&
        (region == sites::Region::Occipital || region == sites::Region::Parietal ||
         region == sites::Region::Frontal))
      st.block_channels.push_back(c);
  }
  out.epochs.n_channels = st.n_channels;
  st.expected_epochs = epochs.epoch_count();
  st.cells.emplace(st.n_channels, st.n_features);
  st.cells->reserve(st.expected_epochs);
  SinkBuffer sink_buffer(sink, out.features, st.n_channels);
  DetectionRunner detection(header, selection, params.detection, params.threads);
  features::SymmetryParams symmetry;
  symmetry.bands = params.bands;
  detail::EpochTrendBuilder trends(out.channels, out.features, symmetry);
  std::optional<features::ContinuityAnalyzer> continuity;
  std::optional<SpectrogramBuilder> spectrogram;
  // Each epoch's screening, spectrum and features depend on that epoch alone: a batch of
  // them is computed on all cores. Everything after depends on time order; it takes the
  // previous batch while the pool computes the current one and reads the next, so that no core
  // waits for the reading or the ordered work (three batches rotate: taken, computed, read).
  detail::WorkerPool pool(params.threads > 0 ? params.threads : available_cpus());
  std::array<std::vector<Epoch>, 3> batches;
  std::array<std::vector<detail::EpochResult>, 3> results;
  for (std::size_t k = 0; k < 3; ++k) {
    batches[k].resize(kParallelEpochs);
    results[k].resize(kParallelEpochs);
  }
  double previous_end_s = -1.0;
  std::size_t previous_segment = 0;
  const auto take_in_order = [&](const std::vector<Epoch>& batch,
                                 const std::vector<detail::EpochResult>& computed,
                                 std::size_t n_batch) {
    for (std::size_t i = 0; i < n_batch; ++i) {
      const Epoch& epoch = batch[i];
      const detail::EpochResult& r = computed[i];
      const bool new_segment =
          continuity.has_value() && (epoch.segment != previous_segment ||
                                     std::abs(epoch.onset_s - previous_end_s) > 0.5 / fs);
      detection.push(epoch, r.recorded_masks, continuity.has_value() && !new_segment);
      if (!continuity) {
        continuity.emplace(processor.n_recorded(), fs, params.continuity, epoch.onset_s);
        spectrogram.emplace(params, st.n_channels, r.psd.frequencies_hz.at(1), fs / 2.0, sink);
      } else if (new_segment) {
        continuity->reset(epoch.onset_s);
      }
      continuity->push(processor.recorded(epoch));
      spectrogram->add(r, epoch.onset_s, epoch_len_s, new_segment);
      previous_segment = epoch.segment;
      previous_end_s = epoch.onset_s + epoch_len_s;

      record_epoch(epoch, r, out.epochs);
      detail::accumulate(r, params, st);
      trends.add(r);
      sink_buffer.add(r.values);
    }
  };
  const auto read_batch = [&](std::vector<Epoch>& batch) {
    std::size_t n = 0;
    while (n < batch.size() && epochs.next(batch[n]))
      ++n;
    return n;
  };
  std::size_t pending = 0;  // epochs of the previous batch, computed but not yet taken
  std::size_t n_batch = read_batch(batches[0]);
  for (std::size_t k = 0;; k = (k + 1) % 3) {
    const std::size_t previous = (k + 2) % 3;
    const std::size_t next = (k + 1) % 3;
    if (n_batch == 0) {
      take_in_order(batches[previous], results[previous], pending);
      break;
    }
    // The ordered items are handed out first, so that the longest start first: taking the
    // previous batch (when there is one), then reading the next.
    const std::size_t ordered = pending > 0 ? 1 : 0;
    std::size_t n_next = 0;
    pool.run(n_batch + ordered + 1, [&](std::size_t i) {
      if (i < ordered)
        take_in_order(batches[previous], results[previous], pending);
      else if (i == ordered)
        n_next = read_batch(batches[next]);
      else
        processor.process(batches[k][i - ordered - 1], results[k][i - ordered - 1]);
    });
    if (progress && pending > 0)
      progress(previous_end_s, out.duration_s);
    pending = n_batch;
    n_batch = n_next;
  }
  if (progress)  // the tail shorter than an epoch is read too: the whole file is done
    progress(out.duration_s, out.duration_s);
  if (!continuity)
    throw std::invalid_argument("analyze_recording: no segment holds one epoch of " +
                                std::to_string(params.epoch_s) + " s in " + header.path.string());
  sink_buffer.flush();
  out.continuity = continuity->result();
  out.trends = trends.finish(out.continuity, out.epochs);
  out.spectrogram = spectrogram->finish();
  out.detection = detection.finish();
  out.epileptiform =
      summarize_epileptiform(out.detection, params.detection.min_analysed_for_rates_s);
  detail::close_open_block(st);
  detail::aggregate_recording(st, params, out);
  return out;
}

}  // namespace eegtrack::pipeline
