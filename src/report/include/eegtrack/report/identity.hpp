#pragma once
// Identifying data of a recording's header. A report shows it only when its user asks for it
// (--show-identity); by default the reader sees the pseudonymous id and the file's hash.

#include <string>

namespace eegtrack::report {

struct Identity {
  std::string patient_name;
  std::string birth_date;
  std::string hospital_code;  ///< the patient code of the header (hospital administration code)
  std::string sex;
  std::string patient_field;    ///< the whole patient field as written
  std::string recording_field;  ///< the whole recording field as written
};

/// The identity block of a report (escaped), with a warning that the page identifies a person.
[[nodiscard]] std::string identity_html(const Identity& identity, const std::string& source);

}  // namespace eegtrack::report
