#include "store_layout_check.hpp"

#include <variant>

#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/pipeline/store_layout.hpp"

namespace eegtrack::pipeline {

std::string known_store_layout(const io::Hdf5Reader& r) {
  constexpr const char* kField = "eegtrack_layout_version";
  if (!r.has_attribute("/", kField))
    throw FindingsFileError(r.path(), kField, "missing: not an eegtrack feature store");
  const auto version = r.attribute("/", kField);
  const auto* text = std::get_if<std::string>(&version);
  if (text == nullptr || !text->starts_with(kHdf5LayoutMajor))
    throw FindingsFileError(r.path(), kField,
                            "layout " + (text ? *text : std::string("?")) +
                                " is unknown to this eegtrack (reads " +
                                std::string(kHdf5LayoutMajor) + "x)");
  return *text;
}

}  // namespace eegtrack::pipeline
