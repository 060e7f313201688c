#!/usr/bin/env python3
"""How large and how fast were the seizures the detector found, and those it missed?

    scripts/missed_seizures.py DATA_DIR VALIDATION_DIR

DATA_DIR is the folder given to `scripts/validate seizures` (its ictal windows, <recording>.edf);
VALIDATION_DIR is that run's output folder, whose seizures.tsv says which seizures were found.
For each counted seizure the recording is read with MNE, each derivation kept once (CHB-MIT
holds T8-P8 twice and P7-T7 beside T7-P7), re-referenced to the common average (the view the
detectors analyse), band-passed 1-20 Hz (causal Butterworth, order 2: the seizure detector's
rhythm band) and cut into 2-s windows every 1 s (its rhythm windows). In each window the RMS
of the third-largest channel is taken, because rule (a) needs three channels; the seizure's
figure is the median over its windows, with the share of windows in which three channels reach
the absolute amplitude criterion (45 uV by default). The rhythm of the same three channels is
the lag of the highest autocorrelation peak between the first zero crossing and 1.5 Hz, with
lags of at least 1/14 s (the detector's search); the seizure's frequency is the median over its
windows of the three channels' median, and its rhythmicity the same of the peaks' heights. This
sketches parts of the criterion, not the detector itself.

Needs python3-mne and python3-scipy (Debian packages; development only, never a runtime need).
"""

import argparse
import csv
import pathlib

import mne
import numpy as np
import scipy.signal


def derivations_once(names):
    """Indices of the channels to keep: the first of each unordered electrode pair."""
    kept, seen = [], set()
    for i, name in enumerate(names):
        parts = [p.upper() for p in name.split("-")[:2]]
        key = frozenset(parts)
        if key not in seen:
            seen.add(key)
            kept.append(i)
    return kept


def rhythm(v, fs):
    """(frequency Hz, rhythmicity) of one window, or None when no period lies in the range."""
    n = len(v)
    ac = np.correlate(v, v, "full")[n - 1 :] / np.arange(n, 0, -1)
    ac = ac / ac[0]
    below = np.nonzero(ac[1:] <= 0.0)[0]
    if below.size == 0:
        return None
    low = max(int(fs / 14.0), below[0] + 1)
    high = int(fs / 1.5)
    if low >= high:
        return None
    best = low + int(np.argmax(ac[low : high + 1]))
    return fs / best, ac[best]


def measures(path, absolute_uv):
    raw = mne.io.read_raw_edf(path, preload=True, verbose="ERROR")
    raw.pick("eeg")
    x = raw.get_data()[derivations_once(raw.ch_names)] * 1e6
    fs = raw.info["sfreq"]
    x -= x.mean(axis=0, keepdims=True)
    sos = scipy.signal.butter(2, [1.0, 20.0], "bandpass", fs=fs, output="sos")
    y = scipy.signal.sosfilt(sos, x, axis=1)
    window, step = int(round(2.0 * fs)), int(round(fs))
    thirds, freqs, heights = [], [], []
    for start in range(0, y.shape[1] - window + 1, step):
        seg = y[:, start : start + window]
        seg = seg - seg.mean(axis=1, keepdims=True)
        rms = np.sqrt((seg**2).mean(axis=1))
        thirds.append(np.sort(rms)[-3])
        found = [r for r in (rhythm(seg[c], fs) for c in np.argsort(rms)[-3:]) if r]
        if found:
            freqs.append(np.median([f for f, _ in found]))
            heights.append(np.median([h for _, h in found]))
    thirds = np.array(thirds)
    return (
        float(np.median(thirds)),
        float((thirds >= absolute_uv).mean()),
        float(np.median(freqs)) if freqs else float("nan"),
        float(np.median(heights)) if heights else float("nan"),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=pathlib.Path)
    parser.add_argument("validation_dir", type=pathlib.Path)
    parser.add_argument("--absolute-uv", type=float, default=45.0)
    args = parser.parse_args()
    rows = []
    with open(args.validation_dir / "seizures.tsv", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["counted"] != "yes":
                continue
            m = measures(args.data_dir / (r["recording"] + ".edf"), args.absolute_uv)
            rows.append((r["recording"], r["found"]) + m)
    print(
        "recording\tfound\tthird_channel_rms_uv\twindows_reaching_absolute"
        "\tstrongest_frequency_hz\tstrongest_rhythmicity"
    )
    for rec, found, median_uv, share, hz, height in rows:
        print(f"{rec}\t{found}\t{median_uv:.1f}\t{share:.2f}\t{hz:.1f}\t{height:.2f}")
    for found in ("yes", "no"):
        group = [r for r in rows if r[1] == found]
        if not group:
            continue
        values = [r[2] for r in group]
        below = sum(v < args.absolute_uv for v in values)
        print(
            f"# found={found}: {len(group)} seizures, third channel's RMS median "
            f"{np.median(values):.1f} uV (range {min(values):.1f}-{max(values):.1f}), "
            f"{below} below {args.absolute_uv:g} uV; windows with three channels at "
            f"{args.absolute_uv:g} uV: median {100 * np.median([r[3] for r in group]):.0f} %"
        )


if __name__ == "__main__":
    main()
