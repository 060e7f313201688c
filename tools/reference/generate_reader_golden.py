#!/usr/bin/python3
"""Golden samples for the EDF reader tests (tests/io/real_files_test.cpp).

Reads the first 64 samples of a few channels of real recordings with MNE 1.3 (an independent
EDF/BDF reader that applies the same spec scaling) and writes them in microvolts (or the physical
unit for non-voltage channels) to tests/data/reader_mne_samples.csv. "sample/" files are the
shipped ones in sample_edf/; "format/" files are vendor clips that are not redistributable: their
rows are kept when the clips are absent (EEGTRACK_VENDOR_CLIPS names their folder) and the test
compares them only where the clips are present.

Run with Debian's interpreter: /usr/bin/python3 tools/reference/generate_reader_golden.py
"""
import csv
import os
import pathlib
import warnings

import mne

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_edf"
VENDOR_CLIPS = pathlib.Path(os.environ.get("EEGTRACK_VENDOR_CLIPS", ROOT.parent / "shared" / "eeg" / "format"))
OUT = ROOT / "tests" / "data" / "reader_mne_samples.csv"
N = 64

# (file, channels): plain EDF, BDF 24-bit, EDF+C with a mV channel, EDF+D with mV channels.
CASES = [
    ("sample/chbmit_chb01_03_interictal_0-41s.edf", ["FP1-F7", "CZ-PZ"]),
    ("format/mne_biosemi_test_bdf_stim_channel.bdf", ["C3", "Cz"]),
    ("sample/eegmat_Subject00_1_rest_eyes_closed.edf", ["EEG Fp1", "ECG ECG"]),
    ("format/mne_NihonKohden_MB0400FU_edfplusD.EDF", ["EEG Fp2-Ref", "POL $A2"]),
    ("sample/sleepedf_SC4001E0_first5min.edf", ["EEG Fpz-Cz", "EOG horizontal"]),
]


def main():
    warnings.filterwarnings("ignore")
    rows = []
    kept = {}
    if OUT.exists():  # rows of clips absent here are kept as they are
        with OUT.open() as f:
            for row in list(csv.reader(f))[1:]:
                kept.setdefault(row[0], []).append(tuple(row))
    for name, channels in CASES:
        folder, file = name.split("/", 1)
        path = (SAMPLE if folder == "sample" else VENDOR_CLIPS) / file
        if not path.exists():
            rows.extend(kept.get(name, []))
            continue
        reader = mne.io.read_raw_bdf if path.suffix.lower() == ".bdf" else mne.io.read_raw_edf
        raw = reader(str(path), preload=False, verbose="error", infer_types=False)
        for channel in channels:
            data = raw.get_data(picks=[channel], start=0, stop=N)[0] * 1e6  # V -> uV
            for k, value in enumerate(data):
                rows.append((name, channel, k, repr(float(value))))
    with OUT.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "channel", "sample", "value_uv"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
