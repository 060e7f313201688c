// SpilledColumns (src/pipeline/spilled_columns.*): a table appended row by row, written block by
// block to an unnamed temporary file and read back column by column, must give the values
// appended, as float, whatever the block length, wherever the blocks are, for any run of rows.
#include "spilled_columns.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <limits>
#include <random>
#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

#include "support/paths.hpp"

namespace eegtrack::pipeline::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kEntries = 3;
constexpr std::size_t kColumns = 4;

// Rows [entry][column] of random values, with NaN (a rejected cell of the analysis) and values
// that float rounds.
std::vector<std::vector<double>> random_rows(std::size_t n) {
  std::mt19937 rng(5);
  std::normal_distribution<double> value(0.0, 1e3);
  std::vector<std::vector<double>> rows(n, std::vector<double>(kEntries * kColumns));
  for (auto& row : rows)
    for (auto& v : row)
      v = rng() % 11 == 0 ? std::numeric_limits<double>::quiet_NaN() : value(rng) / 3.0;
  return rows;
}

// Every column equals the rows' values as float, bit for bit (NaN included).
void expect_columns(const SpilledColumns& table, const std::vector<std::vector<double>>& rows) {
  ASSERT_EQ(table.rows(), rows.size());
  for (std::size_t f = 0; f < kColumns; ++f) {
    const std::vector<float> column = table.column(f);
    ASSERT_EQ(column.size(), rows.size() * kEntries);
    for (std::size_t e = 0; e < rows.size(); ++e)
      for (std::size_t c = 0; c < kEntries; ++c) {
        const auto expected = static_cast<float>(rows[e][c * kColumns + f]);
        EXPECT_EQ(std::bit_cast<std::uint32_t>(column[e * kEntries + c]),
                  std::bit_cast<std::uint32_t>(expected))
            << "row " << e << " entry " << c << " column " << f;
      }
  }
}

TEST(SpilledColumns, ColumnsAreTheAppendedValuesWhateverTheBlock) {
  const auto folder = test::scratch_dir() / "spilled-columns";
  fs::create_directories(folder);
  for (const std::size_t block : {1U, 7U, 29U, 1000U}) {
    for (const std::size_t n : {0U, 1U, 28U, 29U, 30U, 100U}) {
      const auto rows = random_rows(n);
      SpilledColumns table(kEntries, kColumns, block, folder);
      table.reserve(n);
      for (const auto& row : rows)
        table.append(row);
      // Whole blocks went to the file; the rest waits in memory.
      EXPECT_EQ(table.rows_on_disk(), n / block * block) << "block " << block << " rows " << n;
      expect_columns(table, rows);
      // Reading does not consume: a second read gives the same column.
      if (n > 0) {
        EXPECT_EQ(table.column(2).size(), n * kEntries);
        expect_columns(table, rows);
      }
    }
  }
  // The file is unlinked as soon as it is made: nothing is left in the folder, even while in use.
  EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator{}), 0);
}

// No folder to write in: the rows stay in memory and read back the same.
TEST(SpilledColumns, WithoutAWritableFolderTheRowsStayInMemory) {
  const auto rows = random_rows(50);
  SpilledColumns table(kEntries, kColumns, 8, test::scratch_dir() / "no-such-folder" / "below");
  for (const auto& row : rows)
    table.append(row);
  EXPECT_EQ(table.rows_on_disk(), 0U);
  expect_columns(table, rows);
}

// Any run of rows of a column, across blocks in the file and into the rows in memory, is that
// part of the whole column; rows appended as float (the bootstrap's block sums) keep their bits.
TEST(SpilledColumns, RunsOfRowsArePartsOfTheColumn) {
  const auto rows = random_rows(61);
  SpilledColumns table(kEntries, kColumns, 8);
  for (const auto& row : rows) {
    std::vector<float> as_float(row.begin(), row.end());
    table.append(std::span<const float>(as_float));
  }
  ASSERT_EQ(table.rows_on_disk(), 56U);
  expect_columns(table, rows);
  for (std::size_t f = 0; f < kColumns; ++f) {
    const std::vector<float> whole = table.column(f);
    for (const auto& [first, count] : std::vector<std::pair<std::size_t, std::size_t>>{
             {0, 0}, {0, 61}, {3, 5}, {7, 2}, {8, 8}, {13, 30}, {50, 11}, {56, 5}, {60, 1}}) {
      std::vector<float> part(count * kEntries);
      table.read_column(f, first, count, part);
      for (std::size_t i = 0; i < part.size(); ++i)
        EXPECT_EQ(std::bit_cast<std::uint32_t>(part[i]),
                  std::bit_cast<std::uint32_t>(whole[first * kEntries + i]))
            << "column " << f << " rows " << first << " + " << count << " value " << i;
    }
  }
  std::vector<float> two(2 * kEntries);
  EXPECT_THROW(table.read_column(0, 60, 2, two), std::out_of_range);  // past the end
  EXPECT_THROW(table.read_column(0, 10, 1, two), std::out_of_range);  // out of the wrong size
}

TEST(SpilledColumns, RefusesWrongShapes) {
  EXPECT_THROW(SpilledColumns(kEntries, kColumns, 0), std::invalid_argument);
  SpilledColumns table(kEntries, kColumns, 4);
  EXPECT_THROW(table.append(std::vector<double>(kEntries * kColumns - 1)), std::invalid_argument);
  EXPECT_EQ(table.rows(), 0U) << "a refused row is not counted";
  EXPECT_THROW((void)table.column(kColumns), std::out_of_range);
}

}  // namespace
}  // namespace eegtrack::pipeline::detail
