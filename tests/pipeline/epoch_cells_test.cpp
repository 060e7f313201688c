// EpochCells (src/pipeline/epoch_cells.*): the per-epoch values of an analysis, written block by
// block to an unnamed temporary file and read back one feature at a time, must be the values
// appended, as float, whatever the block length, wherever the blocks are.
#include "epoch_cells.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "support/paths.hpp"

namespace eegtrack::pipeline::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kChannels = 3;
constexpr std::size_t kFeatures = 4;

// Rows [channel][feature] of random values, with NaN cells (rejected) and values that float
// rounds.
std::vector<std::vector<double>> random_rows(std::size_t epochs) {
  std::mt19937 rng(5);
  std::normal_distribution<double> value(0.0, 1e3);
  std::vector<std::vector<double>> rows(epochs, std::vector<double>(kChannels * kFeatures));
  for (auto& row : rows)
    for (auto& v : row)
      v = rng() % 11 == 0 ? std::numeric_limits<double>::quiet_NaN() : value(rng) / 3.0;
  return rows;
}

// Every feature's column equals the rows' values as float, bit for bit (NaN included).
void expect_columns(const EpochCells& cells, const std::vector<std::vector<double>>& rows) {
  ASSERT_EQ(cells.epochs(), rows.size());
  for (std::size_t f = 0; f < kFeatures; ++f) {
    const std::vector<float> column = cells.feature(f);
    ASSERT_EQ(column.size(), rows.size() * kChannels);
    for (std::size_t e = 0; e < rows.size(); ++e)
      for (std::size_t c = 0; c < kChannels; ++c) {
        const auto expected = static_cast<float>(rows[e][c * kFeatures + f]);
        EXPECT_EQ(std::bit_cast<std::uint32_t>(column[e * kChannels + c]),
                  std::bit_cast<std::uint32_t>(expected))
            << "epoch " << e << " channel " << c << " feature " << f;
      }
  }
}

TEST(EpochCells, ColumnsAreTheAppendedValuesWhateverTheBlock) {
  const auto folder = test::scratch_dir() / "epoch-cells";
  fs::create_directories(folder);
  for (const std::size_t block : {1U, 7U, 29U, 1000U}) {
    for (const std::size_t epochs : {0U, 1U, 28U, 29U, 30U, 100U}) {
      const auto rows = random_rows(epochs);
      EpochCells cells(kChannels, kFeatures, block, folder);
      cells.reserve(epochs);
      for (const auto& row : rows)
        cells.append(row);
      // Whole blocks went to the file; the rest waits in memory.
      EXPECT_EQ(cells.epochs_on_disk(), epochs / block * block)
          << "block " << block << " epochs " << epochs;
      expect_columns(cells, rows);
      // Reading does not consume: a second read gives the same column.
      if (epochs > 0) {
        EXPECT_EQ(cells.feature(2).size(), epochs * kChannels);
        expect_columns(cells, rows);
      }
    }
  }
  // The file is unlinked as soon as it is made: nothing is left in the folder, even while in use.
  EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator{}), 0);
}

// No folder to write in: the cells stay in memory and read back the same.
TEST(EpochCells, WithoutAWritableFolderTheCellsStayInMemory) {
  const auto rows = random_rows(50);
  EpochCells cells(kChannels, kFeatures, 8, test::scratch_dir() / "no-such-folder" / "below");
  for (const auto& row : rows)
    cells.append(row);
  EXPECT_EQ(cells.epochs_on_disk(), 0U);
  expect_columns(cells, rows);
}

TEST(EpochCells, RefusesWrongShapes) {
  EXPECT_THROW(EpochCells(kChannels, kFeatures, 0), std::invalid_argument);
  EpochCells cells(kChannels, kFeatures, 4);
  EXPECT_THROW(cells.append(std::vector<double>(kChannels * kFeatures - 1)), std::invalid_argument);
  EXPECT_EQ(cells.epochs(), 0U) << "a refused row is not counted";
  EXPECT_THROW((void)cells.feature(kFeatures), std::out_of_range);
}

}  // namespace
}  // namespace eegtrack::pipeline::detail
