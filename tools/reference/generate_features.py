#!/usr/bin/python3
"""Golden data for eegtrack::features spectral features and the aperiodic fit.  Run with
Debian's /usr/bin/python3 (scipy 1.10.1, numpy, mne 1.3.0):

    /usr/bin/python3 tools/reference/generate_features.py

Spectra: scipy.signal.welch (2-s Hann segments, 50% overlap) of the first 60 s of five
channels of the shipped eyes-closed recording, plus one slowed spectrum (the O1 spectrum with
its frequency axis scaled by 1/2), kept at 0-45 Hz and rounded to 9 significant digits so the
CSV text parses to exactly the values used here.  Features are computed by independent numpy /
scipy code written from the definitions in docs/qeeg-features.md; the aperiodic fit re-implements
FOOOF's robust_ap_fit ('fixed' mode) with scipy.optimize.curve_fit as FOOOF does.
Symmetry (spectrum "symmetry"): left = O1, T3 and right = O2, T4 (pairs O1-O2, T3-T4).
Outputs tests/data/features_spectra.csv (spectrum,frequency_hz,psd_uv2_per_hz) and
tests/data/features_expected.csv (spectrum,feature,value).
"""
import os

import mne
import numpy as np
from scipy import integrate, optimize, signal, stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "data")
EDF = os.path.join(ROOT, "sample_edf", "eegmat_Subject00_1_rest_eyes_closed.edf")
BANDS = [("delta", 1, 4), ("theta", 4, 8), ("alpha", 8, 13), ("beta", 13, 30)]


def spectra():
    raw = mne.io.read_raw_edf(EDF, preload=False, verbose=False)
    fs = raw.info["sfreq"]
    out = {}
    for name in ["EEG O1", "EEG O2", "EEG Fz", "EEG T3", "EEG T4"]:
        x = raw.get_data(picks=[name], start=0, stop=int(60 * fs))[0] * 1e6
        f, p = signal.welch(x, fs, window="hann", nperseg=int(2 * fs))
        keep = f <= 45.0
        out[name.split()[1]] = (f[keep], np.array([float("%.9g" % v) for v in p[keep]]))
    f, p = out["O1"]
    out["O1_slowed"] = (f, np.array([float("%.9g" % v) for v in np.interp(2 * f, f, p)]))
    return out


def nodes(f, p, lo, hi):
    inner = (f > lo) & (f < hi)
    x = np.concatenate([[lo], f[inner], [hi]])
    return x, np.interp(x, f, p)


def band_power(f, p, lo, hi):
    x, y = nodes(f, p, lo, hi)
    return np.trapz(y, x)


def sef(f, p, frac, lo=1.0, hi=30.0):
    x, y = nodes(f, p, lo, hi)
    cum = integrate.cumulative_trapezoid(y, x, initial=0.0)
    return float(np.interp(frac * cum[-1], cum, x))


def entropy(f, p, lo=1.0, hi=30.0):
    q = p[(f >= lo) & (f <= hi)]
    return stats.entropy(q / q.sum()) / np.log(len(q))


def peak(f, p, lo=1.0, hi=30.0):
    idx = np.flatnonzero((f >= lo) & (f <= hi))
    k = idx[np.argmax(p[idx])]
    a, b, c = np.log10(p[k - 1 : k + 2])
    if a - 2 * b + c < 0 and b >= a and b >= c:
        return float(np.clip(f[k] + 0.5 * (a - c) / (a - 2 * b + c) * (f[1] - f[0]), lo, hi))
    return float(f[k])


def aperiodic(f, p, lo=2.0, hi=40.0, perc=0.025):
    m = (f >= lo) & (f <= hi)
    freqs, logp = f[m], np.log10(p[m])
    fixed = lambda x, b, chi: b - np.log10(x ** chi)  # FOOOF expo_nk_function
    guess = [logp[0], 1.0]
    popt, _ = optimize.curve_fit(fixed, freqs, logp, p0=guess)
    flat = logp - fixed(freqs, *popt)
    flat[flat < 0] = 0
    mask = flat <= np.percentile(flat, perc)
    popt, _ = optimize.curve_fit(fixed, freqs[mask], logp[mask], p0=popt)
    res = logp - fixed(freqs, *popt)
    r2 = 1 - np.sum(res ** 2) / np.sum((logp - logp.mean()) ** 2)
    fl = logp[mask]
    r2_floor = 1 - np.sum(res[mask] ** 2) / np.sum((fl - fl.mean()) ** 2)
    return {"aperiodic_offset": popt[0], "aperiodic_exponent": popt[1], "aperiodic_r2": r2,
            "aperiodic_floor_r2": r2_floor, "aperiodic_mae": np.mean(np.abs(res)),
            "aperiodic_floor_bins": int(mask.sum())}


def features(f, p):
    total = band_power(f, p, 1.0, 30.0)
    out = {"total_power": total, "rms": np.sqrt(total)}
    power = {}
    for name, lo, hi in BANDS:
        power[name] = band_power(f, p, lo, hi)
        out["abs_" + name] = power[name]
        out["rel_" + name] = power[name] / total
    out["dar"] = power["delta"] / power["alpha"]
    out["tar"] = power["theta"] / power["alpha"]
    out["dtabr"] = (power["delta"] + power["theta"]) / (power["alpha"] + power["beta"])
    for frac, key in [(0.5, "sef50"), (0.9, "sef90"), (0.95, "sef95")]:
        out[key] = sef(f, p, frac)
    out["peak"] = peak(f, p)
    out["entropy"] = entropy(f, p)
    out.update(aperiodic(f, p))
    return out


def bsi(f, right, left, lo, hi, half_open=False):
    m = (f >= lo) & ((f < hi) if half_open else (f <= hi))
    return float(np.mean(np.abs((right[m] - left[m]) / (right[m] + left[m]))))


def symmetry(data):
    f = data["O1"][0]
    left = (data["O1"][1] + data["T3"][1]) / 2
    right = (data["O2"][1] + data["T4"][1]) / 2
    out = {"bsi": bsi(f, right, left, 1, 25)}
    pairs = [("O2", "O1"), ("T4", "T3")]
    out["pdbsi"] = np.mean([bsi(f, data[r][1], data[l][1], 1, 25) for r, l in pairs])
    for name, lo, hi in BANDS:
        out["bsi_" + name] = bsi(f, right, left, lo, hi, True)
        out["pdbsi_" + name] = np.mean([bsi(f, data[r][1], data[l][1], lo, hi, True) for r, l in pairs])
        pr, pl = band_power(f, right, lo, hi), band_power(f, left, lo, hi)
        out["signed_" + name] = (pr - pl) / (pr + pl)
        for region, r, l in [("occipital", "O2", "O1"), ("temporal", "T4", "T3")]:
            pr, pl = band_power(f, data[r][1], lo, hi), band_power(f, data[l][1], lo, hi)
            out[region + "_" + name] = (pr - pl) / (pr + pl)
    for region, r, l in [("occipital", "O2", "O1"), ("temporal", "T4", "T3")]:
        slow = lambda ch: band_power(f, data[ch][1], 1, 4) + band_power(f, data[ch][1], 4, 8)
        out[region + "_slow"] = (slow(r) - slow(l)) / (slow(r) + slow(l))
    return out


def main():
    data = spectra()
    with open(os.path.join(OUT, "features_spectra.csv"), "w") as fh:
        fh.write("spectrum,frequency_hz,psd_uv2_per_hz\n")
        for name, (f, p) in data.items():
            for fi, pi in zip(f, p):
                fh.write("%s,%.4f,%.9g\n" % (name, fi, pi))
    with open(os.path.join(OUT, "features_expected.csv"), "w") as fh:
        fh.write("spectrum,feature,value\n")
        for name, (f, p) in data.items():
            for key, value in features(f, p).items():
                fh.write("%s,%s,%.17g\n" % (name, key, value))
        for key, value in symmetry(data).items():
            fh.write("symmetry,%s,%.17g\n" % (key, value))


if __name__ == "__main__":
    main()
