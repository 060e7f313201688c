#!/usr/bin/python3
"""Golden data for the eegtrack::dsp filter module (Butterworth/notch design, sosfiltfilt,
resample_poly, hilbert).  Run with Debian's /usr/bin/python3 (scipy 1.10.1, mne 1.3.0):

    /usr/bin/python3 tools/reference/generate_filters.py

Deterministic: seeded noise plus a fixed EEG segment.  Inputs are rounded to 6 decimals before
use so the decimal text in the CSV parses to exactly the doubles SciPy filtered.  Series files
use the long format `series,index,value`; the design file has one row per section.
"""
import os

import mne
import numpy as np
from scipy import signal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "data")
EDF = os.path.join(ROOT, "sample_edf", "eegmat_Subject00_1_rest_eyes_closed.edf")


def eeg_segment(n, start_s=10.0, channel="EEG O1"):
    raw = mne.io.read_raw_edf(EDF, preload=False, verbose=False)
    fs = raw.info["sfreq"]
    start = int(start_s * fs)
    x = raw.get_data(picks=[channel], start=start, stop=start + n)[0] * 1e6  # V -> uV
    return np.round(x, 6), fs


def write_series(name, series):
    with open(os.path.join(OUT, name), "w") as f:
        f.write("series,index,value\n")
        for key, values in series.items():
            for i, v in enumerate(np.asarray(values, dtype=float)):
                f.write(f"{key},{i},{v!r}\n" if key.startswith("x_") else f"{key},{i},{v:.13e}\n")


def design_file():
    rows = []
    cases = []
    for fs in (128.0, 256.0, 500.0, 1000.0):
        for order in (1, 2, 3, 4, 5, 6, 8):
            cases.append(("lowpass", order, 0.0, 0.3 * fs, fs))
            cases.append(("highpass", order, 0.5, 0.0, fs))
            cases.append(("bandpass", order, 1.0, 0.35 * fs, fs))
            cases.append(("bandstop", order, 0.18 * fs, 0.22 * fs, fs))
    cases.append(("bandpass", 4, 0.5, 45.0, 256.0))
    cases.append(("highpass", 7, 0.1, 0.0, 200.0))
    for case, (btype, order, lo, hi, fs) in enumerate(cases):
        wn = {"lowpass": hi, "highpass": lo}.get(btype, [lo, hi])
        sos = signal.butter(order, wn, btype, fs=fs, output="sos")
        for s, sec in enumerate(sos):
            rows.append([case, btype, order, lo, hi, fs, 0.0, s, *sec])
    case = len(cases)
    for f0, q, fs in ((50.0, 30.0, 500.0), (60.0, 30.0, 256.0), (100.0, 35.0, 500.0),
                      (50.0, 10.0, 200.0)):
        b, a = signal.iirnotch(f0, q, fs)
        rows.append([case, "notch", 2, f0, 0.0, fs, q, 0, *b, *a])
        case += 1
    with open(os.path.join(OUT, "filters_design.csv"), "w") as f:
        f.write("case,type,order,low_hz,high_hz,fs_hz,q,section,b0,b1,b2,a0,a1,a2\n")
        for r in rows:
            f.write(",".join([str(r[0]), r[1], str(r[2])] + [repr(float(v)) for v in r[3:7]]
                             + [str(r[7])] + [f"{v:.17e}" for v in r[8:]]) + "\n")


def sosfiltfilt_file(eeg, fs):
    rng = np.random.default_rng(20240601)
    t = np.arange(300) / fs
    synth = np.round(20 * np.sin(2 * np.pi * 10 * t) + 5 * rng.standard_normal(t.size), 6)
    series = {"x_eeg": eeg, "x_synth": synth}
    bp = signal.butter(4, [1.0, 40.0], "bandpass", fs=fs, output="sos")
    hp = signal.butter(2, 0.5, "highpass", fs=fs, output="sos")
    lp = signal.butter(8, 30.0, "lowpass", fs=fs, output="sos")
    b, a = signal.iirnotch(50.0, 30.0, fs)
    notch = np.concatenate([b, a])[None, :]
    series["bp4_1_40_eeg"] = signal.sosfiltfilt(bp, eeg)
    series["hp2_0.5_eeg"] = signal.sosfiltfilt(hp, eeg)
    series["lp8_30_synth"] = signal.sosfiltfilt(lp, synth)
    series["notch50_eeg"] = signal.sosfiltfilt(notch, eeg)
    series["sosfilt_bp4_1_40_eeg"] = signal.sosfilt(bp, eeg)
    write_series("filters_sosfiltfilt.csv", series)


def resample_file(eeg):
    rng = np.random.default_rng(7)
    x200 = np.round(np.sin(2 * np.pi * 7 * np.arange(200) / 200) + 0.3 * rng.standard_normal(200), 6)
    x256 = np.round(eeg[:256], 6)
    series = {"x_eeg500": eeg[:500], "x_eeg256": x256, "x_noise200": x200}
    series["up64_down125_eeg500"] = signal.resample_poly(eeg[:500], 64, 125)
    series["up1_down2_eeg256"] = signal.resample_poly(x256, 1, 2)
    series["up5_down4_noise200"] = signal.resample_poly(x200, 5, 4)
    series["up3_down1_noise200"] = signal.resample_poly(x200[:100], 3, 1)
    write_series("filters_resample.csv", series)


def hilbert_file(eeg):
    rng = np.random.default_rng(11)
    odd = np.round(rng.standard_normal(255) * 3.0 + np.cos(np.arange(255) * 0.3), 6)
    even = eeg[:256]
    write_series("filters_hilbert.csv", {
        "x_even": even, "x_odd": odd,
        "env_even": np.abs(signal.hilbert(even)), "env_odd": np.abs(signal.hilbert(odd)),
        "imag_even": np.imag(signal.hilbert(even)), "imag_odd": np.imag(signal.hilbert(odd)),
    })


def main():
    eeg, fs = eeg_segment(500)
    design_file()
    sosfiltfilt_file(eeg[:300], fs)
    resample_file(eeg)
    hilbert_file(eeg)


if __name__ == "__main__":
    main()
