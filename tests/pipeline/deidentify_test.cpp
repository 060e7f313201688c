// The keyed hash behind pseudonyms and date shifts: HMAC-SHA-256 against the RFC 4231 test
// vectors, the key file (created once, private, shared by concurrent runs, refused when
// malformed), and pseudonyms and shifts that depend on the key and on nothing else.
#include "eegtrack/pipeline/deidentify.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <set>

#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

TEST(Deidentify, HmacMatchesRfc4231) {
  // Test case 1: key 0x0b x 20, "Hi There".
  EXPECT_EQ(hmac_sha256_hex(std::string(20, '\x0b'), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // Test case 2: key "Jefe", "what do ya want for nothing?".
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6: a 131-byte key (longer than a block, hashed first).
  EXPECT_EQ(hmac_sha256_hex(std::string(131, '\xaa'),
                            "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(Deidentify, KeyFileIsCreatedOncePrivateAndReused) {
  const fs::path dir = test::scratch_dir();  // a new folder at each call
  const fs::path path = dir / "deidentify.key";
  bool created = false;
  const auto first = load_or_create_key(path, &created);
  EXPECT_TRUE(created);
  EXPECT_EQ(first.bytes.size(), 32U);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
  const auto again = load_or_create_key(path, &created);
  EXPECT_FALSE(created);
  EXPECT_EQ(again.bytes, first.bytes);
  // Another project's key differs.
  EXPECT_NE(load_or_create_key(dir / "other.key").bytes, first.bytes);
  std::ofstream(dir / "bad.key") << "not hex\n";
  EXPECT_THROW((void)load_or_create_key(dir / "bad.key"), std::runtime_error);
  std::ofstream(dir / "short.key") << "0123456789abcdef\n";  // 8 bytes: too weak
  EXPECT_THROW((void)load_or_create_key(dir / "short.key"), std::runtime_error);
}

TEST(Deidentify, PseudonymsAndShiftsDependOnKeyFileAndPatientOnly) {
  const DeidentifyKey key{std::string(32, '\x01')};
  const DeidentifyKey other{std::string(32, '\x02')};
  const auto a = deidentification(key, "Smith_Jane_day3.edf", "P07");
  const auto b = deidentification(key, "Smith_Jane_day7.edf", "P07");
  EXPECT_NE(a.pseudonym, b.pseudonym);
  EXPECT_EQ(a.shift_days, b.shift_days) << "one patient, one shift: intervals stay exact";
  EXPECT_EQ(a.pseudonym, deidentification(key, "Smith_Jane_day3.edf", "P99").pseudonym);
  EXPECT_EQ(a.pseudonym.rfind("rec-", 0), 0U);
  EXPECT_EQ(a.pseudonym.size(), 20U);
  EXPECT_EQ(a.pseudonym.find("Smith"), std::string::npos);
  EXPECT_NE(deidentification(other, "Smith_Jane_day3.edf", "P07").pseudonym, a.pseudonym);
  // Shifts spread over [-3650, -1] days.
  std::set<int> shifts;
  for (int p = 0; p < 200; ++p) {
    const int s = deidentification(key, "x.edf", "patient" + std::to_string(p)).shift_days;
    EXPECT_GE(s, -3650);
    EXPECT_LE(s, -1);
    shifts.insert(s);
  }
  EXPECT_GT(shifts.size(), 190U);
}

}  // namespace
}  // namespace eegtrack::pipeline
