// Discovery of the recordings of `eegtrack batch` (folder, manifest, BIDS dataset) and the keys
// that name their outputs, on trees built from the repository's recordings.
#include "eegtrack/pipeline/batch_inputs.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "eegtrack/io/errors.hpp"
#include "eegtrack/pipeline/batch_keys.hpp"
#include "eegtrack/pipeline/delimited_table.hpp"
#include "eegtrack/pipeline/tsv_text.hpp"
#include "support/paths.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;
using pipeline::BatchInputKind;
using pipeline::discover_batch_inputs;

const fs::path kClip = "chbmit_chb01_03_interictal_0-41s.edf";

// A copy, not a link: a folder search lists a file reached under several names once.
void copy_recording(const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(sample_dir() / kClip, to);
}

std::vector<std::string> keys(const pipeline::BatchInputs& found) {
  std::vector<std::string> out;
  for (const auto& in : found.inputs)
    out.push_back(in.key);
  return out;
}

TEST(BatchKeys, FlattenOneToOneAndStayInsideTheFolder) {
  EXPECT_EQ(pipeline::flat_key("sub/dir/name"), "sub~dir~name");
  // '~' and '%' inside a name are escaped, so "a~b" as one name differs from "a/b".
  EXPECT_EQ(pipeline::flat_key("a~b"), "a%7Eb");
  EXPECT_NE(pipeline::flat_key("a~b"), pipeline::flat_key("a/b"));
  EXPECT_EQ(pipeline::flat_key("100%"), "100%25");
  EXPECT_EQ(pipeline::flat_key("my rec/é"), "my%20rec~%C3%A9");
  EXPECT_EQ(pipeline::flat_key(".hidden"), "%2Ehidden");
  EXPECT_THROW((void)pipeline::flat_key("a/../b"), std::invalid_argument);
  EXPECT_THROW((void)pipeline::flat_key(".."), std::invalid_argument);
  EXPECT_THROW((void)pipeline::flat_key(""), std::invalid_argument);
  EXPECT_EQ(pipeline::bids_derivative_name("sub-01_ses-2_task-rest_eeg"),
            "sub-01_ses-2_task-rest_desc-eegtrack_eeg");
}

// Keys read back from a batch record or a cohort table name files only inside OUTDIR.
TEST(BatchKeys, KeysReadBackMustStayInsideTheFolder) {
  for (const char* inside : {"rec", "sub-01/ses-1/eeg/sub-01_ses-1_desc-eegtrack_eeg", "a..b"})
    EXPECT_TRUE(pipeline::key_stays_inside(inside)) << inside;
  for (const char* outside : {"", "/etc/passwd", "../x", "sub/../../x", ".."})
    EXPECT_FALSE(pipeline::key_stays_inside(outside)) << outside;
}

TEST(BatchKeys, TsvCellsAreValidUtf8OnOneLine) {
  EXPECT_EQ(pipeline::tsv_cell("plain é text"), "plain é text");
  EXPECT_EQ(pipeline::tsv_cell("a\tb\nc\\d"), "a\\tb\\nc\\\\d");
  EXPECT_EQ(pipeline::tsv_cell(std::string("x\xff\xc3(y\x01")), "x\\xff\\xc3(y\\x01");
  // An overlong encoding of '/' and a UTF-16 surrogate are not valid UTF-8.
  EXPECT_EQ(pipeline::tsv_cell("\xc0\xaf"), "\\xc0\\xaf");
  EXPECT_EQ(pipeline::tsv_cell("\xed\xa0\x80"), "\\xed\\xa0\\x80");
  for (const std::string bytes : {"a\\xff\tb", "\xff\xfe\\", "é\n\r\x7f", "\\x4"})
    EXPECT_EQ(pipeline::tsv_cell_bytes(pipeline::tsv_cell(bytes)), bytes);
}

TEST(BatchInputs, FolderSearchedRecursivelyWithSameNamesKeptApart) {
  const fs::path root = scratch_dir() / "in";
  copy_recording(root / "ward A" / "rec.edf");
  copy_recording(root / "ward B" / "night" / "rec.EDF");
  copy_recording(root / "top.BdF");
  copy_recording(root / "x.edf");
  copy_recording(root / "x.bdf");
  std::ofstream(root / "notes.txt") << "not a recording\n";
  copy_recording(root / "out" / "old.events.edf");  // the batch's own output folder
  const auto found = discover_batch_inputs(root, root / "out");
  EXPECT_EQ(found.kind, BatchInputKind::Folder);
  EXPECT_EQ(keys(found),
            (std::vector<std::string>{"top", "ward%20A~rec", "ward%20B~night~rec", "x", "x~2"}));
  EXPECT_EQ(found.inputs[2].relative, "ward B/night/rec.EDF");
  EXPECT_EQ(found.inputs[4].relative, "x.edf");  // x.bdf sorts first and keeps the plain key
  EXPECT_FALSE(found.inputs[0].patient_id.has_value());
  // Without the exclusion the output folder's EDF would be taken for an input.
  EXPECT_EQ(discover_batch_inputs(root).inputs.size(), 6U);
  // Outputs written beside the recordings would be found as recordings on the next run.
  EXPECT_THROW((void)discover_batch_inputs(root, root), io::UsageError);
}

// A hypnogram beside its polysomnogram (Sleep-EDF) is an EDF+ file without a data signal: not a
// recording, so a folder search leaves it out instead of failing on it. A file whose header
// cannot be read stays an input, so that its analysis names the problem.
TEST(BatchInputs, FolderLeavesOutFilesWithAnnotationsOnly) {
  const fs::path root = scratch_dir() / "in";
  copy_recording(root / "night" / "psg.edf");
  fs::create_symlink(sample_dir() / "sleepedf_SC4001EC-Hypnogram.edf", root / "night" / "hyp.edf");
  fs::create_symlink(sample_dir() / "sleepedf_SC4001EC-Hypnogram.edf", root / "a.EDF");
  std::ofstream(root / "broken.edf") << "not an EDF header\n";
  const auto found = discover_batch_inputs(root);
  EXPECT_EQ(keys(found), (std::vector<std::string>{"broken", "night~psg"}));
  EXPECT_EQ(found.annotation_only, (std::vector<std::string>{"a.EDF", "night/hyp.edf"}));
  // A manifest names its recordings: one it lists is analysed (and fails) as listed.
  std::ofstream(root / "list.tsv") << "path\n"
                                   << "night/hyp.edf\n";
  const auto listed = discover_batch_inputs(root / "list.tsv");
  EXPECT_EQ(keys(listed), std::vector<std::string>{"night~hyp"});
  EXPECT_TRUE(listed.annotation_only.empty());
}

// Symbolic links are followed, but a link back to a folder above it would repeat the search
// some forty times (until the path is too long), and a recording reached under two names would
// be analysed, and counted in the cohort, twice.
TEST(BatchInputs, FolderFollowsLinksButListsEachRecordingOnce) {
  const fs::path root = scratch_dir() / "in";
  copy_recording(root / "ward" / "rec.edf");
  copy_recording(root / "ward" / "night" / "other.edf");
  fs::create_directory_symlink("..", root / "ward" / "night" / "up");  // loop to ward/
  fs::create_directory_symlink(root, root / "ward" / "root");          // loop to the root
  fs::create_directory_symlink("ward", root / "alias");                // the folder twice
  fs::create_symlink("ward/rec.edf", root / "a link.edf");             // a file twice
  fs::create_symlink("missing.edf", root / "broken.edf");  // stays: its analysis names it
  const auto found = discover_batch_inputs(root);
  std::vector<std::string> relative;
  for (const auto& in : found.inputs)
    relative.push_back(in.relative);
  // Each recording under the name reached without a link.
  EXPECT_EQ(relative,
            (std::vector<std::string>{"broken.edf", "ward/night/other.edf", "ward/rec.edf"}));
  EXPECT_EQ(found.same_file,
            (std::vector<std::string>{"a link.edf", "alias/night/other.edf", "alias/rec.edf"}));
  EXPECT_EQ(found.link_loops, (std::vector<std::string>{"alias/night/up", "alias/root",
                                                        "ward/night/up", "ward/root"}));
  // A folder of links only: every recording kept, under its first name in order.
  const fs::path links = scratch_dir() / "links";
  fs::create_directories(links);
  fs::create_symlink(root / "ward" / "rec.edf", links / "b.edf");
  fs::create_symlink(root / "ward" / "rec.edf", links / "a.edf");
  const auto linked = discover_batch_inputs(links);
  ASSERT_EQ(linked.inputs.size(), 1U);
  EXPECT_EQ(linked.inputs[0].relative, "a.edf");
  EXPECT_EQ(linked.same_file, std::vector<std::string>{"b.edf"});
}

TEST(BatchInputs, ManifestCarriesPatientAndColumns) {
  const fs::path root = scratch_dir();
  copy_recording(root / "a" / "rec.edf");
  copy_recording(root / "b" / "rec.edf");
  std::ofstream(root / "list.csv") << "\xEF\xBB\xBFpatient_id,path,day,note\r\n"
                                   << "P1,a/rec.edf,0,\"baseline, awake\"\r\n"
                                   << "P2,b/rec.edf,14\r\n";
  const auto found = discover_batch_inputs(root / "list.csv");
  EXPECT_EQ(found.kind, BatchInputKind::Manifest);
  ASSERT_EQ(keys(found), (std::vector<std::string>{"a~rec", "b~rec"}));
  EXPECT_EQ(found.inputs[0].file, root / "a" / "rec.edf");
  EXPECT_EQ(found.inputs[0].patient_id, "P1");
  using Extras = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(found.inputs[0].extras, (Extras{{"day", "0"}, {"note", "baseline, awake"}}));
  EXPECT_EQ(found.inputs[1].extras, (Extras{{"day", "14"}, {"note", ""}}));

  std::ofstream(root / "list.tsv") << "path\tpatient_id\n"
                                   << "./b//rec.edf\tP2\n";  // as b/rec.edf
  const auto tsv = discover_batch_inputs(root / "list.tsv");
  EXPECT_EQ(keys(tsv), std::vector<std::string>{"b~rec"});
  EXPECT_EQ(tsv.inputs[0].relative, "./b//rec.edf");  // as written
  EXPECT_EQ(tsv.inputs[0].file, root / "b" / "rec.edf");
}

// Two rows for one recording would analyse it twice and count it twice in the cohort, each with
// its own day: refused, naming both rows, however the second names the file.
TEST(BatchInputs, ManifestRefusesARecordingListedTwice) {
  const fs::path root = scratch_dir();
  copy_recording(root / "a" / "rec.edf");
  copy_recording(root / "b.edf");
  fs::create_symlink(root / "a" / "rec.edf", root / "link.edf");
  for (const char* again : {"a/rec.edf", "./a/rec.edf", "link.edf"}) {
    std::ofstream(root / "twice.csv") << "path,day\na/rec.edf,0\nb.edf,3\n" << again << ",14\n";
    try {
      (void)discover_batch_inputs(root / "twice.csv");
      ADD_FAILURE() << again << " was accepted";
    } catch (const io::UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("twice.csv: row 4: '" + std::string(again) +
                                           "' is the recording of row 2 again"),
                std::string::npos)
          << e.what();
    }
  }
}

TEST(BatchInputs, ManifestRefusesEscapesAndMissingColumns) {
  const fs::path root = scratch_dir();
  std::ofstream(root / "up.csv") << "path\nok.edf\n../outside/rec.edf\n";
  try {
    (void)discover_batch_inputs(root / "up.csv");
    FAIL() << "a '..' path was accepted";
  } catch (const io::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("row 3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(".."), std::string::npos) << e.what();
  }
  std::ofstream(root / "deep.csv") << "path\na/b/../../../etc/x.edf\n";
  EXPECT_THROW((void)discover_batch_inputs(root / "deep.csv"), io::UsageError);
  std::ofstream(root / "nopath.csv") << "file,patient_id\nx.edf,P1\n";
  EXPECT_THROW((void)discover_batch_inputs(root / "nopath.csv"), io::UsageError);
  std::ofstream(root / "wide.csv") << "path\nx.edf,extra\n";
  EXPECT_THROW((void)discover_batch_inputs(root / "wide.csv"), io::UsageError);
  EXPECT_THROW((void)discover_batch_inputs(root / "missing.csv"), io::UsageError);
  // An absolute path is allowed and keyed without its root.
  std::ofstream(root / "abs.csv") << "path\n" << (root / "x.edf").string() << "\n";
  const auto found = discover_batch_inputs(root / "abs.csv");
  ASSERT_EQ(found.inputs.size(), 1U);
  EXPECT_EQ(found.inputs[0].key.find('/'), std::string::npos);
  EXPECT_TRUE(found.inputs[0].key.ends_with("~x"));
}

TEST(BatchInputs, BidsDatasetWithSessionsAndParticipants) {
  const fs::path root = scratch_dir() / "bids";
  copy_recording(root / "sub-01" / "ses-1" / "eeg" / "sub-01_ses-1_task-rest_eeg.edf");
  copy_recording(root / "sub-01" / "ses-2" / "eeg" / "sub-01_ses-2_task-rest_eeg.bdf");
  copy_recording(root / "sub-02" / "eeg" / "sub-02_task-rest_eeg.edf");
  copy_recording(root / "sub-02" / "eeg" / "sub-02_task-rest_events.edf");  // not an _eeg file
  copy_recording(root / "derivatives" / "x" / "sub-01_task-rest_eeg.edf");  // not searched
  std::ofstream(root / "dataset_description.json") << R"({"Name": "t", "BIDSVersion": "1.9.0"})";
  std::ofstream(root / "participants.tsv") << "participant_id\tage\tsex\nsub-01\t61\tF\n";
  const auto found = discover_batch_inputs(root);
  EXPECT_EQ(found.kind, BatchInputKind::Bids);
  EXPECT_EQ(keys(found),
            (std::vector<std::string>{"sub-01/ses-1/eeg/sub-01_ses-1_task-rest_desc-eegtrack_eeg",
                                      "sub-01/ses-2/eeg/sub-01_ses-2_task-rest_desc-eegtrack_eeg",
                                      "sub-02/eeg/sub-02_task-rest_desc-eegtrack_eeg"}));
  EXPECT_EQ(found.inputs[0].patient_id, "01");
  using Extras = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(found.inputs[1].extras, (Extras{{"age", "61"}, {"sex", "F"}}));
  EXPECT_TRUE(found.inputs[2].extras.empty());  // sub-02 has no row
  EXPECT_EQ(found.inputs[2].relative, "sub-02/eeg/sub-02_task-rest_eeg.edf");
}

TEST(DelimitedTable, QuotesShortRowsAndErrors) {
  const fs::path root = scratch_dir();
  std::ofstream(root / "t.csv") << "a,b,c\n\"x \"\"q\"\"\",\"multi\nline\"\n\n1,2,3\n";
  const auto t = pipeline::read_delimited_table(root / "t.csv", ',');
  EXPECT_EQ(t.header, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(t.rows.size(), 2U);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"x \"q\"", "multi\nline", ""}));
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"1", "2", "3"}));
  std::ofstream(root / "dup.csv") << "a,a\n";
  EXPECT_THROW((void)pipeline::read_delimited_table(root / "dup.csv", ','), io::UsageError);
  std::ofstream(root / "empty.csv") << "";
  EXPECT_THROW((void)pipeline::read_delimited_table(root / "empty.csv", ','), io::UsageError);
}

}  // namespace
}  // namespace eegtrack::test
