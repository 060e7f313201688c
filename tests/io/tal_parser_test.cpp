// TAL syntax of the EDF+ specification (Kemp & Olivan 2003, section 2.2.2).
#include "eegtrack/io/tal_parser.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using eegtrack::io::parse_tals;
using namespace std::string_literals;

TEST(TalParser, ReadsTimekeepingTalAndAnnotationWithDuration) {
  const auto parse = parse_tals(
      "+0\x14\x14\0+1.5\x15"
      "2.25\x14"
      "Eyes closed\x14\0\0\0"s);
  ASSERT_EQ(parse.tals.size(), 2u);
  EXPECT_DOUBLE_EQ(parse.tals[0].onset_s, 0.0);
  ASSERT_EQ(parse.tals[0].texts.size(), 1u);
  EXPECT_TRUE(parse.tals[0].texts[0].empty());
  EXPECT_DOUBLE_EQ(parse.tals[1].onset_s, 1.5);
  EXPECT_TRUE(parse.tals[1].has_duration);
  EXPECT_DOUBLE_EQ(parse.tals[1].duration_s, 2.25);
  ASSERT_EQ(parse.tals[1].texts.size(), 1u);
  EXPECT_EQ(parse.tals[1].texts[0], "Eyes closed");
  EXPECT_TRUE(parse.problems.empty());
}

TEST(TalParser, ReadsSeveralTextsOfOneTal) {
  const auto parse = parse_tals(
      "+180\x14Lights off\x14"
      "Close door\x14\0"s);
  ASSERT_EQ(parse.tals.size(), 1u);
  EXPECT_FALSE(parse.tals[0].has_duration);
  ASSERT_EQ(parse.tals[0].texts.size(), 2u);
  EXPECT_EQ(parse.tals[0].texts[0], "Lights off");
  EXPECT_EQ(parse.tals[0].texts[1], "Close door");
  EXPECT_TRUE(parse.problems.empty());
}

TEST(TalParser, ReadsNegativeOnset) {
  const auto parse = parse_tals("-0.065\x14Pre-trigger\x14\0"s);
  ASSERT_EQ(parse.tals.size(), 1u);
  EXPECT_DOUBLE_EQ(parse.tals[0].onset_s, -0.065);
  EXPECT_TRUE(parse.problems.empty());
}

TEST(TalParser, KeepsUtf8Text) {
  const std::string text = "R\xC3\xA9veil \xCE\xBC-Rhythmus";  // "Réveil μ-Rhythmus"
  const auto parse = parse_tals("+3\x14"s + text + "\x14\0"s);
  ASSERT_EQ(parse.tals.size(), 1u);
  EXPECT_EQ(parse.tals[0].texts.at(0), text);
  EXPECT_TRUE(parse.problems.empty());
}

TEST(TalParser, ReadsInvalidUtf8AsLatin1) {
  const auto parse = parse_tals(
      "+3\x14"
      "5 \xB5V\x14\0"s);
  ASSERT_EQ(parse.tals.size(), 1u);
  EXPECT_EQ(parse.tals[0].texts.at(0), "5 \xC2\xB5V");
  EXPECT_FALSE(parse.problems.empty());
}

TEST(TalParser, SplitsTalsWithoutNulSeparator) {
  // Layout of the Nihon Kohden EDF+D export: the time-keeping TAL runs into the next one.
  const auto parse = parse_tals(
      "+1.000000\x14\x14+1.140000\x14"
      "A1+A2 OFF\x14\0\0"s);
  ASSERT_EQ(parse.tals.size(), 2u);
  EXPECT_DOUBLE_EQ(parse.tals[0].onset_s, 1.0);
  EXPECT_TRUE(parse.tals[0].texts.at(0).empty());
  EXPECT_DOUBLE_EQ(parse.tals[1].onset_s, 1.14);
  ASSERT_EQ(parse.tals[1].texts.size(), 1u);
  EXPECT_EQ(parse.tals[1].texts[0], "A1+A2 OFF");
  EXPECT_TRUE(parse.missing_nul);
  EXPECT_FALSE(parse.problems.empty());
}

TEST(TalParser, DropsTextThatIsOnlyAnOnset) {
  const auto parse = parse_tals("+2\x14+2.000000\x14\0+2\x14starts turning head\x14\0"s);
  ASSERT_EQ(parse.tals.size(), 2u);
  EXPECT_TRUE(parse.tals[0].texts.empty());
  EXPECT_EQ(parse.tals[1].texts.at(0), "starts turning head");
  EXPECT_FALSE(parse.problems.empty());
}

TEST(TalParser, ReportsMalformedOnsetAndSkipsIt) {
  const auto parse = parse_tals("+abc\x14text\x14\0+4\x14ok\x14\0"s);
  ASSERT_EQ(parse.tals.size(), 1u);
  EXPECT_DOUBLE_EQ(parse.tals[0].onset_s, 4.0);
  EXPECT_EQ(parse.tals[0].texts.at(0), "ok");
  EXPECT_FALSE(parse.problems.empty());
}

TEST(TalParser, ReportsOnsetWithoutSign) {
  const auto parse = parse_tals("4\x14text\x14\0"s);
  EXPECT_TRUE(parse.tals.empty());
  EXPECT_FALSE(parse.problems.empty());
}

TEST(TalParser, ReportsUnterminatedTal) {
  const auto parse = parse_tals("+4\x14text"s);
  ASSERT_EQ(parse.tals.size(), 1u);
  EXPECT_EQ(parse.tals[0].texts.at(0), "text");
  EXPECT_FALSE(parse.problems.empty());
}

TEST(TalParser, IgnoresPaddingOnly) {
  const auto parse = parse_tals(std::string(40, '\0'));
  EXPECT_TRUE(parse.tals.empty());
  EXPECT_TRUE(parse.problems.empty());
}

}  // namespace
