#pragma once

// Pseudonymous outputs (--deidentify, and the default of `eegtrack batch`): the input's file
// name, often the patient's name in clinics, is replaced by a pseudonymous id, and every date
// is shifted by a per-patient number of days, so that outputs can travel without identifying
// the patient while intervals between one patient's recordings stay exact.
//
// Both come from a keyed hash (HMAC-SHA-256, RFC 2104) with a per-project secret key: whoever
// holds the key can recompute the pseudonym of a file they have and the shift of a patient;
// without it, neither the name nor the true date can be recovered or confirmed by guessing
// (a plain hash of a name could be confirmed by hashing candidate names). docs/robustness.md.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "eegtrack/io/edf_header.hpp"

namespace eegtrack::pipeline {

/// The secret key: 32 random bytes, stored as 64 hex digits in a key file.
struct DeidentifyKey {
  std::string bytes;
};

/// Reads the key file at `path`, or creates it (mode 0600, 32 bytes from /dev/urandom) when it
/// does not exist; `created` is set when it was created. Two processes creating it at once
/// agree on one key (exclusive creation, the loser reads the winner's file).
/// @throws std::runtime_error naming the file when it cannot be read, holds no 64 hex digits,
/// or cannot be created.
[[nodiscard]] DeidentifyKey load_or_create_key(const std::filesystem::path& path,
                                               bool* created = nullptr);

/// HMAC-SHA-256 of `message` under `key`, lower-case hex (RFC 4231 test vectors hold).
[[nodiscard]] std::string hmac_sha256_hex(std::string_view key, std::string_view message);

/// How one recording's outputs are de-identified.
struct Deidentification {
  std::string pseudonym;  ///< "rec-" + 16 hex digits; names the outputs and stands for the file
  int shift_days = 0;     ///< added to every date of the recording (between -3650 and -1)
};

/// The pseudonym of the file named `file_name` (its base name) and the date shift of the
/// patient `patient_id`: "rec-" + the first 16 hex digits of HMAC(key, "file\0" + file_name);
/// shift = -(1 + HMAC(key, "patient\0" + patient_id) mod 3650) days.
[[nodiscard]] Deidentification deidentification(const DeidentifyKey& key,
                                                std::string_view file_name,
                                                std::string_view patient_id);

/// The pseudonym of the patient `patient_id` (a course file's `patient`, which may be a name):
/// "pat-" + the first 16 hex digits of HMAC(key, "pseudonym\0" + patient_id). A hash of its own,
/// not the one of the date shift: whoever reads the pseudonym learns nothing of the shift.
[[nodiscard]] std::string patient_pseudonym(const DeidentifyKey& key, std::string_view patient_id);

/// The patient a recording belongs to, for its date shift: `given` (a batch manifest's
/// patient_id) when present, else the EDF+ patient code of `header` when it is not "X", else
/// the file name (each file then has its own shift).
[[nodiscard]] std::string patient_key(const io::Header& header,
                                      const std::optional<std::string>& given);

}  // namespace eegtrack::pipeline
