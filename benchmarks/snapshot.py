#!/usr/bin/env python3
"""Prove that a change left ocrfix's output alone: a fingerprint of what the default pipeline
makes of every corpus file, saved before the change and checked after it.

Usage::

    python benchmarks/snapshot.py save  [--file SNAPSHOT] [--un N]   # before the change
    python benchmarks/snapshot.py check [--file SNAPSHOT] [--un N]   # after: exit 1 if any differs

A file's fingerprint covers the fixed text and every edit (span, replacement, fixer), so a
speed-up that is meant to change nothing can be shown to change nothing, byte for byte, on
the corpus pages of every OCR level, the seed and the clean English texts. (Reasons and
confidences are left out: rewording a reason is no change of output.) ``--un N`` adds the first
N born-digital UN resolutions of ``../shared/un-documents/text`` (their "text" field), when
that folder is there: clean text, which the fast paths are about.
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
UN_TEXTS = REPO.parent / "shared" / "un-documents" / "text"
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


def un_texts(count: int) -> list[Path]:
    """The first ``count`` UN resolutions of ``../shared`` (none when the folder is absent)."""
    if count <= 0 or not UN_TEXTS.is_dir():
        return []
    return sorted(UN_TEXTS.glob("A_RES_*.json"))[:count]


def _digest(pipeline: ocrfix.Pipeline, text: str) -> str:
    """The SHA-1 of what ``pipeline`` makes of ``text``: the fixed text and every edit."""
    result = pipeline.fix_and_explain(text)
    edits = [(e.start, e.end, e.after, e.fixer) for e in result.edits]
    return hashlib.sha1((result.text + "\0" + repr(edits)).encode("utf-8")).hexdigest()


def fingerprints(files: Sequence[Path]) -> dict[str, str]:
    """Each file (relative to ``corpora/``) with the SHA-1 of its fixed text and edits."""
    pipeline = ocrfix.Pipeline()
    return {
        str(path.relative_to(CORPORA)): _digest(pipeline, path.read_text(encoding="utf-8"))
        for path in files
    }


def un_fingerprints(paths: Sequence[Path]) -> dict[str, str]:
    """Each UN resolution ('un/<file name>') with the SHA-1 of its fixed text and edits."""
    pipeline = ocrfix.Pipeline()
    return {
        f"un/{path.name}": _digest(pipeline, json.loads(path.read_text(encoding="utf-8"))["text"])
        for path in paths
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE, help="the snapshot (JSON)")
    ap.add_argument(
        "--un",
        type=int,
        default=0,
        metavar="N",
        help=f"also the first N UN resolutions of {UN_TEXTS} (skipped when it is absent)",
    )
    args = ap.parse_args(argv)
    files = corpus_files()
    if not files:
        print(f"snapshot.py: error: no corpus files under {CORPORA}", file=sys.stderr)
        return 2
    un = un_texts(args.un)
    if args.un > 0 and not un:
        print(f"snapshot.py: no UN texts in {UN_TEXTS}: only the corpus files", file=sys.stderr)
    if args.action == "save":
        found = fingerprints(files) | un_fingerprints(un)
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
    found = fingerprints(files) | un_fingerprints(un)
    names = saved.keys() | found.keys()
    differ = sorted(name for name in names if saved.get(name) != found.get(name))
    print(f"{len(found)} files, {len(differ)} differ from {args.file}")
    for name in differ:
        print(f"  {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
