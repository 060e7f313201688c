// Times reading every sample of an EDF/BDF file three ways, for the README's reader figures:
//   eegtrack  the streaming reader (ChunkReader, whole-record blocks, physical units)
//   raw       plain block decoding: read the data area and convert int16 -> double, no header
//             logic (the floor the reader should approach; EDF only)
//   edflib    EDFlib 1.23 per-signal edfread_physical_samples (the library eegtrack replaces)
// Prints elapsed wall time, throughput and peak resident memory. Run on a warm page cache.
#include <edflib.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "eegtrack/io/edf_reader.hpp"

namespace {

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The checksum touches one sample per delivered block, so the consumer costs nothing and the
// figure is the reader's; the decoding itself happens in the library and cannot be elided.
double read_eegtrack(const std::string& path, double chunk_s) {
  const eegtrack::io::EdfReader reader(path);
  eegtrack::io::ChunkReader chunks(reader, reader.header().data_signals(), chunk_s);
  eegtrack::io::Chunk chunk;
  double sum = 0.0;
  while (chunks.next(chunk)) {
    for (const auto& signal : chunk.signals) {
      sum += signal.samples.front() + static_cast<double>(signal.samples.size());
    }
  }
  return sum;
}

double read_raw(const std::string& path, double chunk_s) {
  const eegtrack::io::EdfReader reader(path);
  const auto& header = reader.header();
  std::ifstream file(path, std::ios::binary);
  file.seekg(header.header_bytes);
  const auto records = static_cast<std::int64_t>(chunk_s / header.record_duration_s);
  std::vector<char> block(static_cast<std::size_t>(records * header.record_bytes));
  std::vector<double> out(block.size() / 2);
  double sum = 0.0;
  while (file.read(block.data(), static_cast<std::streamsize>(block.size())) || file.gcount() > 0) {
    const auto n = static_cast<std::size_t>(file.gcount()) / 2;
    for (std::size_t i = 0; i < n; ++i) {
      std::int16_t d;
      std::memcpy(&d, block.data() + 2 * i, 2);
      out[i] = 0.1 * d + 0.5;
    }
    sum += out[0] + static_cast<double>(n);
  }
  return sum;
}

double read_edflib(const std::string& path) {
  edf_hdr_struct hdr{};
  if (edfopen_file_readonly(path.c_str(), &hdr, EDFLIB_DO_NOT_READ_ANNOTATIONS) != 0) {
    throw std::runtime_error(path + ": EDFlib refused the file (code " +
                             std::to_string(hdr.filetype) + ")");
  }
  double sum = 0.0;
  for (int s = 0; s < hdr.edfsignals; ++s) {
    const auto per_record = static_cast<int>(hdr.signalparam[s].smp_in_datarecord);
    std::vector<double> buffer(static_cast<std::size_t>(per_record) * 60);
    long long left = hdr.signalparam[s].smp_in_file;
    while (left > 0) {
      const int n =
          edfread_physical_samples(hdr.handle, s, static_cast<int>(buffer.size()), buffer.data());
      if (n <= 0)
        break;
      sum += buffer[0] + static_cast<double>(n);
      left -= n;
    }
  }
  edfclose_file(hdr.handle);
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: edf_read_tool eegtrack|raw|edflib FILE [chunk_s=60]\n";
    return 2;
  }
  const std::string mode = argv[1];
  const std::string path = argv[2];
  const double chunk_s = argc > 3 ? std::stod(argv[3]) : 60.0;
  const auto start = std::chrono::steady_clock::now();
  double sum = 0.0;
  try {
    if (mode == "eegtrack") {
      sum = read_eegtrack(path, chunk_s);
    } else if (mode == "raw") {
      sum = read_raw(path, chunk_s);
    } else if (mode == "edflib") {
      sum = read_edflib(path);
    } else {
      std::cerr << "unknown mode " << mode << '\n';
      return 2;
    }
  } catch (const std::exception& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  const double mb = static_cast<double>(file.tellg()) / 1e6;
  std::printf("%-8s %8.3f s  %7.0f MB/s  peak RSS %6.1f MB  (checksum %.6g)\n", mode.c_str(),
              elapsed, mb / elapsed, peak_rss_mb(), sum);
  return 0;
}
