#!/usr/bin/env python3
"""Prove that a change left ocrfix's output alone: a fingerprint of what the default pipeline
makes of every corpus file, saved before the change and checked after it.

Usage::

    python benchmarks/snapshot.py save  [--file SNAPSHOT]   # before the change
    python benchmarks/snapshot.py check [--file SNAPSHOT]   # after it: exit 1 if any differs

A file's fingerprint covers the fixed text and every edit (span, replacement, fixer), so a
speed-up that is meant to change nothing can be shown to change nothing, byte for byte, on
the corpus pages of every OCR level, the seed and the clean English texts. (Reasons and
confidences are left out: rewording a reason is no change of output.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: import the ocrfix of this repository
    sys.path.insert(0, str(REPO))

import ocrfix  # noqa: E402

CORPORA = REPO / "corpora"
DEFAULT_FILE = REPO / "benchmarks" / "out" / "snapshot.json"


def corpus_files() -> list[Path]:
    """The OCR pages of every level (the team's, and the real pages when they were built),
    the seed sample and the clean English texts."""
    return sorted(
        [
            *(CORPORA / "pages").glob("*.ocr.txt"),
            *(CORPORA / "real").glob("*.ocr.txt"),
            *(CORPORA / "seed").glob("*.txt"),
            *(CORPORA / "clean").glob("*.txt"),
        ]
    )


def fingerprints(files: Sequence[Path]) -> dict[str, str]:
    """Each file (relative to ``corpora/``) with the SHA-1 of its fixed text and edits."""
    pipeline = ocrfix.Pipeline()
    out = {}
    for path in files:
        result = pipeline.fix_and_explain(path.read_text(encoding="utf-8"))
        edits = [(e.start, e.end, e.after, e.fixer) for e in result.edits]
        digest = hashlib.sha1((result.text + "\0" + repr(edits)).encode("utf-8"))
        out[str(path.relative_to(CORPORA))] = digest.hexdigest()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE, help="the snapshot (JSON)")
    args = ap.parse_args(argv)
    files = corpus_files()
    if not files:
        print(f"snapshot.py: error: no corpus files under {CORPORA}", file=sys.stderr)
        return 2
    if args.action == "save":
        found = fingerprints(files)
        args.file.parent.mkdir(parents=True, exist_ok=True)
        args.file.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"saved the output of {len(found)} files: {args.file}")
        return 0
    try:
        saved = json.loads(args.file.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        message = f"cannot read {args.file} ({exc}); run save first"
        print(f"snapshot.py: error: {message}", file=sys.stderr)
        return 2
    found = fingerprints(files)
    names = saved.keys() | found.keys()
    differ = sorted(name for name in names if saved.get(name) != found.get(name))
    print(f"{len(found)} files, {len(differ)} differ from {args.file}")
    for name in differ:
        print(f"  {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
