#include "option_names.hpp"

#include <map>
#include <utility>

namespace eegtrack::cli {
namespace {

std::map<std::pair<std::string, std::string>, std::string>& table() {
  static std::map<std::pair<std::string, std::string>, std::string> names;
  return names;
}

}  // namespace

CLI::Option* names_parameter(CLI::Option* option, const std::string& where,
                             const std::string& field) {
  // The longest name is the one the help shows first for options with a short alias too.
  table()[{where, field}] = "--" + option->get_lnames().front();
  return option;
}

std::string describe(const dsp::ParameterError& e) {
  const auto it = table().find({e.where(), e.field()});
  if (it == table().end())
    return e.what();
  return it->second + " " + e.value() + ": " + e.rule() + " (" + e.where() + "." + e.field() + ")";
}

}  // namespace eegtrack::cli
