// Hdf5Writer atomicity, error reporting and concurrent use; Hdf5Reader error paths.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "eegtrack/io/hdf5_reader.hpp"
#include "eegtrack/io/hdf5_writer.hpp"
#include "support/paths.hpp"

namespace eegtrack::io {
namespace {

std::vector<std::string> listing(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(Hdf5Writer, CommitRenamesTemporaryOntoFinalPath) {
  const auto dir = test::scratch_dir();
  Hdf5Writer w(dir / "rec.h5");
  w.write_dataset("x", std::vector<double>{1.0});
  const auto temporary = w.temporary_path();
  EXPECT_EQ(temporary.parent_path(), dir);
  EXPECT_TRUE(std::filesystem::exists(temporary));
  EXPECT_FALSE(std::filesystem::exists(dir / "rec.h5"));
  w.commit();
  EXPECT_TRUE(w.committed());
  EXPECT_EQ(listing(dir), std::vector<std::string>{"rec.h5"});
  EXPECT_THROW(w.write_dataset("y", std::vector<double>{1.0}), std::invalid_argument);
  EXPECT_THROW(w.commit(), std::invalid_argument);
}

TEST(Hdf5Writer, DestructionWithoutCommitLeavesNothing) {
  const auto dir = test::scratch_dir();
  {
    Hdf5Writer w(dir / "rec.h5");
    w.write_dataset("x", std::vector<double>(100000, 1.0));
    w.append_rows("rows", std::vector<double>{1, 2, 3}, 3);
  }
  EXPECT_TRUE(listing(dir).empty());
}

TEST(Hdf5Writer, CommitReplacesAnOlderFile) {
  const auto path = test::scratch_dir() / "rec.h5";
  std::ofstream(path) << "stale";
  Hdf5Writer w(path);
  w.write_attribute("/", "eegtrack_layout_version", std::string("1.0"));
  {
    // An unfinished rewrite keeps the old file in place.
    Hdf5Writer abandoned(path);
    abandoned.write_attribute("/", "eegtrack_layout_version", std::string("0.0"));
  }
  EXPECT_EQ(std::filesystem::file_size(path), 5u);
  Hdf5Writer moved(std::move(w));
  moved.commit();
  EXPECT_EQ(std::get<std::string>(Hdf5Reader(path).attribute("/", "eegtrack_layout_version")),
            "1.0");
  EXPECT_EQ(listing(path.parent_path()), std::vector<std::string>{"rec.h5"});
}

TEST(Hdf5Writer, MissingDirectoryThrowsNamingThePath) {
  const auto path = test::scratch_dir() / "no" / "such" / "dir" / "rec.h5";
  testing::internal::CaptureStderr();
  try {
    Hdf5Writer w(path);
    FAIL() << "no exception";
  } catch (const H5Error& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_EQ(e.call(), "H5Fcreate");
    EXPECT_EQ(e.file(), path);
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");  // HDF5 prints no error stack
}

TEST(Hdf5Writer, ErrorsNameFileObjectAndCall) {
  const auto path = test::scratch_dir() / "rec.h5";
  Hdf5Writer w(path);
  w.write_dataset("features/alpha", std::vector<double>{1.0});
  testing::internal::CaptureStderr();
  try {
    w.write_dataset("/features/alpha", std::vector<double>{2.0});
    FAIL() << "no exception";
  } catch (const H5Error& e) {
    EXPECT_EQ(e.object(), "/features/alpha");
    EXPECT_EQ(e.call(), "H5Dcreate2");
    const std::string what = e.what();
    EXPECT_NE(what.find(path.string()), std::string::npos) << what;
    EXPECT_NE(what.find("already exists"), std::string::npos) << what;
  }
  EXPECT_THROW(w.write_attribute("/missing", "a", 1.0), H5Error);
  EXPECT_THROW(w.create_group("features/alpha"), H5Error);  // a dataset, not a group
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_THROW(w.write_dataset("a//b", std::vector<double>{1.0}), std::invalid_argument);
  EXPECT_THROW(w.write_dataset("a/../b", std::vector<double>{1.0}), std::invalid_argument);
  EXPECT_THROW(w.write_dataset("m", std::vector<double>(6), {4, 2}), std::invalid_argument);
  EXPECT_THROW(w.write_attribute("/", "", 1.0), std::invalid_argument);
  EXPECT_THROW(w.write_table("t", Table{}), std::invalid_argument);
  const Table ragged{.columns = {{.name = "a", .values = std::vector<double>{1.0}, .units = {}},
                                 {.name = "b", .values = std::vector<double>{}, .units = {}}}};
  EXPECT_THROW(w.write_table("t", ragged), std::invalid_argument);
  // The writer stays usable after failed calls.
  w.write_dataset("features/beta", std::vector<double>{3.0});
  w.commit();
  EXPECT_EQ(Hdf5Reader(path).read_doubles("features/beta").values, std::vector<double>{3.0});
}

TEST(Hdf5Reader, RejectsMissingObjectsAndWrongTypes) {
  const auto dir = test::scratch_dir();
  EXPECT_THROW(Hdf5Reader(dir / "absent.h5"), H5Error);
  std::ofstream(dir / "text.h5") << "not hdf5";
  EXPECT_THROW(Hdf5Reader(dir / "text.h5"), H5Error);
  {
    Hdf5Writer w(dir / "rec.h5");
    w.write_dataset("big", std::vector<std::int64_t>{1, 300});
    w.write_strings("names", std::vector<std::string>{"a"});
    w.commit();
  }
  const Hdf5Reader r(dir / "rec.h5");
  EXPECT_FALSE(r.exists("missing/deeper"));
  EXPECT_TRUE(r.exists("/big"));
  EXPECT_THROW((void)r.read_doubles("missing"), H5Error);
  EXPECT_THROW((void)r.read_doubles("big"), H5Error);  // integers are not floats
  EXPECT_THROW((void)r.read_uint8("big"), H5Error);    // 300 does not fit a byte
  EXPECT_THROW((void)r.read_int64("names"), H5Error);
  EXPECT_THROW((void)r.read_strings("big"), H5Error);
  EXPECT_THROW((void)r.attribute("/", "absent"), H5Error);
  EXPECT_THROW((void)r.read_table("/"), H5Error);  // no "columns" attribute
}

// Each thread owns one writer; the library's mutex serialises the HDF5 calls underneath.
TEST(Hdf5Writer, ConcurrentWritersOnDifferentFiles) {
  const auto dir = test::scratch_dir();
  constexpr int kDatasets = 40;
  const auto write_file = [&](int id) {
    Hdf5Writer w(dir / ("t" + std::to_string(id) + ".h5"));
    for (int i = 0; i < kDatasets; ++i) {
      std::vector<double> row(64, id * 1000.0 + i);
      w.write_dataset("d/" + std::to_string(i), row, {8, 8});
      w.append_rows("rows", row, 64);
      w.write_attribute("/", "a" + std::to_string(i), std::string(i, 'z'));
    }
    // HDF5 keeps its error-printing switch per thread: failures in new threads stay silent too.
    EXPECT_THROW(w.write_dataset("d/0", std::vector<double>{1.0}), H5Error);
    w.commit();
  };
  testing::internal::CaptureStderr();
  std::thread a(write_file, 1);
  std::thread b(write_file, 2);
  a.join();
  b.join();
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  for (const int id : {1, 2}) {
    const Hdf5Reader r(dir / ("t" + std::to_string(id) + ".h5"));
    const auto rows = r.read_doubles("rows");
    ASSERT_EQ(rows.shape, (std::vector<std::uint64_t>{kDatasets, 64}));
    for (int i = 0; i < kDatasets; ++i) {
      EXPECT_EQ(r.read_doubles("d/" + std::to_string(i)).values,
                std::vector<double>(64, id * 1000.0 + i));
      EXPECT_EQ(rows.values[static_cast<std::size_t>(i) * 64], id * 1000.0 + i);
      EXPECT_EQ(std::get<std::string>(r.attribute("/", "a" + std::to_string(i))),
                std::string(i, 'z'));
    }
  }
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"t1.h5", "t2.h5"}));
}

// The spectrogram is streamed as 3-D rows [window][channel][frequency] in blocks of any size.
TEST(Hdf5Writer, AppendsRowsOfAnyShape) {
  const auto path = test::scratch_dir() / "cube.h5";
  std::vector<double> all(7 * 3 * 4);
  for (std::size_t i = 0; i < all.size(); ++i)
    all[i] = static_cast<double>(i);
  const std::size_t shape[] = {3, 4};
  Hdf5Writer w(path);
  const std::span<const double> values(all);
  w.append_rows("/s/power", values.first(12), std::span<const std::size_t>(shape));
  w.append_rows("/s/power", values.subspan(12, 60), std::span<const std::size_t>(shape));
  w.append_rows("/s/power", values.subspan(72), std::span<const std::size_t>(shape));
  EXPECT_EQ(w.appended_rows("/s/power"), 7u);
  const std::size_t other[] = {4, 3};
  EXPECT_THROW(w.append_rows("/s/power", values.first(12), std::span<const std::size_t>(other)),
               std::invalid_argument);
  EXPECT_THROW(w.append_rows("/s/power", values.first(5), std::span<const std::size_t>(shape)),
               std::invalid_argument);
  w.commit();
  const auto cube = Hdf5Reader(path).read_doubles("/s/power");
  EXPECT_EQ(cube.shape, (std::vector<std::uint64_t>{7, 3, 4}));
  EXPECT_EQ(cube.values, all);
}

}  // namespace
}  // namespace eegtrack::io
