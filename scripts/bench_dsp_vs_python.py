#!/usr/bin/python3
"""Per-epoch Welch PSD throughput: eegtrack (bench/epoch_psd_tool) vs SciPy and MNE.

The same computation everywhere: synthetic 21-channel 256-Hz data held in memory, 4-s epochs,
Welch with 2-s Hann segments (n_fft = 512), 50 % overlap (256 samples), constant detrend (MNE:
its default), mean over segments, single-threaded.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \\
        /usr/bin/python3 scripts/bench_dsp_vs_python.py --hours 1 \\
        --tool build/<dir>/bench/epoch_psd_tool

(OPENBLAS_CORETYPE/L2_SIZE are set on some machines of this workplace for correctness of old
OpenBLAS builds and slow current numpy down; unset them for this timing command only.)
Python is timed on --hours of data (1 h by default: 24 h of float64 is 3.7 GB, and MNE copies it);
the tool is run on the same hours and on --tool-hours (24 by default), and throughput is compared
per hour of recording in CPU seconds (process time), which a busy shared machine distorts less
than wall time. Both are printed.
"""
import argparse
import re
import subprocess
import time

import numpy as np


def synthetic(hours, channels=21, fs=256.0, seed=20240521):
    n = int(round(hours * 3600 * fs))
    rng = np.random.default_rng(seed)
    t = np.arange(n) / fs
    return 10.0 * rng.standard_normal((channels, n)) + 20.0 * np.sin(2 * np.pi * 10.0 * t)


def timed(label, func, repeats=3):
    best_wall, best_cpu = np.inf, np.inf
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        out = func()
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"{label:<34s} wall {best_wall:8.3f} s   cpu {best_cpu:8.3f} s")
    return out, best_cpu


def run_tool(tool, hours):
    out = subprocess.run([tool, str(hours)], check=True, capture_output=True, text=True).stdout
    cpu = float(re.search(r"cpu_s ([0-9.]+)", out).group(1))
    wall = float(re.search(r"elapsed_s ([0-9.]+)", out).group(1))
    print(f"{'eegtrack epoch_welch_psd ' + str(hours) + ' h':<34s} wall {wall:8.3f} s   "
          f"cpu {cpu:8.3f} s")
    return cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=1.0)
    parser.add_argument("--tool", default="build/bench/bench/epoch_psd_tool")
    parser.add_argument("--tool-hours", type=float, default=24.0)
    args = parser.parse_args()

    import mne
    import scipy
    from scipy import signal
    from mne.time_frequency import psd_array_welch
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
        for pool in threadpool_info():
            print(f"threadpool: {pool.get('internal_api')} {pool.get('architecture')} "
                  f"threads={pool.get('num_threads')}")
        threadpool_limits(1)
    except ImportError:
        pass
    print(f"numpy {np.__version__}, scipy {scipy.__version__}, mne {mne.__version__}")

    fs = 256.0
    x = synthetic(args.hours, fs=fs)
    n_epoch = int(4 * fs)
    n_epochs = x.shape[1] // n_epoch
    epochs = np.ascontiguousarray(
        x[:, :n_epochs * n_epoch].reshape(x.shape[0], n_epochs, n_epoch).transpose(1, 0, 2))
    print(f"data: {args.hours} h, {x.shape[0]} channels, {fs} Hz, {n_epochs} epochs of 4 s")

    (_, p_scipy), cpu_scipy = timed(
        "scipy.signal.welch (vectorised)",
        lambda: signal.welch(epochs, fs, window="hann", nperseg=512, noverlap=256,
                             detrend="constant", average="mean", axis=-1))
    (p_mne, _), cpu_mne = timed(
        "mne psd_array_welch",
        lambda: psd_array_welch(epochs, fs, n_fft=512, n_overlap=256, n_per_seg=512,
                                window="hann", average="mean", n_jobs=1, verbose=False))
    info = mne.create_info(x.shape[0], fs, "eeg")
    ep = mne.EpochsArray(epochs, info, verbose=False)
    _, cpu_epochs = timed(
        "mne Epochs.compute_psd('welch')",
        lambda: ep.compute_psd(method="welch", n_fft=512, n_overlap=256, window="hann",
                               n_jobs=1, verbose=False).get_data(), repeats=1)
    print(f"max |scipy - mne| / max = {np.abs(p_scipy - p_mne).max() / p_scipy.max():.2e}")

    cpu_cpp = run_tool(args.tool, args.hours)
    cpu_cpp_long = run_tool(args.tool, args.tool_hours) if args.tool_hours != args.hours else None
    per_hour = lambda cpu, hours: cpu / hours  # noqa: E731
    print("\nCPU seconds per hour of 21-channel recording:")
    print(f"  eegtrack  {per_hour(cpu_cpp, args.hours):.4f}")
    if cpu_cpp_long is not None:
        print(f"  eegtrack  {per_hour(cpu_cpp_long, args.tool_hours):.4f} "
              f"(on {args.tool_hours} h: {cpu_cpp_long:.2f} s in all)")
    for name, cpu in [("scipy", cpu_scipy), ("mne psd_array_welch", cpu_mne),
                      ("mne Epochs.compute_psd", cpu_epochs)]:
        print(f"  {name:<24s}{per_hour(cpu, args.hours):.4f}   "
              f"ratio {cpu / cpu_cpp:.1f}x eegtrack")


if __name__ == "__main__":
    main()
