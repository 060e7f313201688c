#include "support/edflib_oracle.hpp"

#include <edflib.h>

#include <memory>
#include <mutex>

#include "eegtrack/io/edf_writer.hpp"
#include "eegtrack/io/errors.hpp"

namespace eegtrack::test {

namespace {

// RAII for a read handle; open and close hold EDFlib's process-wide mutex.
class ReadHandle {
 public:
  explicit ReadHandle(const std::filesystem::path& path) : hdr_(new edf_hdr_struct{}) {
    const std::lock_guard lock(io::detail::edflib_mutex());
    if (edfopen_file_readonly(path.c_str(), hdr_.get(), EDFLIB_READ_ALL_ANNOTATIONS) != 0)
      code_ = hdr_->filetype;
  }
  ~ReadHandle() {
    if (code_ == 0) {
      const std::lock_guard lock(io::detail::edflib_mutex());
      edfclose_file(hdr_->handle);
    }
  }
  ReadHandle(const ReadHandle&) = delete;
  ReadHandle& operator=(const ReadHandle&) = delete;

  [[nodiscard]] int code() const { return code_; }
  [[nodiscard]] const edf_hdr_struct& hdr() const { return *hdr_; }

 private:
  std::unique_ptr<edf_hdr_struct> hdr_;  // ~300 kB: keep it off the stack
  int code_ = 0;
};

OracleSignal signal_of(const edf_param_struct& p, long long record_duration) {
  OracleSignal s;
  s.label = p.label;
  while (!s.label.empty() && s.label.back() == ' ')
    s.label.pop_back();
  s.physical_dimension = p.physdimension;
  while (!s.physical_dimension.empty() && s.physical_dimension.back() == ' ')
    s.physical_dimension.pop_back();
  s.prefilter = p.prefilter;
  s.transducer = p.transducer;
  s.physical_min = p.phys_min;
  s.physical_max = p.phys_max;
  s.digital_min = p.dig_min;
  s.digital_max = p.dig_max;
  s.samples_per_record = p.smp_in_datarecord;
  // EDFlib's own definition: sf = smp_in_datarecord * 1e7 / datarecord_duration.
  s.sample_rate_hz = static_cast<double>(p.smp_in_datarecord) *
                     static_cast<double>(EDFLIB_TIME_DIMENSION) /
                     static_cast<double>(record_duration);
  s.samples_in_file = p.smp_in_file;
  return s;
}

}  // namespace

OracleFile read_with_edflib(const std::filesystem::path& path) {
  ReadHandle h(path);
  if (h.code() != 0)
    throw io::EdfError(path, "EDFlib refused the file with code " + std::to_string(h.code()) +
                                 " (" + io::edflib_error_text(h.code()) + ")");
  const edf_hdr_struct& hdr = h.hdr();
  constexpr auto kUnit = static_cast<double>(EDFLIB_TIME_DIMENSION);
  OracleFile f;
  f.filetype = hdr.filetype;
  f.year = hdr.startdate_year;
  f.month = hdr.startdate_month;
  f.day = hdr.startdate_day;
  f.hour = hdr.starttime_hour;
  f.minute = hdr.starttime_minute;
  f.second = hdr.starttime_second;
  f.subsecond_s = static_cast<double>(hdr.starttime_subsecond) / kUnit;
  f.record_duration_s = static_cast<double>(hdr.datarecord_duration) / kUnit;
  f.n_records = hdr.datarecords_in_file;
  f.file_duration_s = static_cast<double>(hdr.file_duration) / kUnit;
  for (int i = 0; i < hdr.edfsignals; ++i) {
    f.signals.push_back(signal_of(hdr.signalparam[i], hdr.datarecord_duration));
    std::vector<double> x(static_cast<std::size_t>(hdr.signalparam[i].smp_in_file));
    const int n = edfread_physical_samples(hdr.handle, i, static_cast<int>(x.size()), x.data());
    if (n != static_cast<int>(x.size()))
      throw io::EdfError(path, "EDFlib read " + std::to_string(n) + " of " +
                                   std::to_string(x.size()) + " samples of signal " +
                                   std::to_string(i));
    f.samples.push_back(std::move(x));
  }
  for (long long i = 0; i < hdr.annotations_in_file; ++i) {
    edf_annotation_struct a{};
    if (edf_get_annotation(hdr.handle, static_cast<int>(i), &a) != 0)
      throw io::EdfError(path, "EDFlib failed to return annotation " + std::to_string(i));
    f.annotations.push_back(
        {.onset_s = static_cast<double>(a.onset) / kUnit,
         .duration_s = a.duration_l < 0 ? 0.0 : static_cast<double>(a.duration_l) / kUnit,
         .text = a.annotation});
  }
  return f;
}

int edflib_open_code(const std::filesystem::path& path) {
  return ReadHandle(path).code();
}

}  // namespace eegtrack::test
