// Hdf5Writer + Hdf5Reader round trips: every kind of object comes back bit for bit, whatever
// the storage options (read back through the HDF5 C API).
#include <gtest/gtest.h>
#include <hdf5.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <random>
#include <span>
#include <stdexcept>

#include "eegtrack/io/hdf5_reader.hpp"
#include "eegtrack/io/hdf5_writer.hpp"
#include "support/paths.hpp"

namespace eegtrack::io {
namespace {

using U64s = std::vector<std::uint64_t>;

std::vector<double> random_doubles(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(0.0, 50.0);
  std::vector<double> v(n);
  for (auto& x : v)
    x = normal(rng);
  return v;
}

// Bitwise equality: NaN payloads, -0.0 and denormals must survive unchanged.
void expect_same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  ASSERT_EQ(a.size(), b.size());
  if (a.empty())
    return;  // memcmp of an empty vector's null data is undefined
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)), 0);
}

// A dataset's layout and filters, as HDF5 reports them.
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

TEST(Hdf5Store, AttributesOfEveryTypeRoundTrip) {
  const auto path = test::scratch_dir() / "attrs.h5";
  const std::vector<double> many = random_doubles(20000, 1);  // 160 kB: beyond the 64 kB limit
  {
    Hdf5Writer w(path);
    w.write_attribute("/", "text", std::string("eegtrack"));
    w.write_attribute("/", "number", 2.5e-300);
    w.write_attribute("/", "count", std::int64_t{-9007199254740993});
    w.write_attribute("/", "values", std::vector<double>{1.0, -0.0, 1e308});
    w.write_attribute("/", "labels", std::vector<std::string>{"Fp1", "", "O2"});
    w.write_attribute("/", "empty_values", std::vector<double>{});
    w.write_attribute("/", "empty_labels", std::vector<std::string>{});
    w.write_attribute("/", "many", many);
    w.write_attribute("/", "text", std::string("replaced"));
    w.create_group("a/b/c");
    w.write_attribute("a/b", "on_group", 7.0);
    w.write_dataset("a/b/c/x", std::vector<double>{1, 2, 3});
    w.write_attribute("/a/b/c/x", "units", std::string("uV^2"));
    w.commit();
  }
  const Hdf5Reader r(path);
  EXPECT_EQ(std::get<std::string>(r.attribute("/", "text")), "replaced");
  EXPECT_EQ(std::get<double>(r.attribute("/", "number")), 2.5e-300);
  EXPECT_EQ(std::get<std::int64_t>(r.attribute("/", "count")), -9007199254740993);
  expect_same_bits(std::get<std::vector<double>>(r.attribute("", "values")), {1.0, -0.0, 1e308});
  EXPECT_EQ(std::get<std::vector<std::string>>(r.attribute("/", "labels")),
            (std::vector<std::string>{"Fp1", "", "O2"}));
  EXPECT_TRUE(std::get<std::vector<double>>(r.attribute("/", "empty_values")).empty());
  EXPECT_TRUE(std::get<std::vector<std::string>>(r.attribute("/", "empty_labels")).empty());
  expect_same_bits(std::get<std::vector<double>>(r.attribute("/", "many")), many);
  EXPECT_EQ(r.attribute_names("/"),
            (std::vector<std::string>{"count", "empty_labels", "empty_values", "labels", "many",
                                      "number", "text", "values"}));
  EXPECT_EQ(std::get<double>(r.attribute("/a/b", "on_group")), 7.0);
  EXPECT_EQ(std::get<std::string>(r.attribute("a/b/c/x", "units")), "uV^2");
  EXPECT_TRUE(r.is_group("/a/b/c"));
  EXPECT_FALSE(r.is_group("/a/b/c/x"));
  EXPECT_TRUE(r.has_attribute("/a/b/c/x", "units"));
  EXPECT_FALSE(r.has_attribute("/a/b/c/x", "description"));
  EXPECT_EQ(r.children("/a/b/c"), std::vector<std::string>{"x"});
}

TEST(Hdf5Store, NumericDatasetsRoundTripExactly) {
  const auto path = test::scratch_dir() / "numeric.h5";
  std::vector<double> special = {0.0,
                                 -0.0,
                                 std::numeric_limits<double>::quiet_NaN(),
                                 std::numeric_limits<double>::infinity(),
                                 -std::numeric_limits<double>::infinity(),
                                 std::numeric_limits<double>::denorm_min(),
                                 std::numeric_limits<double>::max()};
  const auto matrix = random_doubles(300 * 19, 2);     // epochs x channels
  const auto cube = random_doubles(400 * 19 * 40, 3);  // windows x channels x freqs, 2.4 MB
  const std::vector<std::int64_t> ints = {std::numeric_limits<std::int64_t>::min(), -1, 0,
                                          std::numeric_limits<std::int64_t>::max()};
  std::vector<std::uint8_t> mask(300 * 19);
  for (std::size_t i = 0; i < mask.size(); ++i)
    mask[i] = static_cast<std::uint8_t>((i * 37) % 256);
  {
    Hdf5Writer w(path);
    w.write_dataset("special", special);
    w.write_dataset("features/alpha", matrix, {300, 19});
    w.write_dataset("spectrogram/power", cube, {400, 19, 40});
    w.write_dataset("ints", ints);
    w.write_dataset("artifacts/mask", mask, {300, 19});
    w.write_dataset("empty", std::vector<double>{}, {0, 19});
    w.commit();
  }
  const Hdf5Reader r(path);
  expect_same_bits(r.read_doubles("special").values, special);
  const auto alpha = r.read_doubles("/features/alpha");
  EXPECT_EQ(alpha.shape, (U64s{300, 19}));
  expect_same_bits(alpha.values, matrix);
  const auto power = r.read_doubles("spectrogram/power");
  EXPECT_EQ(power.shape, (U64s{400, 19, 40}));
  expect_same_bits(power.values, cube);
  EXPECT_EQ(r.read_int64("ints").values, ints);
  const auto mask_back = r.read_uint8("artifacts/mask");
  EXPECT_EQ(mask_back.shape, (U64s{300, 19}));
  EXPECT_EQ(mask_back.values, mask);
  EXPECT_EQ(r.shape("empty"), (U64s{0, 19}));
  EXPECT_TRUE(r.read_doubles("empty").values.empty());
}

TEST(Hdf5Store, LargeArraysAreCompressed) {
  const auto path = test::scratch_dir() / "zeros.h5";
  const std::vector<double> zeros(1'000'000, 0.0);  // 8 MB raw
  {
    Hdf5Writer w(path);
    w.write_dataset("zeros", zeros, {10000, 100});
    w.commit();
  }
  EXPECT_LT(std::filesystem::file_size(path), 1'000'000u);
  EXPECT_EQ(Hdf5Reader(path).read_doubles("zeros").values, zeros);
}

TEST(Hdf5Store, StringDatasetsAndTablesRoundTrip) {
  const auto path = test::scratch_dir() / "table.h5";
  Table channels{
      .columns = {
          {.name = "label", .values = std::vector<std::string>{"EEG Fp1-REF", "ECG"}, .units = {}},
          {.name = "sample_rate_hz", .values = std::vector<double>{256.0, 512.0}, .units = "Hz"},
          {.name = "index", .values = std::vector<std::int64_t>{0, 1}, .units = {}},
      }};
  Table empty{.columns = {{.name = "onset_s", .values = std::vector<double>{}, .units = "s"},
                          {.name = "type", .values = std::vector<std::string>{}, .units = {}}}};
  {
    Hdf5Writer w(path);
    w.write_strings("names", std::vector<std::string>{"a", "bb", ""});
    w.write_table("channels", channels);
    w.write_table("events", empty);
    w.commit();
  }
  const Hdf5Reader r(path);
  EXPECT_EQ(r.read_strings("names"), (std::vector<std::string>{"a", "bb", ""}));
  const Table back = r.read_table("/channels");
  ASSERT_EQ(back.columns.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back.columns[i].name, channels.columns[i].name);
    EXPECT_EQ(back.columns[i].values, channels.columns[i].values);
    EXPECT_EQ(back.columns[i].units, channels.columns[i].units);
  }
  EXPECT_EQ(std::get<std::int64_t>(r.attribute("channels", "n_rows")), 2);
  const Table events = r.read_table("events");
  ASSERT_EQ(events.columns.size(), 2u);
  EXPECT_EQ(events.columns[0].values, empty.columns[0].values);
  EXPECT_EQ(events.columns[1].values, empty.columns[1].values);
}

TEST(Hdf5Store, AppendedRowsEqualOneWrite) {
  const auto path = test::scratch_dir() / "append.h5";
  constexpr std::size_t kCols = 19;
  const auto all = random_doubles(5000 * kCols, 4);
  const std::vector<std::size_t> blocks = {1, 0, 7, 1, 300, 4000, 691};  // 5000 rows in all
  {
    Hdf5Writer w(path);
    std::size_t row = 0;
    for (const auto rows : blocks) {
      w.append_rows("features/theta", std::span(all).subspan(row * kCols, rows * kCols), kCols);
      row += rows;
    }
    EXPECT_EQ(w.appended_rows("/features/theta"), 5000u);
    w.append_rows("never_filled", {}, 3);
    w.write_dataset("features/theta_once", all, {5000, kCols});
    EXPECT_THROW(w.append_rows("features/theta", std::span(all).first(18), 18),
                 std::invalid_argument);
    EXPECT_THROW(w.append_rows("features/theta", std::span(all).first(20), kCols),
                 std::invalid_argument);
    w.commit();
  }
  const Hdf5Reader r(path);
  const auto appended = r.read_doubles("features/theta");
  const auto once = r.read_doubles("features/theta_once");
  EXPECT_EQ(appended.shape, once.shape);
  expect_same_bits(appended.values, once.values);
  expect_same_bits(appended.values, all);
  EXPECT_EQ(r.shape("never_filled"), (U64s{0, 3}));
}

// Rows read a block at a time are the written rows of that block, bit for bit, in chunked
// (compressed) and contiguous datasets of rank 2 and 3, across chunk boundaries.
TEST(Hdf5Store, RowBlocksAreTheirRowsOfTheWrittenArray) {
  const auto path = test::scratch_dir() / "row_blocks.h5";
  constexpr std::size_t kCols = 19;
  const auto rows = random_doubles(5000 * kCols, 5);  // chunked: 431 rows per 64-kB chunk
  const auto small = random_doubles(12 * kCols, 6);   // 1.8 kB: contiguous
  const auto cube = random_doubles(300 * 4 * 5, 7);
  std::vector<std::uint8_t> mask(5000 * kCols);
  for (std::size_t i = 0; i < mask.size(); ++i)
    mask[i] = static_cast<std::uint8_t>((i * 37) % 256);
  {
    Hdf5Writer w(path);
    w.append_rows("features/delta", rows, kCols);
    w.write_dataset("small", small, {12, kCols});
    w.write_dataset("cube", cube, {300, 4, 5});
    w.write_dataset("mask", mask, {5000, kCols});
    w.write_dataset("scalar_like", std::vector<double>{1.0, 2.0});
    w.commit();
  }
  const Hdf5Reader r(path);
  const auto slice = [](const auto& all, std::size_t row_size, std::size_t first,
                        std::size_t count) {
    return std::vector(all.begin() + static_cast<std::ptrdiff_t>(first * row_size),
                       all.begin() + static_cast<std::ptrdiff_t>((first + count) * row_size));
  };
  const std::pair<std::size_t, std::size_t> blocks[] = {
      {0, 1}, {0, 431}, {430, 2}, {431, 431}, {1000, 4000}, {4999, 1}, {5000, 0}, {0, 5000}};
  for (const auto& [first, count] : blocks) {
    const auto block = r.read_doubles("/features/delta", first, count);
    EXPECT_EQ(block.shape, (U64s{count, kCols})) << first;
    expect_same_bits(block.values, slice(rows, kCols, first, count));
    const auto mask_block = r.read_uint8("mask", first, count);
    EXPECT_EQ(mask_block.shape, (U64s{count, kCols})) << first;
    EXPECT_EQ(mask_block.values, slice(mask, kCols, first, count)) << first;
  }
  expect_same_bits(r.read_doubles("small", 5, 7).values, slice(small, kCols, 5, 7));
  const auto cube_block = r.read_doubles("cube", 17, 100);
  EXPECT_EQ(cube_block.shape, (U64s{100, 4, 5}));
  expect_same_bits(cube_block.values, slice(cube, 20, 17, 100));
  expect_same_bits(r.read_doubles("scalar_like", 1, 1).values, {2.0});
  EXPECT_THROW((void)r.read_doubles("features/delta", 4999, 2), H5Error);
  EXPECT_THROW((void)r.read_doubles("features/delta", 5001, 0), H5Error);
  EXPECT_THROW((void)r.read_uint8("mask", 0, 5001), H5Error);
  EXPECT_THROW((void)r.read_doubles("mask", 0, 1), H5Error);  // integers are not doubles
  EXPECT_THROW((void)r.read_doubles("missing", 0, 1), H5Error);
}

TEST(Hdf5Store, HostileStringsRoundTrip) {
  const auto path = test::scratch_dir() / "hostile.h5";
  const std::vector<std::string> hostile = {"Ω µV °C",
                                            "\xF0\x9F\xA7\xA0 brain",
                                            "脑电图",
                                            R"(quote " and ' and \ backslash)",
                                            "tab\tnewline\ncr\r\x01\x1f\x7f",
                                            "",
                                            std::string(100000, 'x'),
                                            "{\"json\": [1, 2]}"};
  {
    Hdf5Writer w(path);
    w.write_strings("strings", hostile);
    w.write_attribute("/", "list", hostile);
    for (std::size_t i = 0; i < hostile.size(); ++i)
      w.write_attribute("/", "s" + std::to_string(i), hostile[i]);
    w.write_attribute("/", "Ω name \"quoted\"", std::string("ok"));
    w.write_table("t", {.columns = {{.name = "µ column", .values = hostile, .units = {}}}});
    EXPECT_THROW(w.write_strings("nul", std::vector<std::string>{std::string("a\0b", 3)}),
                 std::invalid_argument);
    EXPECT_THROW(w.write_attribute("/", "latin1", std::string("\xB5V")), std::invalid_argument);
    EXPECT_THROW(w.write_attribute("/", "surrogate", std::string("\xED\xA0\x80")),
                 std::invalid_argument);
    w.commit();
  }
  const Hdf5Reader r(path);
  EXPECT_EQ(r.read_strings("strings"), hostile);
  EXPECT_EQ(std::get<std::vector<std::string>>(r.attribute("/", "list")), hostile);
  for (std::size_t i = 0; i < hostile.size(); ++i)
    EXPECT_EQ(std::get<std::string>(r.attribute("/", "s" + std::to_string(i))), hostile[i]);
  EXPECT_EQ(std::get<std::string>(r.attribute("/", "Ω name \"quoted\"")), "ok");
  EXPECT_EQ(r.read_table("t").columns.at(0).values, ColumnValues(hostile));
}

TEST(Hdf5StorageOptions, DeflateLevelZeroKeepsChunksAsWrittenAndLevelOneShufflesAndGzips) {
  const auto path = test::scratch_dir() / "storage_options.h5";
  constexpr std::size_t kCols = 19;
  const auto rows = random_doubles(3000 * kCols, 9);  // 456 kB: beyond the 64 kB threshold
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
    SCOPED_TRACE(name);
    expect_same_bits(back.values, rows);
    const auto block = r.read_doubles(name, 1990, 20);  // across the first append's end
    expect_same_bits(block.values,
                     std::vector<double>(rows.begin() + 1990 * kCols, rows.begin() + 2010 * kCols));
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
