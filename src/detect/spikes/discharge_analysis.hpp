#pragma once

// Internals of the IED detector: one analysis span (core window plus context) of one segment.

#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eegtrack/detect/detection_block.hpp"
#include "eegtrack/detect/event.hpp"
#include "eegtrack/detect/spikes/ied_params.hpp"
#include "eegtrack/dsp/sos.hpp"

namespace eegtrack::detect::detail {

/// The filters of one detector, designed once for its sample rate.
struct IedFilters {
  dsp::Sos broadband;
  dsp::Sos fast;
};

[[nodiscard]] IedFilters design_ied_filters(const IedParams& p, double sample_rate_hz);

/// Whole-span statistics read every kSpanStatisticStride-th sample. The traces they describe
/// are band-limited far below the sample rate, so neighbouring samples add little that their
/// neighbours did not already say, and the selections behind the robust SDs (a fifth of a
/// full analysis' CPU) take a quarter of the time.
inline constexpr std::size_t kSpanStatisticStride = 4;

/// Robust SD (1.4826 x MAD about the median, upper central value of an even count) of every
/// kSpanStatisticStride-th sample of a span's trace: the background level of a whole span.
[[nodiscard]] double span_sd(std::span<const double> x);

/// span_sd of a trace whose every kSpanStatisticStride-th sample is already taken: the same
/// robust SD of those values.
[[nodiscard]] double sampled_sd(std::span<const double> every);

/// One channel of a span, filtered, with its background statistics.
struct IedChannelView {
  std::vector<double> broadband;      ///< 1-70 Hz, µV
  std::vector<double> fast_envelope;  ///< Hilbert envelope of the 10-60 Hz band, µV
  double envelope_threshold = 0.0;    ///< Janča log-normal threshold, µV
  double sd_uv = 0.0;                 ///< robust SD of broadband
  double slope_sd = 0.0;              ///< robust SD of the first difference of broadband
  /// flat_count[i]: samples before i inside flat runs (constant raw data: dropout, file end).
  std::vector<std::size_t> flat_count;
};

/// raw: the channel's samples; broadband and fast: raw through IedFilters::broadband and
/// IedFilters::fast (sosfiltfilt).
[[nodiscard]] IedChannelView view_channel(std::span<const double> raw,
                                          std::vector<double> broadband,
                                          std::span<const double> fast, const IedParams& p,
                                          double fs);

/// A surface-negative discharge measured on one channel (indices into the span).
struct IedDischarge {
  std::size_t channel = 0;
  std::size_t peak = 0;          ///< most negative sample
  std::size_t left = 0;          ///< trough before (start of the discharge)
  std::size_t right = 0;         ///< trough after (end of the discharge)
  double duration_s = 0.0;       ///< twice the width at half amplitude
  double amplitude_uv = 0.0;     ///< peak to mean of the two troughs
  double amplitude_ratio = 0.0;  ///< amplitude / background SD
  double slope_ratio = 0.0;      ///< the weaker flank's steepest slope / derivative SD
  double asymmetry = 0.0;        ///< |rise - fall| / (rise + fall) durations
  double slow_wave = 0.0;        ///< after-going slow-wave height / amplitude
  double local_ratio = 0.0;      ///< amplitude / robust SD of the surrounding +-1 s (0: gate off)
  int rhythm_peaks = 0;          ///< comparable waves around it (see IedParams::max_train_peaks)
};

/// Negative peaks of a channel that pass the candidate stage, in time order.
[[nodiscard]] std::vector<std::size_t> candidate_peaks(const IedChannelView& view,
                                                       const IedParams& p, double fs);

/// Measures the discharge at `peak`; nullopt when a morphology criterion fails.
[[nodiscard]] std::optional<IedDischarge> measure_discharge(const IedChannelView& view,
                                                            std::size_t channel, std::size_t peak,
                                                            const IedParams& p, double fs);

/// Rhythm context of a discharge: negative half-waves (zero crossing to zero crossing of the
/// broadband signal) within +-rhythm_context_s on its channel whose depth is at least
/// similar_depth_fraction x the discharge's and whose duration is within a factor of
/// similar_duration_ratio of the discharge's own half-wave. Many of them: the discharge is a
/// member of the channel's ongoing rhythm (a sharp alpha or mu wave), not a transient.
[[nodiscard]] int similar_waves(const IedChannelView& view, const IedDischarge& d,
                                const IedParams& p, double fs);

/// similar_waves on any trace: half-waves like the negative one holding x[peak].
[[nodiscard]] int similar_half_waves(std::span<const double> x, std::size_t peak,
                                     const IedParams& p, double fs);

/// Smooth focal fields a montage can show: for each centre electrode and spread, the unit-norm
/// topography over the fitted channels (Gaussian of angular distance, minus the reference).
struct IedFieldModel {
  std::vector<std::size_t> fitted;  ///< channels entering the fit
  std::vector<std::vector<double>> topographies;
  std::vector<std::string> centres;
  std::vector<double> spreads_deg;
};

[[nodiscard]] IedFieldModel make_field_model(std::span<const DetectionChannel> channels,
                                             std::span<const double> spreads_deg);

/// Best least-squares fit of a surface-negative focal field to per-channel deflections
/// (negative up, indexed by channel). r2 = explained fraction of the deflections' energy.
struct FieldFit {
  double r2 = std::numeric_limits<double>::quiet_NaN();  ///< NaN: too few channels to fit
  double amplitude = 0.0;
  std::string centre;
  double spread_deg = 0.0;
  std::size_t topography = 0;  ///< index into IedFieldModel::topographies
};

[[nodiscard]] FieldFit fit_field(const IedFieldModel& model, std::span<const double> deflection);

/// Matched spatial filters of the field models against the span's background: for each
/// topography t of the model, C^-1 t / sqrt(t' C^-1 t) over the fitted channels, where C is
/// the (ridge-regularised) channel covariance of the span's background. A channel seen through
/// such a filter has unit background variance in the direction of t. Empty when the montage
/// has too few fitted channels or too little clean background.
struct IedWhitener {
  std::vector<std::vector<double>> filters;
};

/// One matched filter's virtual channel: v[s] = sum over i of a[i] channels[i][s], the channels
/// added in the order of i (every channel holds at least v.size() samples).
void virtual_channel(std::span<const double* const> channels, std::span<const double> a,
                     std::span<double> v);

/// Which registers sum the blocks of virtual_channel: the widest the processor has (AVX2 on
/// x86-64 where present), or the baseline's (tests compare the two).
enum class VectorPath { Widest, Baseline };

/// virtual_channel over [from, to) only; the other values of v are left as they are.
void virtual_channel(std::span<const double* const> channels, std::span<const double> a,
                     std::span<double> v, std::size_t from, std::size_t to,
                     VectorPath path = VectorPath::Widest);

/// One value of the virtual channel: the same sum, in the same order, at sample s.
[[nodiscard]] double virtual_channel_at(std::span<const double* const> channels,
                                        std::span<const double> a, std::size_t s);

[[nodiscard]] IedWhitener make_whitener(std::span<const IedChannelView> views,
                                        const IedFieldModel& model, const IedParams& p);

/// Temporal whitening of one trace: an autoregressive model of order innovation_order_s is
/// fitted to the whole of x (Yule-Walker); its prediction errors over [left, right], divided
/// by their robust SD over the surrounding +-1 s (the discharge and the 300 ms after it left
/// out), are squared and summed. The ongoing rhythm is what the model predicts; a transient
/// it does not predict gives large errors. 0 when x is too short for the model.
[[nodiscard]] double innovation_energy(std::span<const double> x, std::size_t left,
                                       std::size_t right, const IedParams& p, double fs);

/// The autoregressive model innovation_energy fits to a whole trace; `valid` is false when the
/// trace is too short for it or the fit degenerates (the energy is then 0).
struct InnovationModel {
  bool valid = false;
  std::vector<double> ar;  ///< ar[1..order]: x[k] is predicted as the sum of ar[j] x[k - j]
};

/// The autocorrelation sums of the fit: r[j] = sum over k >= j of x[k] x[k - j], j = 0..order,
/// each sum's products added in the order of k. Needs x.size() > order.
[[nodiscard]] std::vector<double> lag_products(std::span<const double> x, std::size_t order);

[[nodiscard]] InnovationModel fit_innovation_model(std::span<const double> x, const IedParams& p,
                                                   double fs);

/// innovation_energy with the model already fitted to x.
[[nodiscard]] double innovation_energy(std::span<const double> x, const InnovationModel& model,
                                       std::size_t left, std::size_t right, double fs);

/// The virtual channels of one span that measure_whitened reads, each computed (with its
/// innovation model) the first time a discharge asks for it: several discharges of a span
/// often choose the same field.
class WhitenedTraces {
 public:
  struct Trace {
    std::vector<double> v;
    InnovationModel model;
  };
  [[nodiscard]] const Trace& of(std::span<const IedChannelView> views, const IedFieldModel& model,
                                const IedWhitener& whitener, std::size_t topography,
                                const IedParams& p, double fs);

 private:
  std::map<std::size_t, Trace> traces_;
};

/// A discharge seen on the virtual channel of the matched filter that gives its deflections
/// (`instant`, per channel, negative up) the largest whitened amplitude.
struct WhitenedDischarge {
  std::size_t topography = 0;  ///< index into IedFieldModel::topographies
  double spread_deg = 0.0;     ///< spread of that field
  double innovation = 0.0;     ///< innovation_energy of the virtual channel over the discharge
  int similar = 0;             ///< similar half-waves of the virtual channel
};

[[nodiscard]] std::optional<WhitenedDischarge> measure_whitened(
    std::span<const IedChannelView> views, const IedFieldModel& model, const IedWhitener& whitener,
    const IedDischarge& d, std::span<const double> instant, WhitenedTraces& traces,
    const IedParams& p, double fs);

/// Candidates found on the whitened virtual channels: every matched filter of a field not
/// narrower than min_field_spread_deg is applied to the span; its local negative peaks in
/// [begin, end) at least whitened_candidate_ratio x its robust SD deep become discharges on
/// the field's centre channel (its deepest point within +-field_tolerance_s), measured as
/// single-channel discharges but without the amplitude, slope and local-ratio gates.
[[nodiscard]] std::vector<IedDischarge> whitened_candidates(std::span<const IedChannelView> views,
                                                            const IedFieldModel& model,
                                                            const IedWhitener& whitener,
                                                            std::size_t begin, std::size_t end,
                                                            const IedParams& p, double fs);

/// Groups discharges of all channels into events, checks the field, and returns the events
/// whose focus peak lies in [core_begin, core_end). span_start_s is the time of sample 0.
[[nodiscard]] std::vector<Event> field_events(std::span<const IedChannelView> views,
                                              std::vector<IedDischarge> discharges,
                                              std::span<const DetectionChannel> channels,
                                              const IedFieldModel& model,
                                              const IedWhitener& whitener, std::size_t core_begin,
                                              std::size_t core_end, double span_start_s,
                                              const IedParams& p, double fs);

/// Walks from y[peak] down one flank (step -1: left, +1: right; at most max_len samples) until
/// y rises again by more than `hysteresis` x the height descended (at least floor_tol);
/// returns the lowest point passed.
[[nodiscard]] std::size_t flank_end(std::span<const double> y, std::size_t peak, int step,
                                    std::size_t max_len, double hysteresis, double floor_tol);

}  // namespace eegtrack::detect::detail
