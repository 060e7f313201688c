#!/usr/bin/python3
"""The MNE-Python pipeline that `eegtrack analyze --no-detect` is compared with.

It computes what a research team would compute with MNE for a background (no detection) qEEG
of one recording: read the EDF (preloaded), band-pass 0.5-45 Hz (FIR, MNE's default design),
cut 4-s epochs, Welch power per epoch and channel (2-s Hann segments, 50 % overlap, as
eegtrack's epochs), and absolute and relative band powers (delta, theta, alpha, beta) per epoch
and channel, written to a .npz so that the work cannot be skipped. Run by
scripts/bench_vs_mne.sh under /usr/bin/time; needs Debian's python3-mne (never a runtime
dependency of eegtrack).

    /usr/bin/python3 bench/mne_background.py RECORDING.edf OUT.npz
"""
import sys

import mne
import numpy as np

BANDS = {"delta": (1.0, 4.0), "theta": (4.0, 8.0), "alpha": (8.0, 13.0), "beta": (13.0, 30.0)}


def main():
    path, out = sys.argv[1], sys.argv[2]
    mne.set_log_level("ERROR")
    raw = mne.io.read_raw_edf(path, preload=True)
    raw.filter(0.5, 45.0, n_jobs=1)
    epochs = mne.make_fixed_length_epochs(raw, duration=4.0, preload=True)
    fs = raw.info["sfreq"]
    spectrum = epochs.compute_psd(method="welch", fmin=0.5, fmax=45.0, n_fft=int(2 * fs),
                                  n_overlap=int(fs), n_per_seg=int(2 * fs), window="hann")
    psd, freqs = spectrum.get_data(return_freqs=True)  # epochs x channels x freqs
    df = freqs[1] - freqs[0]
    total = psd.sum(axis=-1) * df
    absolute = {}
    for name, (lo, hi) in BANDS.items():
        sel = (freqs >= lo) & (freqs < hi)
        absolute[name] = psd[..., sel].sum(axis=-1) * df
    relative = {k: v / total for k, v in absolute.items()}
    np.savez(out, freqs=freqs, **{f"abs_{k}": v for k, v in absolute.items()},
             **{f"rel_{k}": v for k, v in relative.items()})
    print(f"{path}: {len(epochs)} epochs x {len(raw.ch_names)} channels")


if __name__ == "__main__":
    main()
