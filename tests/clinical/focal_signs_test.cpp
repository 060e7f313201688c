#include "eegtrack/clinical/focal_signs.hpp"

#include <gtest/gtest.h>

namespace eegtrack::clinical {
namespace {

using sites::Side;

TEST(FocalSign, BodySignsPointToTheOppositeHemisphere) {
  const auto case_note = focal_sign("Right facial clonus, nystagmus, disorientation");
  ASSERT_TRUE(case_note);
  EXPECT_EQ(case_note->hemisphere, Side::Left);
  EXPECT_EQ(case_note->text, "Right facial clonus");
  EXPECT_EQ(focal_sign("confused; left arm weakness")->hemisphere, Side::Right);
  EXPECT_EQ(focal_sign("mild RIGHT HEMIPARESIS")->hemisphere, Side::Left);
  EXPECT_EQ(focal_sign("left hand twitching")->hemisphere, Side::Right);
}

TEST(FocalSign, BrainPlacesPointToTheirOwnSide) {
  EXPECT_EQ(focal_sign("MRI: left temporal FLAIR signal")->hemisphere, Side::Left);
  EXPECT_EQ(focal_sign("edema of the right hemisphere")->hemisphere, Side::Right);
}

TEST(FocalSign, AphasiaAloneIsLeftAndASidedSignWins) {
  EXPECT_EQ(focal_sign("expressive aphasia")->hemisphere, Side::Left);
  const auto both = focal_sign("aphasia, left leg drift");
  EXPECT_EQ(both->hemisphere, Side::Right);
  EXPECT_EQ(both->text, "left leg drift");
}

TEST(FocalSign, NoSignNegatedOrAmbiguousGivesNothing) {
  EXPECT_FALSE(focal_sign(""));
  EXPECT_FALSE(focal_sign("somnolent, tremor"));
  EXPECT_FALSE(focal_sign("no left weakness"));
  EXPECT_FALSE(focal_sign("left and right hand tremor"));        // both sides, no focal sign word
  EXPECT_FALSE(focal_sign("bright light; leftover confusion"));  // not the words left/right
}

}  // namespace
}  // namespace eegtrack::clinical
