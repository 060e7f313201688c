// io::DatasetOptions as HDF5 itself reports them: which filters and layout a dataset gets,
// read back through the C API, and the values unchanged whatever the storage.

#include <gtest/gtest.h>
#include <hdf5.h>

#include <cstring>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/io/hdf5_reader.hpp"
#include "eegtrack/io/hdf5_writer.hpp"
#include "support/paths.hpp"

namespace eegtrack::io {
namespace {

struct Storage {
  H5D_layout_t layout = H5D_LAYOUT_ERROR;
  std::vector<H5Z_filter_t> filters;
};

Storage storage_of(const std::filesystem::path& file_path, const char* dataset) {
  Storage out;
  const hid_t file = H5Fopen(file_path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  EXPECT_GE(file, 0);
  const hid_t d = H5Dopen2(file, dataset, H5P_DEFAULT);
  EXPECT_GE(d, 0) << dataset;
  const hid_t dcpl = H5Dget_create_plist(d);
  out.layout = H5Pget_layout(dcpl);
  const int n = H5Pget_nfilters(dcpl);
  for (int i = 0; i < n; ++i) {
    unsigned flags = 0;
    std::size_t n_values = 0;
    out.filters.push_back(H5Pget_filter2(dcpl, static_cast<unsigned>(i), &flags, &n_values, nullptr,
                                         0, nullptr, nullptr));
  }
  H5Pclose(dcpl);
  H5Dclose(d);
  H5Fclose(file);
  return out;
}

std::vector<double> noise(std::size_t n) {
  std::mt19937 rng(7);
  std::normal_distribution<double> normal(0.0, 30.0);
  std::vector<double> v(n);
  for (auto& x : v)
    x = normal(rng);
  return v;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

TEST(Hdf5StorageOptions, DeflateLevelZeroKeepsChunksAsWrittenAndLevelOneShufflesAndGzips) {
  const auto path = test::scratch_dir() / "storage_options.h5";
  constexpr std::size_t kCols = 19;
  const auto rows = noise(3000 * kCols);  // 456 kB: beyond the 64 kB threshold
  {
    Hdf5Writer w(path);
    w.append_rows("plain_rows", std::span(rows).first(1000 * kCols), kCols, {.deflate_level = 0});
    w.append_rows("plain_rows", std::span(rows).subspan(1000 * kCols), kCols);
    w.append_rows("gzip_rows", rows, kCols);
    w.write_dataset("plain_array", rows, {3000, kCols}, {.deflate_level = 0});
    w.write_dataset("gzip_array", rows, {3000, kCols});
    w.commit();
  }
  // Extendable datasets are chunked whatever the level; the first call fixes the options.
  const auto plain_rows = storage_of(path, "plain_rows");
  EXPECT_EQ(plain_rows.layout, H5D_CHUNKED);
  EXPECT_TRUE(plain_rows.filters.empty());
  const auto gzip_rows = storage_of(path, "gzip_rows");
  EXPECT_EQ(gzip_rows.layout, H5D_CHUNKED);
  EXPECT_EQ(gzip_rows.filters, (std::vector<H5Z_filter_t>{H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE}));
  // A whole array is chunked only to be compressed.
  const auto plain_array = storage_of(path, "plain_array");
  EXPECT_EQ(plain_array.layout, H5D_CONTIGUOUS);
  EXPECT_TRUE(plain_array.filters.empty());
  const auto gzip_array = storage_of(path, "gzip_array");
  EXPECT_EQ(gzip_array.layout, H5D_CHUNKED);
  EXPECT_EQ(gzip_array.filters, gzip_rows.filters);

  const Hdf5Reader r(path);
  for (const char* name : {"plain_rows", "gzip_rows", "plain_array", "gzip_array"}) {
    const auto back = r.read_doubles(name);
    EXPECT_EQ(back.shape, (std::vector<std::uint64_t>{3000, kCols})) << name;
    EXPECT_TRUE(same_bits(back.values, rows)) << name;
    const auto block = r.read_doubles(name, 1990, 20);  // across the first append's end
    EXPECT_TRUE(same_bits(block.values, std::vector<double>(rows.begin() + 1990 * kCols,
                                                            rows.begin() + 2010 * kCols)))
        << name;
  }
}

TEST(Hdf5StorageOptions, DeflateLevelOutsideZeroToNineIsRefused) {
  const auto path = test::scratch_dir() / "storage_refused.h5";
  Hdf5Writer w(path);
  const std::vector<double> row(4, 1.0);
  for (const int level : {-1, 10}) {
    EXPECT_THROW(w.append_rows("rows", row, 4, {.deflate_level = level}), std::invalid_argument);
    EXPECT_THROW(w.write_dataset("array", row, {}, {.deflate_level = level}),
                 std::invalid_argument);
  }
}

}  // namespace
}  // namespace eegtrack::io
