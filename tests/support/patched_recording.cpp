#include "support/patched_recording.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "support/paths.hpp"

namespace eegtrack::test {

namespace {

constexpr int kSignalWidths[10] = {16, 80, 8, 8, 8, 8, 8, 80, 8, 32};

int field_int(const std::string& bytes, std::size_t offset, std::size_t width) {
  return std::stoi(bytes.substr(offset, width));
}

}  // namespace

PatchedRecording::PatchedRecording(const std::filesystem::path& real_file) {
  std::ifstream in(real_file, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + real_file.string());
  bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (bytes_.size() < 256)
    throw std::runtime_error(real_file.string() + " is not an EDF file");
  ns_ = field_int(bytes_, 252, 4);
}

PatchedRecording& PatchedRecording::fixed(int offset, int width, std::string_view text) {
  std::string field(text.substr(0, static_cast<std::size_t>(width)));
  field.resize(static_cast<std::size_t>(width), ' ');
  bytes_.replace(static_cast<std::size_t>(offset), field.size(), field);
  return *this;
}

std::size_t PatchedRecording::signal_field_offset(int signal, int field) const {
  std::size_t offset = 256;
  for (int k = 0; k < field; ++k)
    offset += static_cast<std::size_t>(kSignalWidths[k] * ns_);
  return offset + static_cast<std::size_t>(kSignalWidths[field] * signal);
}

PatchedRecording& PatchedRecording::signal_field(int signal, int field, std::string_view text) {
  return fixed(static_cast<int>(signal_field_offset(signal, field)), kSignalWidths[field], text);
}

PatchedRecording& PatchedRecording::truncate(std::size_t size) {
  bytes_.resize(size);
  return *this;
}

std::size_t PatchedRecording::sample_offset(std::int64_t record, int signal) const {
  std::size_t record_bytes = 0;
  std::size_t before = 0;
  for (int i = 0; i < ns_; ++i) {
    const auto spr = static_cast<std::size_t>(field_int(bytes_, signal_field_offset(i, 8), 8)) * 2;
    if (i < signal)
      before += spr;
    record_bytes += spr;
  }
  return static_cast<std::size_t>(header_bytes()) +
         static_cast<std::size_t>(record) * record_bytes + before;
}

std::filesystem::path PatchedRecording::write(const std::string& name) const {
  const auto path = scratch_dir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes_.data(), static_cast<std::streamsize>(bytes_.size()));
  if (!out)
    throw std::runtime_error("cannot write " + path.string());
  return path;
}

}  // namespace eegtrack::test
