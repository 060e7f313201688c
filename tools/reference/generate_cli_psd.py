#!/usr/bin/python3
"""Golden spectra for the `eegtrack psd` tests: scipy.signal.welch on samples read by MNE.

Run with Debian's python3 (python3-scipy, python3-mne). Writes tests/data/cli_psd_*.csv:
one row per frequency up to 40 Hz, one column per channel, µV²/Hz. The parameters are those of
`eegtrack psd` defaults: 2-s Hann segments, 50 % overlap, constant detrend, mean, density.
"""
import pathlib

import mne
import numpy as np
from scipy import signal

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_edf" / "eegmat_Subject00_1_rest_eyes_closed.edf"
OUT = ROOT / "tests" / "data"
FMAX = 40.0


def welch(x, fs):
    n = int(round(2.0 * fs))
    return signal.welch(x, fs=fs, window="hann", nperseg=n, noverlap=n // 2,
                        detrend="constant", average="mean", scaling="density")


def write(path, freqs, labels, psds, comment):
    keep = freqs <= FMAX + 1e-9
    with open(path, "w") as f:
        f.write(f"# {comment}\n")
        f.write("frequency_hz," + ",".join(labels) + "\n")
        for k in np.flatnonzero(keep):
            f.write(repr(float(freqs[k])) + "," +
                    ",".join(repr(float(p[k])) for p in psds) + "\n")


def main():
    raw = mne.io.read_raw_edf(SAMPLE, preload=True, verbose=False)
    fs = raw.info["sfreq"]
    data = raw.get_data() * 1e6  # V -> µV
    names = raw.ch_names

    # Referential, whole recording, two channels.
    labels = ["EEG O1", "EEG Fp1"]
    rows = [data[names.index(l)] for l in labels]
    f, psds = None, []
    for x in rows:
        f, p = welch(x, fs)
        psds.append(p)
    write(OUT / "cli_psd_referential.csv", f, labels, psds,
          f"scipy.signal.welch {SAMPLE.name} whole recording, referential")

    # Window 10-70 s.
    a, b = int(10 * fs), int(70 * fs)
    psds = [welch(x[a:b], fs)[1] for x in rows]
    write(OUT / "cli_psd_window.csv", f, labels, psds,
          f"scipy.signal.welch {SAMPLE.name} 10-70 s, referential")

    # Common average over the 19 scalp channels (A2-A1 and ECG left out), O2 and T3 shown.
    eeg = [n for n in names if n.startswith("EEG ") and n != "EEG A2-A1"]
    stack = np.array([data[names.index(n)] for n in eeg])
    avg = stack - stack.mean(axis=0)
    labels = ["O2-avg", "T7-avg"]
    psds = [welch(avg[eeg.index("EEG O2")], fs)[1], welch(avg[eeg.index("EEG T3")], fs)[1]]
    write(OUT / "cli_psd_average.csv", f, labels, psds,
          f"scipy.signal.welch {SAMPLE.name} whole recording, common average of 19 channels")


def multitaper_golden():
    """Mean of MNE multitaper PSDs over 2-s segments with 1-s steps, 10-40 s of O1 and Fp1."""
    from mne.time_frequency import psd_array_multitaper
    raw = mne.io.read_raw_edf(SAMPLE, preload=True, verbose=False)
    fs = raw.info["sfreq"]
    data = raw.get_data() * 1e6
    labels = ["EEG O1", "EEG Fp1"]
    n, step = int(2 * fs), int(fs)
    a, b = int(10 * fs), int(40 * fs)
    nw = 4.0
    psds = []
    for label in labels:
        x = data[raw.ch_names.index(label)][a:b]
        segs = np.array([x[s:s + n] for s in range(0, len(x) - n + 1, step)])
        p, f = psd_array_multitaper(segs, fs, bandwidth=2 * nw * fs / n, adaptive=False,
                                    low_bias=True, normalization="full", verbose=False)
        psds.append(p.mean(axis=0))
    write(OUT / "cli_psd_multitaper.csv", f, labels, psds,
          f"mne psd_array_multitaper {SAMPLE.name} 10-40 s, 2-s segments, 1-s step, NW 4, "
          "normalization full, eigenvalue weights, mean over segments")


if __name__ == "__main__":
    main()
    multitaper_golden()
