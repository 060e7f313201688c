#!/usr/bin/python3
"""Golden data for the eegtrack::dsp spectral module (windows, DPSS, Welch, multitaper,
spectrogram).  Run with Debian's /usr/bin/python3 (scipy 1.10.1, mne 1.3.0):

    /usr/bin/python3 tools/reference/generate_spectral.py

Deterministic: seeded numpy noise, sines and 8 s of two channels of a real recording
(eegmat Subject00, eyes closed, in µV).  Every input signal is stored in the file beside the
results, rounded to a few decimals *before* the reference is computed, so the decimal text parses
to exactly the doubles SciPy/MNE saw and the C++ tests need no EDF reader.

Format (tests/data/spectral_*.csv): one row per named vector, `name,v1,v2,...`; a name
`caseN/field` belongs to case N.  Text fields (window, detrend, average) are single values.
Inputs are written exactly (repr or their rounding decimals); results with 13 significant digits,
far below the tested tolerances (1e-9 relative for Welch).
"""
import os

import mne
import numpy as np
from mne.time_frequency import psd_array_multitaper
from scipy import signal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "data")
EDF = os.path.join(ROOT, "sample_edf", "eegmat_Subject00_1_rest_eyes_closed.edf")


class Writer:
    def __init__(self, name):
        self.path = os.path.join(OUT, name)
        self.rows = []

    def text(self, key, value):
        self.rows.append(f"{key},{value}")

    def vec(self, key, values, fmt="{:.12e}"):
        values = np.atleast_1d(np.asarray(values, dtype=float))
        self.rows.append(key + "," + ",".join(fmt.format(float(v)) for v in values))

    def close(self):
        with open(self.path, "w") as f:
            f.write("\n".join(self.rows) + "\n")
        print(f"{self.path}: {os.path.getsize(self.path)} bytes")


def synthetic(n, fs, seed):
    rng = np.random.default_rng(seed)
    t = np.arange(n) / fs
    x = 2.0 * rng.standard_normal(n) + 3.0 * np.sin(2 * np.pi * 10.3 * t) + 0.5 + 0.4 * t
    return np.round(x, 6)


def eeg_segment():
    raw = mne.io.read_raw_edf(EDF, preload=False, verbose=False)
    fs = raw.info["sfreq"]
    start = int(10.0 * fs)
    x = raw.get_data(picks=["EEG O1", "EEG Fz"], start=start, stop=start + int(8 * fs)) * 1e6
    return np.round(x, 4), fs


def windows_file():
    w = Writer("spectral_windows.csv")
    case = 0
    for kind in ["hann", "hamming", "blackman", "boxcar"]:
        for n in [1, 2, 9, 16]:
            for periodic in [False, True]:
                w.text(f"case{case}/window", kind)
                w.vec(f"case{case}/n", [n])
                w.vec(f"case{case}/periodic", [int(periodic)])
                w.vec(f"case{case}/w", signal.get_window(kind, n, fftbins=periodic), "{!r}")
                case += 1
    w.close()


WELCH_CASES = [
    # window, nperseg, noverlap, detrend, average, nfft
    ("hann", 200, 100, "constant", "mean", None),
    ("hamming", 128, 64, "linear", "mean", None),
    ("blackman", 127, 63, False, "median", None),
    ("boxcar", 100, 0, "constant", "median", None),
    ("hann", 150, 75, "constant", "mean", 256),
    ("hann", 101, 50, "linear", "median", 151),
    ("hamming", 1500, 0, "constant", "mean", None),
    ("hann", 333, 111, "constant", "mean", None),
]


def welch_case(w, case, x, fs, params, signal_name):
    window, nperseg, noverlap, detrend, average, nfft = params
    f, p = signal.welch(x, fs, window=window, nperseg=nperseg, noverlap=noverlap, nfft=nfft,
                        detrend=detrend, average=average, scaling="density")
    w.text(f"case{case}/signal", signal_name)
    w.text(f"case{case}/window", window)
    w.text(f"case{case}/detrend", detrend if detrend else "none")
    w.text(f"case{case}/average", average)
    w.vec(f"case{case}/fs", [fs])
    w.vec(f"case{case}/nperseg", [nperseg])
    w.vec(f"case{case}/noverlap", [noverlap])
    w.vec(f"case{case}/nfft", [nfft if nfft else 0])
    w.vec(f"case{case}/f", f, "{!r}")
    w.vec(f"case{case}/psd", p)


def welch_file():
    w = Writer("spectral_welch.csv")
    fs = 100.0
    x = synthetic(1500, fs, 1)
    w.vec("signal/noise_sine", x, "{!r}")
    for case, params in enumerate(WELCH_CASES):
        welch_case(w, case, x, fs, params, "noise_sine")
    w.close()


def eeg_file():
    x, fs = eeg_segment()
    inp = Writer("spectral_eeg_input.csv")
    inp.vec("fs", [fs], "{!r}")
    inp.vec("signal/o1", x[0], "{:.4f}")
    inp.vec("signal/fz", x[1], "{:.4f}")
    inp.close()
    w = Writer("spectral_eeg.csv")
    welch_case(w, 0, x[0], fs, ("hann", 1000, 500, "constant", "mean", None), "o1")
    welch_case(w, 1, x[1], fs, ("hamming", 512, 256, "linear", "median", 1024), "fz")
    # Multitaper on the first 2 s, NW = 4 (MNE's default bandwidth): plain on O1, adaptive on Fz.
    for case, (ch, name, adaptive) in enumerate([(0, "o1", False), (1, "fz", True)]):
        seg = x[ch][:1000]
        p, f = psd_array_multitaper(seg, fs, adaptive=adaptive, normalization="length",
                                    verbose=False)
        w.text(f"mt{case}/signal", name)
        w.vec(f"mt{case}/n", [len(seg)])
        w.vec(f"mt{case}/fs", [fs])
        w.vec(f"mt{case}/nw", [4.0])
        w.vec(f"mt{case}/adaptive", [int(adaptive)])
        w.vec(f"mt{case}/full", [0])
        w.vec(f"mt{case}/f", f, "{!r}")
        w.vec(f"mt{case}/psd", p)
    w.close()


def dpss_file():
    w = Writer("spectral_dpss.csv")
    for case, (m, nw, k, sym) in enumerate([(64, 2.5, 5, True), (101, 4.0, 8, False),
                                            (128, 3.0, 6, True), (20, 1.0, 3, True)]):
        tapers, ratios = signal.windows.dpss(m, nw, k, sym=sym, return_ratios=True)
        w.vec(f"case{case}/m", [m])
        w.vec(f"case{case}/nw", [nw])
        w.vec(f"case{case}/k", [k])
        w.vec(f"case{case}/periodic", [int(not sym)])
        w.vec(f"case{case}/ratios", ratios)
        for i, taper in enumerate(tapers):
            w.vec(f"case{case}/taper{i}", taper)
    w.close()


def multitaper_file():
    w = Writer("spectral_multitaper.csv")
    fs = 100.0
    x = synthetic(600, fs, 2)
    w.vec("signal/noise_sine", x, "{!r}")
    cases = [(500, 4.0, False, "length"), (500, 4.0, True, "length"), (333, 2.0, True, "full"),
             (600, 1.5, True, "length"), (400, 3.0, False, "full"), (256, 0.5, False, "full")]
    for case, (n, nw, adaptive, norm) in enumerate(cases):
        bandwidth = 2.0 * nw * fs / n
        # MNE derives half_nbw = bandwidth * n / (2 fs); make sure that round trip is exact so
        # the number of tapers int(2 NW) is the intended one.
        assert bandwidth * n / (2.0 * fs) == nw, (n, nw)
        p, f = psd_array_multitaper(x[:n], fs, bandwidth=bandwidth, adaptive=adaptive,
                                    normalization=norm, verbose=False)
        w.text(f"mt{case}/signal", "noise_sine")
        w.vec(f"mt{case}/n", [n])
        w.vec(f"mt{case}/fs", [fs])
        w.vec(f"mt{case}/nw", [nw])
        w.vec(f"mt{case}/adaptive", [int(adaptive)])
        w.vec(f"mt{case}/full", [int(norm == "full")])
        w.vec(f"mt{case}/f", f, "{!r}")
        w.vec(f"mt{case}/psd", p)
    w.close()


def spectrogram_file():
    w = Writer("spectral_spectrogram.csv")
    fs = 64.0
    x = synthetic(1000, fs, 3)
    w.vec("signal/noise_sine", x, "{!r}")
    # One periodogram per window: scipy.signal.spectrogram.
    f, t, s = signal.spectrogram(x, fs, window="hann", nperseg=128, noverlap=64,
                                 detrend="constant", scaling="density", mode="psd")
    w.vec("case0/window_samples", [128])
    w.vec("case0/step_samples", [64])
    w.vec("case0/segment_samples", [128])
    w.vec("case0/f", f, "{!r}")
    w.vec("case0/t", t, "{!r}")
    for j in range(s.shape[1]):
        w.vec(f"case0/col{j}", s[:, j])
    # Welch inside each window (window 256, step 200, 64-sample segments, 50 % overlap).
    starts = range(0, len(x) - 256 + 1, 200)
    w.vec("case1/window_samples", [256])
    w.vec("case1/step_samples", [200])
    w.vec("case1/segment_samples", [64])
    for j, s0 in enumerate(starts):
        f, p = signal.welch(x[s0:s0 + 256], fs, window="hann", nperseg=64, noverlap=32)
        w.vec(f"case1/col{j}", p)
    w.vec("case1/f", f, "{!r}")
    w.close()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    windows_file()
    welch_file()
    eeg_file()
    dpss_file()
    multitaper_file()
    spectrogram_file()
