#!/usr/bin/python3
"""The MNE recipe of docs/events-and-tables.md, run on real analyze outputs.

Runs `eegtrack analyze` on a recording, then executes the recipe exactly as the document shows
it (the fenced block after the marker <!-- mne-recipe -->, with its example path replaced by the
real one) and checks the annotations it builds against the events of summary.json. Checks too
that MNE's own EDF+ reader reads <stem>.events.edf to the same events, and that the README shows
the same recipe. Exits 77 (a skip for CTest) when Debian's python3-mne is not installed.

usage: mne_recipe_test.py EEGTRACK REPO WORKDIR
"""
import json
import pathlib
import shutil
import subprocess
import sys

SKIP = 77
EXAMPLE_PATH = "out/rec.events.tsv"


def recipe(markdown: str) -> str:
    """The python block that follows the marker."""
    after = markdown.split("<!-- mne-recipe -->", 1)[1]
    block = after.split("```python\n", 1)[1]
    return block.split("```", 1)[0]


def check(condition: bool, message: str) -> None:
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


def main() -> int:
    try:
        import mne  # noqa: F401  (Debian's python3-mne; absent on a plain test machine)
    except ImportError:
        print("SKIP: python3-mne is not installed (scripts/install-deps.sh --reference)")
        return SKIP
    import mne

    eegtrack, repo, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    doc_recipe = recipe((repo / "docs" / "events-and-tables.md").read_text(encoding="utf-8"))
    check(doc_recipe.count("\n") == 3, "the recipe is three lines:\n" + doc_recipe)
    check(doc_recipe in (repo / "README.md").read_text(encoding="utf-8"),
          "README.md shows the recipe of docs/events-and-tables.md")

    # A recording with a seizure and one without any event.
    for name in ("chbmit_chb01_03_seizure_2995-3036s", "eegmat_Subject00_1_rest_eyes_closed"):
        edf = repo / "sample_edf" / (name + ".edf")
        subprocess.run([eegtrack, "analyze", str(edf), "-o", str(work)], check=True,
                       stdout=subprocess.DEVNULL)
        tsv = work / (name + ".events.tsv")
        scope = {}
        exec(doc_recipe.replace(EXAMPLE_PATH, str(tsv)), scope)
        annotations = scope["annotations"]
        events = json.loads((work / (name + ".summary.json")).read_text())["events"]
        check(isinstance(annotations, mne.Annotations), "the recipe builds mne.Annotations")
        check(len(annotations) == len(events), f"{name}: {len(annotations)} annotations, "
              f"{len(events)} events")
        for a, e in zip(annotations, events):
            check(abs(a["onset"] - e["onset_s"]) < 5e-4, f"{name}: onset {a} vs {e}")
            check(abs(a["duration"] - e["duration_s"]) < 5e-4, f"{name}: duration {a} vs {e}")
            check(a["description"] == e["type"], f"{name}: description {a} vs {e}")

        # On the recording: annotations in seconds from its first sample.
        raw = mne.io.read_raw_edf(str(edf), preload=False, verbose="error")
        raw.set_annotations(annotations)
        for a, e in zip(raw.annotations, events):
            check(abs(a["onset"] - raw.first_time - e["onset_s"]) < 5e-4,
                  f"{name}: onset on the raw {a} vs {e}")

        # MNE reads the EDF+ annotation file too (a reader independent of EDFlib and eegtrack).
        edf_annotations = mne.read_annotations(str(work / (name + ".events.edf")))
        if events:
            check(len(edf_annotations) == len(events), f"{name}: EDF+ annotations")
            for a, e in zip(edf_annotations, events):
                check(abs(a["onset"] - e["onset_s"]) < 5e-4, f"{name}: EDF+ onset {a} vs {e}")
                check(abs(a["duration"] - e["duration_s"]) < 5e-4, f"{name}: EDF+ duration")
                check(a["description"].startswith("eegtrack " + e["type"]),
                      f"{name}: EDF+ text {a['description']}")
        else:
            check([a["description"] for a in edf_annotations] == ["eegtrack no events"],
                  f"{name}: one annotation saying there is no event")
        print(f"{name}: {len(events)} event(s) loaded into MNE {mne.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
