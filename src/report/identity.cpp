#include "eegtrack/report/identity.hpp"

#include "eegtrack/report/html_escape.hpp"

namespace eegtrack::report {
namespace {

std::string row(const char* name, const std::string& value) {
  return "<tr><th>" + std::string(name) + "</th><td>" +
         (value.empty() ? std::string("not given") : escape_html(value)) + "</td></tr>";
}

}  // namespace

std::string identity_html(const Identity& id, const std::string& source) {
  return "<section class=\"identity\" id=\"identity\"><h2>Identifying data (shown on request: "
         "--show-identity)</h2><p class=\"note\">From the header of " +
         escape_html(source) +
         ". This page identifies a person: keep it where patient records are kept.</p><table>" +
         row("Patient name", id.patient_name) + row("Birth date", id.birth_date) +
         row("Hospital code", id.hospital_code) + row("Sex", id.sex) +
         row("Patient field", id.patient_field) + row("Recording field", id.recording_field) +
         "</table></section>";
}

}  // namespace eegtrack::report
