#!/usr/bin/python3
"""Print the tree of an eegtrack HDF5 feature store (docs/hdf5-layout.md) with h5py.

Usage: /usr/bin/python3 tools/reference/check_hdf5.py OUTDIR/<stem>.h5 [--validate]

Every group and dataset is listed with its shape, type, storage (chunks, compression) and
attributes. --validate also checks the layout 1.0 contract: required root attributes, no
patient-identity attributes, and per-epoch arrays whose shapes agree with /epochs and /channels.
Exit status 1 if validation fails. A reference tool, never a runtime dependency.
"""
import sys

import h5py
import numpy as np

REQUIRED_ROOT = ["eegtrack_layout_version", "eegtrack_version", "file_name", "size_bytes",
                 "sha256", "start", "duration_s", "file_type"]
FORBIDDEN_ROOT = ["patient", "patient_name", "patient_code", "patient_id", "birthdate", "sex"]


def short(value, limit=70):
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, np.ndarray):
        value = value.tolist()
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def print_attrs(obj, indent):
    for name in obj.attrs:
        print(f"{indent}  @{name} = {short(obj.attrs[name])}")


def print_tree(group, indent=""):
    for name, obj in group.items():
        if isinstance(obj, h5py.Group):
            print(f"{indent}{name}/")
            print_attrs(obj, indent)
            print_tree(obj, indent + "  ")
        else:
            storage = f"chunks={obj.chunks} {obj.compression or ''}".strip() if obj.chunks else ""
            kind = "str" if h5py.check_string_dtype(obj.dtype) else str(obj.dtype)
            print(f"{indent}{name}  {kind}{list(obj.shape)} {storage}")
            print_attrs(obj, indent)


def _objects(group, prefix=""):
    for name, obj in group.items():
        yield prefix + "/" + name, obj
        if isinstance(obj, h5py.Group):
            yield from _objects(obj, prefix + "/" + name)


def validate(f):
    problems = []
    for name in REQUIRED_ROOT:
        if name not in f.attrs:
            problems.append(f"missing root attribute {name}")
    for name in f.attrs:
        if name.lower() in FORBIDDEN_ROOT:
            problems.append(f"patient identity attribute {name} must not be stored")
    version = f.attrs.get("eegtrack_layout_version")
    if isinstance(version, bytes):  # fixed-length strings (layout 2.0) are read as bytes
        version = version.decode("utf-8", "replace")
    if version not in (None, "1.0", "1.1", "1.2", "2.0"):
        problems.append(f"unknown layout version {version}")
    if version is not None and not version.startswith("1."):
        for name, obj in [("/", f)] + [(k, v) for k, v in _objects(f)]:
            for attr in obj.attrs:
                kind = h5py.check_string_dtype(obj.attrs.get_id(attr).dtype)
                if kind is not None and kind.length is None:
                    problems.append(f"{name} @{attr}: variable-length string (2.0 stores none)")
            if isinstance(obj, h5py.Dataset):
                kind = h5py.check_string_dtype(obj.dtype)
                if kind is not None and kind.length is None:
                    problems.append(f"{name}: variable-length strings (2.0 stores none)")
    n_epochs = f["epochs"].attrs["n_rows"] if "epochs" in f else None
    n_channels = f["channels"].attrs["n_rows"] if "channels" in f else None
    for path in [f"features/{k}" for k in f.get("features", {})] + ["artifacts/mask"]:
        if path in f and n_epochs is not None and n_channels is not None:
            if f[path].shape != (n_epochs, n_channels):
                problems.append(f"{path} has shape {f[path].shape}, not "
                                f"({n_epochs}, {n_channels})")
    if "trends" in f and n_epochs is not None and f["trends"].attrs["n_rows"] != n_epochs:
        problems.append(f"trends has {f['trends'].attrs['n_rows']} rows, not {n_epochs}")
    for path in [f"features/{k}" for k in f.get("features", {})]:
        for attr in ("units", "description"):
            if attr not in f[path].attrs:
                problems.append(f"{path} lacks attribute {attr}")
    return problems


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    with h5py.File(argv[1], "r") as f:
        print(f"{argv[1]}")
        print_attrs(f, "")
        print_tree(f, "  ")
        if "--validate" in argv[2:]:
            problems = validate(f)
            for p in problems:
                print(f"INVALID: {p}")
            print("layout OK" if not problems else f"{len(problems)} problem(s)")
            return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
