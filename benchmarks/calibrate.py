"""Calibrate the noisy-channel scorer's weights and threshold on the training pairs only.

Runs the full pipeline on the train split of the real-page corpus and the team's pages (the
pages rules were tuned on; never the dev split) once per setting of the character-confusion
fixer's scorer, and prints fixed and broken tokens as the setting moves: the table the
defaults in ``ocrfix.noisy_channel.Weights`` were read from.

    python benchmarks/calibrate.py                       # the default grid
    python benchmarks/calibrate.py --grid threshold=0.5,0.8,0.95 unknown_prior=2,4,6
    python benchmarks/calibrate.py --grid real_words.channel=0,8 real_words.min_ratio=100,1000
    python benchmarks/calibrate.py --reliability dev     # is an edit's confidence its precision?

An option without a fixer's name is the character-confusion fixer's; ``model=FILE`` scores
another confusion table.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy
import scoring
import train_model

import ocrfix
from ocrfix.calibration import edit_rightness

FIXER = "character_confusions"
DEFAULT_GRID = {"threshold": [0.5, 0.8, 0.9, 0.95, 0.99]}
_pairs: list[accuracy.Pair] = []


def _init(limit: int | None) -> None:
    # (The splits the shipped model was trained on: never the dev split.)
    _pairs.extend(accuracy.select(train_model.training_pairs(), None, limit))


def _score(setting: tuple[tuple[str, Any], ...]) -> dict[str, Counter[str]]:
    config: dict[str, dict[str, Any]] = {}
    model = None
    for name, value in setting:
        if name == "model":
            model = value
            continue
        fixer, _, option = name.rpartition(".")
        config.setdefault(fixer or FIXER, {})[option] = value
    pipe = ocrfix.Pipeline(config=config, model=model)
    by_level: dict[str, Counter[str]] = {}
    for p in _pairs:
        out = pipe.fix(p.ocr)
        counts = by_level.setdefault(f"{p.split} {p.level}", Counter())
        for t in scoring.token_outcomes(p.gt, p.ocr, out):
            counts[t.status] += 1
            if t.status == scoring.FIXED and t.error_class == "character":
                counts["char fixed"] += 1
            if t.error_class == "character" and t.status != scoring.BROKEN:
                counts["char wrong"] += 1
    return by_level


def _parse(items: list[str]) -> dict[str, list[Any]]:
    grid: dict[str, list[Any]] = {}
    for item in items:
        name, _, values = item.partition("=")
        grid[name] = [v if name == "model" else float(v) for v in values.split(",")]
    return grid


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--grid", nargs="*", default=[], help="NAME=V1,V2,... per scorer option")
    ap.add_argument("--limit", type=int, help="at most N pairs per group")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--reliability",
        metavar="SPLIT",
        help="instead: how often the word scorer's edits are right, by their confidence, on "
        "the real pages of SPLIT (dev: the pages nobody tuned on; train)",
    )
    args = ap.parse_args(argv)
    if args.reliability:
        return reliability(args.reliability)
    grid = _parse(args.grid) if args.grid else DEFAULT_GRID
    settings = [tuple(zip(grid, values)) for values in itertools.product(*grid.values())]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs, initializer=_init, initargs=(args.limit,)) as pool:
        results = list(pool.map(_score, settings))
    order = ["light", "medium", "heavy"]
    levels = sorted(
        {k for r in results for k in r},
        key=lambda k: (k.split()[0], order.index(k.split()[1]) if k.split()[1] in order else 9),
    )
    print(
        "| "
        + " | ".join(grid)
        + " | "
        + " | ".join(f"{lv}: fixed / char % / broken per 10k" for lv in levels)
        + " |"
    )
    for setting, result in zip(settings, results):
        cells = []
        for lv in levels:
            c = result[lv]
            right_ocr = c[scoring.RIGHT] + c[scoring.BROKEN]
            per10k = 10_000 * c[scoring.BROKEN] / max(right_ocr, 1)
            char = 100 * c["char fixed"] / max(c["char wrong"], 1)
            cells.append(f"{c[scoring.FIXED]} / {char:.1f} / {per10k:.1f}")
        print("| " + " | ".join(str(v) for _, v in setting) + " | " + " | ".join(cells) + " |")
    print(f"{len(settings)} settings in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


#: Confidence bins of the reliability table.
BINS = (0.0, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.01)


def reliability(split: str) -> int:
    """Print the share of the character-confusion edits that write the ground truth's word,
    by the edit's confidence, on the real pages of ``split`` (every level and segmentation)."""
    found, _ = accuracy.load_pages(accuracy.DEFAULT_REAL_CORPUS, split)
    pairs = [p for p in found if p.split == split]
    if not pairs:
        print(f"no {split} pairs in {accuracy.DEFAULT_REAL_CORPUS}", file=sys.stderr)
        return 1
    pipe = ocrfix.Pipeline()
    tally = [[0, 0] for _ in BINS[:-1]]  # [right, judged] per bin
    unjudged = 0
    for p in pairs:
        edits = [e for e in pipe.fix_and_explain(p.ocr).edits if e.fixer == FIXER]
        right = edit_rightness(p.gt, p.ocr, [(e.start, e.end, e.after) for e in edits])
        for e, ok in zip(edits, right):
            if ok is None:
                unjudged += 1
                continue
            k = next(i for i in range(len(BINS) - 1) if e.confidence < BINS[i + 1])
            tally[k][0] += ok
            tally[k][1] += 1
    print(f"{FIXER} edits on the {split} real pages ({len(pairs)} pairs), by confidence:")
    print("| confidence | edits | right | share right |")
    print("| --- | ---: | ---: | ---: |")
    for (low, high), (ok, n) in zip(itertools.pairwise(BINS), tally):
        if n:
            print(f"| {low:.2f} to {min(high, 1.0):.2f} | {n} | {ok} | {ok / n:.2f} |")
    total_ok, total = sum(t[0] for t in tally), sum(t[1] for t in tally)
    print(f"| all | {total} | {total_ok} | {total_ok / max(total, 1):.2f} |")
    print(f"({unjudged} edits spanning tokens or without one aligned GT token not judged)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
