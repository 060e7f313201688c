#pragma once

// Attribute and string-element access shared by Hdf5Writer and Hdf5Reader. Callers hold the
// H5Lock.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/io/hdf5_types.hpp"
#include "hdf5_handles.hpp"

namespace eegtrack::io::detail {

/// Creates or replaces attribute `name` on the open object (strings already validated).
void write_attribute(hid_t object, const H5Site& site, std::string_view name,
                     const AttributeValue& value);
/// Reads attribute `name`; see AttributeValue for the accepted stored types.
/// @throws H5Error if it is missing or of another type or rank.
AttributeValue read_attribute(hid_t object, const H5Site& site, std::string_view name);
/// Names of the object's attributes in name order.
std::vector<std::string> attribute_names(hid_t object, const H5Site& site);
/// The width of the fixed-length string type that holds every one of the values (their longest
/// byte length, at least 1).
std::size_t string_width(std::span<const std::string> values);
/// Writes the strings through a dataset or an attribute created with
/// utf8_string_type(string_width(values)).
void write_string_elements(hid_t target, bool is_attribute, std::span<const std::string> values,
                           const H5Site& site);
/// Every element of a fixed-length string dataset or attribute (any rank).
/// @throws H5Error if the object does not hold strings, holds variable-length strings (never
/// read: libhdf5's conversion of them is where damaged files overflow memory), or declares more
/// string bytes than its file holds.
std::vector<std::string> read_string_elements(hid_t source, bool is_attribute, const H5Site& site);

}  // namespace eegtrack::io::detail
