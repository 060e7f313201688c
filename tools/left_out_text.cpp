#include "left_out_text.hpp"

#include <vector>

#include "text_out.hpp"

namespace eegtrack::cli {
namespace {

void append(std::string& text, const std::vector<std::string>& names, const char* what,
            const char* why) {
  if (names.empty())
    return;
  text += ", " + std::to_string(names.size()) + what + " (" + why + printable(names.front()) +
          (names.size() > 1 ? ", ..." : "") + ")";
}

}  // namespace

std::string left_out_text(const pipeline::BatchInputs& inputs) {
  std::string text;
  append(text, inputs.annotation_only, " file(s) with annotations only left out",
         "no data signal: ");
  append(text, inputs.same_file, " more name(s) of a recording already listed left out",
         "symbolic links: ");
  append(text, inputs.link_loops, " link(s) back to a folder above not followed",
         "the search would go round: ");
  return text;
}

}  // namespace eegtrack::cli
