#!/usr/bin/env bash
# Builds the seed corpus of the fuzz harnesses (fuzz/, docs/robustness.md) from the repository:
#   scripts/fuzz-seeds.sh OUTDIR [EEGTRACK]
# OUTDIR/<harness>/ gets small seeds only (no seed above 64 kB):
#   edf_header   the header of every real recording (sample_edf/, tests/data/eeg/)
#   edf_records  each recording's header plus its first data record (record count patched to 1),
#                and the malformed variants the hostile-input tests make (tests/io/
#                hostile_input_test.cpp: absurd sizes and durations, negative counts, infinite
#                gain, corrupt time keeping, a BDF declared as EDF)
#   tal          the annotation-signal bytes of the first records of the EDF+ recordings, plus
#                the vendor TAL layouts of the tests (fuzz/seeds/tal/)
#   course_file  the example of docs/course-file.md, fuzz/seeds/course_file/, and a course
#                whose EEG is a real recording (absolute path)
#   output_json, output_h5
#                fuzz/seeds/output_json/; with EEGTRACK (a built eegtrack), the outputs of
#                `eegtrack followup` on a one-recording course: summary.json, followup.json,
#                .h5 files (the .h5 seeds are larger: the reader needs a whole file)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/fuzz-seeds.sh OUTDIR [EEGTRACK]}
eegtrack=${2:-}
mkdir -p "$out"/{edf_header,edf_records,tal,course_file,output_json,output_h5}

recordings=(sample_edf/*.edf tests/data/eeg/normal/*.edf tests/data/eeg/seizure/*_ictal.edf)

# field FILE OFFSET WIDTH: a header field, spaces trimmed.
field() { dd if="$1" bs=1 skip="$2" count="$3" status=none | tr -d ' '; }
# patch FILE OFFSET WIDTH TEXT: overwrite a header field, space-padded, in place.
patch() { printf '%-*s' "$3" "$4" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }

for f in "${recordings[@]}"; do
  name=$(basename "$f" .edf)
  header=$(field "$f" 184 8)
  ns=$(field "$f" 252 4)
  record=0
  tal_offset=-1
  for ((s = 0; s < ns; s++)); do
    label=$(dd if="$f" bs=1 skip=$((256 + s * 16)) count=16 status=none)
    spr=$(field "$f" $((256 + ns * 216 + s * 8)) 8)
    if [[ "$label" == "EDF Annotations"* && $tal_offset -lt 0 ]]; then
      tal_offset=$record
      tal_bytes=$((spr * 2))
    fi
    record=$((record + spr * 2))
  done
  head -c "$header" "$f" >"$out/edf_header/$name"
  if ((header + record <= 65536)); then
    head -c $((header + record)) "$f" >"$out/edf_records/$name"
    patch "$out/edf_records/$name" 236 8 1
  fi
  if ((tal_offset >= 0)); then
    for r in 0 1 2; do
      dd if="$f" bs=1 skip=$((header + r * record + tal_offset)) count="$tal_bytes" \
        status=none >"$out/tal/$name-record$r"
    done
  fi
done

# The malformed files of tests/io/hostile_input_test.cpp, from the plain-EDF one-record seed
# (chb01, 23 signals) and the EDF+C one (with an annotation signal).
plain="$out/edf_records/chbmit_chb01_03_interictal_0-41s"
plus="$out/edf_records/chbmit_chb01_03_ictal"
variant() {  # variant NAME SOURCE OFFSET WIDTH TEXT [OFFSET WIDTH TEXT]...
  local target="$out/edf_records/hostile-$1" source=$2
  shift 2
  cp "$source" "$target"
  while (($# >= 3)); do
    patch "$target" "$1" "$2" "$3"
    shift 3
  done
}
ns_plain=$(field "$plain" 252 4)
samples0=$((256 + ns_plain * 216))
physmin3=$((256 + ns_plain * 104 + 3 * 8))
physmax3=$((256 + ns_plain * 112 + 3 * 8))
variant spr-huge "$plain" "$samples0" 8 99999999
variant duration-tiny "$plain" 244 8 1e-300
variant duration-huge "$plain" 244 8 1e300
variant records-beyond "$plain" 236 8 99999999
variant records-unknown "$plain" 236 8 -1
variant records-negative "$plain" 236 8 -7
variant signals-many "$plain" 252 4 641 184 8 $((256 * 642))
variant signals-negative "$plain" 252 4 -3
variant samples-negative "$plain" "$samples0" 8 -256
variant gain-infinite "$plain" "$physmin3" 8 -1e308 "$physmax3" 8 1e308
variant date-impossible "$plain" 168 8 31.02.23
variant bdf-as-edf "$plus" 192 44 BDF+C
header_plus=$(field "$plus" 184 8)
ns_plus=$(field "$plus" 252 4)
offset=0
for ((s = 0; s < ns_plus - 1; s++)); do
  offset=$((offset + $(field "$plus" $((256 + ns_plus * 216 + s * 8)) 8) * 2))
done
for onset in +1e300 -5 +1e9; do
  cp "$plus" "$out/edf_records/hostile-timekeeping$onset"
  printf '%s\x14\x14\x00' "$onset" |
    dd of="$out/edf_records/hostile-timekeeping$onset" bs=1 seek=$((header_plus + offset)) \
      conv=notrunc status=none
done

cp fuzz/seeds/tal/* "$out/tal/"
cp fuzz/seeds/course_file/* "$out/course_file/"
cp fuzz/seeds/output_json/* "$out/output_json/"
# The complete example of the course-file document.
sed -n '/^```yaml$/,/^```$/p' docs/course-file.md | sed '1d;$d' >"$out/course_file/docs-example.yaml"
real_eeg="$PWD/sample_edf/chbmit_chb01_03_seizure_2995-3036s.edf"
cat >"$out/course_file/real-eeg.yaml" <<YAML
patient: SEED-01
infusion: 2026-01-05T10:00
eeg:
  - {file: $real_eeg, label: day 3, at: 2026-01-08T09:00}
assessments:
  - {at: 2026-01-08T08:00, ice: 7, consciousness: awake, temperature_c: 38.9,
     hypotension: no_vasopressor, oxygen: low_flow}
treatments:
  - {drug: tocilizumab, dose: 8, unit: mg/kg, route: iv, start: 2026-01-08T12:00}
labs:
  - {at: 2026-01-08T06:00, ldh: [612, U/L], creatinine: [88, umol/L], platelets: [74, 10^9/L]}
YAML

if [[ -n "$eegtrack" ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/eegtrack-seeds.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  "$eegtrack" followup "$out/course_file/real-eeg.yaml" -o "$work" >/dev/null
  find "$work" -name '*.json' -size -64k -exec cp {} "$out/output_json/" \;
  find "$work" -name '*.h5' -exec cp {} "$out/output_h5/" \;
fi
echo "fuzz-seeds: $(find "$out" -type f | wc -l) seeds in $out"
