// Strings in eegtrack's HDF5 files: written as fixed-length UTF-8 (checked with the HDF5 C API
// on the file, not through eegtrack's reader), read back exactly, and the two kinds of string
// object a damaged or foreign file can hold refused by the reader with the file named:
// variable-length strings (libhdf5 1.10's conversion of them is where fuzzed stores overflowed
// and exhausted memory, docs/robustness.md) and string arrays declaring more bytes than the
// file has.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <functional>
#include <string>
#include <vector>

#include "eegtrack/io/hdf5_error.hpp"
#include "eegtrack/io/hdf5_reader.hpp"
#include "eegtrack/io/hdf5_writer.hpp"
#include "support/paths.hpp"

namespace eegtrack::io {
namespace {

// The stored type of an attribute or a dataset, through the C API.
struct StoredString {
  bool variable = true;
  H5T_cset_t cset = H5T_CSET_ERROR;
};

StoredString stored_type(hid_t type) {
  StoredString s;
  s.variable = H5Tis_variable_str(type) != 0;
  s.cset = H5Tget_cset(type);
  H5Tclose(type);
  return s;
}

StoredString attribute_type(hid_t file, const char* object, const char* name) {
  const hid_t a = H5Aopen_by_name(file, object, name, H5P_DEFAULT, H5P_DEFAULT);
  EXPECT_GE(a, 0) << name;
  const StoredString s = stored_type(H5Aget_type(a));
  H5Aclose(a);
  return s;
}

StoredString dataset_type(hid_t file, const char* path) {
  const hid_t d = H5Dopen2(file, path, H5P_DEFAULT);
  EXPECT_GE(d, 0) << path;
  const StoredString s = stored_type(H5Dget_type(d));
  H5Dclose(d);
  return s;
}

TEST(Hdf5Strings, AreWrittenFixedLengthUtf8AndReadBackExactly) {
  const auto path = test::scratch_dir() / "strings.h5";
  const std::vector<std::string> labels = {"Fp1", "", "T3-\xc2\xb5V", "a longer label here"};
  {
    Hdf5Writer w(path);
    w.write_attribute("/", "file_name", std::string("r\xc3\xa9sum\xc3\xa9.edf"));
    w.write_attribute("/", "empty", std::string());
    w.write_attribute("/", "bits", labels);
    w.write_strings("channels/label", labels);
    w.commit();
  }
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  for (const char* name : {"file_name", "empty", "bits"}) {
    const StoredString s = attribute_type(file, "/", name);
    EXPECT_FALSE(s.variable) << name;
    EXPECT_EQ(s.cset, H5T_CSET_UTF8) << name;
  }
  const StoredString d = dataset_type(file, "/channels/label");
  EXPECT_FALSE(d.variable);
  EXPECT_EQ(d.cset, H5T_CSET_UTF8);
  H5Fclose(file);

  const Hdf5Reader r(path);
  EXPECT_EQ(std::get<std::string>(r.attribute("/", "file_name")), "r\xc3\xa9sum\xc3\xa9.edf");
  EXPECT_EQ(std::get<std::string>(r.attribute("/", "empty")), "");
  EXPECT_EQ(std::get<std::vector<std::string>>(r.attribute("/", "bits")), labels);
  EXPECT_EQ(r.read_strings("channels/label"), labels);
}

// The summary JSON of a long recording is one string attribute of hundreds of kB: beyond the
// 64 kB an object header holds, so HDF5 must move it to dense attribute storage.
TEST(Hdf5Strings, AStringAttributeOfMegabytesRoundTrips) {
  const auto path = test::scratch_dir() / "large.h5";
  std::string text;
  for (int i = 0; text.size() < 3'000'000; ++i)
    text += "{\"onset_s\": " + std::to_string(i) + ", \"type\": \"spike\"}, ";
  {
    Hdf5Writer w(path);
    w.write_dataset("summary/x", std::vector<double>{1.0});
    w.write_attribute("/summary", "json", text);
    w.commit();
  }
  const Hdf5Reader r(path);
  EXPECT_EQ(std::get<std::string>(r.attribute("/summary", "json")), text);
}

// A file as other HDF5 writers (and eegtrack before store layout 2.0) make it: variable-length
// strings in an attribute and in a dataset.
void write_variable_length_file(const std::filesystem::path& path) {
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  const hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  const char* one[] = {"old"};
  const hid_t scalar = H5Screate(H5S_SCALAR);
  const hid_t a = H5Acreate2(file, "file_name", type, scalar, H5P_DEFAULT, H5P_DEFAULT);
  H5Awrite(a, type, one);
  const hsize_t n = 2;
  const char* two[] = {"Fp1", "Fp2"};
  const hid_t space = H5Screate_simple(1, &n, nullptr);
  const hid_t d = H5Dcreate2(file, "labels", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, two);
  H5Dclose(d);
  H5Sclose(space);
  H5Aclose(a);
  H5Sclose(scalar);
  H5Tclose(type);
  H5Fclose(file);
}

TEST(Hdf5Strings, VariableLengthStringsAreRefusedWithTheFileNamed) {
  const auto path = test::scratch_dir() / "variable.h5";
  write_variable_length_file(path);
  const Hdf5Reader r(path);
  for (const auto& read : {std::function<void()>([&] { (void)r.attribute("/", "file_name"); }),
                           std::function<void()>([&] { (void)r.read_strings("labels"); })}) {
    try {
      read();
      ADD_FAILURE() << "variable-length strings were read";
    } catch (const H5Error& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find(path.string()), std::string::npos) << what;
      EXPECT_NE(what.find("variable-length strings are not read"), std::string::npos) << what;
    }
  }
}

TEST(Hdf5Strings, AStringArrayLargerThanItsFileIsRefusedBeforeAnyAllocation) {
  // 10^7 strings of 1000 bytes (10 GB) declared, never written: HDF5 allocates the storage only
  // on the first write, so the file stays a few kB.
  const auto path = test::scratch_dir() / "declared.h5";
  {
    const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    ASSERT_GE(file, 0);
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, 1000);
    const hsize_t n = 10'000'000;
    const hid_t space = H5Screate_simple(1, &n, nullptr);
    const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_alloc_time(dcpl, H5D_ALLOC_TIME_LATE);
    const hid_t d = H5Dcreate2(file, "labels", type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
    ASSERT_GE(d, 0);
    H5Dclose(d);
    H5Pclose(dcpl);
    H5Sclose(space);
    H5Tclose(type);
    H5Fclose(file);
  }
  ASSERT_LT(std::filesystem::file_size(path), 100'000u);
  const Hdf5Reader r(path);
  try {
    (void)r.read_strings("labels");
    FAIL() << "a 10 GB string array was read from a small file";
  } catch (const H5Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(path.string()), std::string::npos) << what;
    EXPECT_NE(what.find("10000000 strings of 1000 bytes do not fit in the file"), std::string::npos)
        << what;
  }
}

}  // namespace
}  // namespace eegtrack::io
