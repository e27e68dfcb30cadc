"""Train the default models shipped with ocrfix, from the training data only.

The error model: reads the train split of the real-page corpus (session-78 UN pages,
``make_real_corpus.py``) and the team's pages (``corpora/pages``), never the dev split, and
learns the confusion table (:func:`ocrfix.error_model.learn`) and the digit shapes
(:func:`ocrfix.digit_shapes.learn`); from the real train pages alone, the superscript marker
shapes and how often each kind of mark in a body is a marker (:mod:`ocrfix.marker_shapes`).
The language model's UN counts: word, word-pair and skip-pair (two apart) counts of the
session-78 resolutions' text (``../shared/un-documents``; counts are facts, the documents stay
out of the project), the commas between their words (:mod:`ocrfix.commas`) and the words that
open their paragraphs (:mod:`ocrfix.openers`). All are
written as package data:

    python benchmarks/train_model.py
    # -> ocrfix/data/: confusions.tsv, digit_shapes.tsv, un_counts.tsv, un_commas.tsv,
    #    un_capitals.tsv, un_skips.tsv, un_openers.tsv, marker_shapes.tsv, confidence.tsv

Last, the confidence of the word scorer's edits: the pipeline, with every table above, is run
on the training pairs and the session-78 texts, and the share of its character-confusion
edits that wrote the ground truth's word is fitted against their posterior
(:mod:`ocrfix.calibration`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy

import ocrfix
from ocrfix import (
    calibration,
    commas,
    digit_shapes,
    error_model,
    marker_shapes,
    noisy_channel,
    openers,
)
from ocrfix.commas import COMMAS_FILE, count_commas, count_stops, save_commas
from ocrfix.error_model import DEFAULT_TABLE_FILE
from ocrfix.fixers import footnote_markers
from ocrfix.lexicon import default_lexicon
from ocrfix.noisy_channel import (
    CAPITALS_FILE,
    COUNTS_FILE,
    SKIPS_FILE,
    count_capitals,
    count_skips,
    count_words,
    save_capitals,
    save_counts,
    save_skips,
)

UN_TEXTS = accuracy.REPO.parent / "shared" / "un-documents" / "text"
#: The training session's resolutions; session 79 is the dev split.
TRAIN_TEXTS = "A_RES_78_*.json"

TRAINING = ("train", "team")


def training_pairs() -> list[accuracy.Pair]:
    """The (GT, OCR) pairs of the training splits (every level and page segmentation)."""
    pairs: list[accuracy.Pair] = []
    for directory, split in (
        (accuracy.DEFAULT_REAL_CORPUS, "train"),
        (accuracy.DEFAULT_CORPUS, "team"),
    ):
        if not directory.is_dir():
            raise SystemExit(f"{directory}: missing (build it first; see README-corpus.md)")
        found, _ = accuracy.load_pages(directory, split)
        pairs += [p for p in found if p.split in TRAINING]
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT_TABLE_FILE)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--counts-out", type=Path, default=COUNTS_FILE)
    ap.add_argument("--skips-out", type=Path, default=SKIPS_FILE)
    ap.add_argument("--commas-out", type=Path, default=COMMAS_FILE)
    ap.add_argument("--capitals-out", type=Path, default=CAPITALS_FILE)
    ap.add_argument("--shapes-out", type=Path, default=digit_shapes.SHAPES_FILE)
    ap.add_argument("--markers-out", type=Path, default=marker_shapes.SHAPES_FILE)
    ap.add_argument("--calibration-out", type=Path, default=calibration.CALIBRATION_FILE)
    ap.add_argument("--openers-out", type=Path, default=openers.OPENERS_FILE)
    ap.add_argument(
        "--openers-only",
        action="store_true",
        help="count the paragraph openers only (the other tables as they are)",
    )
    ap.add_argument(
        "--calibration-only",
        action="store_true",
        help="refit the confidence of the word scorer only (the other tables as they are)",
    )
    args = ap.parse_args(argv)
    texts = sorted(UN_TEXTS.glob(TRAIN_TEXTS))
    if not texts:
        raise SystemExit(f"{UN_TEXTS}: no {TRAIN_TEXTS} (the shared UN documents)")
    bodies = [json.loads(f.read_text("utf-8"))["text"] for f in texts]
    note = f"{len(texts)} texts {TRAIN_TEXTS}"
    if args.calibration_only:
        pairs = training_pairs()
        return fit_calibration(pairs, bodies, args.calibration_out, note)
    save_openers(bodies, args.openers_out, note)
    if args.openers_only:
        return 0
    words, pairs_seen = count_words(bodies)
    save_counts(words, pairs_seen, args.counts_out, note=note)
    print(f"{len(words)} words, {len(pairs_seen)} pairs, {len(texts)} texts -> {args.counts_out}")
    skips = count_skips(bodies)
    save_skips(skips, args.skips_out, note=note)
    noisy_channel.domain_skips.cache_clear()
    print(f"{len(skips)} pairs of words two apart -> {args.skips_out}")
    noisy_channel.domain_counts.cache_clear()  # (the comma file keeps the words counted)
    noisy_channel._domain_pairs.cache_clear()
    found = count_commas(bodies)
    save_commas(found, args.commas_out, note=note, stops=count_stops(bodies))
    commas.comma_counts.cache_clear()
    print(f"{sum(found[0].values())} commas between words -> {args.commas_out}")
    capitals = count_capitals(bodies)
    save_capitals(capitals, args.capitals_out, note=note)
    noisy_channel.capital_counts.cache_clear()
    print(f"{sum(capitals[0].values())} capitalised words in sentences -> {args.capitals_out}")
    pairs = training_pairs()
    splits = sorted({p.split for p in pairs})
    learned = error_model.learn(((p.gt, p.ocr) for p in pairs), min_count=args.min_count)
    error_model.save(learned, args.out, note=f"splits: {', '.join(splits)}")
    print(
        f"{len(learned.counts)} confusions seen {args.min_count}+ times in {learned.pairs} pairs "
        f"({learned.words} aligned words); {len(learned.table.entries)} entries -> {args.out}"
    )
    shapes = digit_shapes.learn((p.gt, p.ocr) for p in pairs)
    digit_shapes.save(shapes, args.shapes_out, note=f"splits: {', '.join(splits)}")
    digit_shapes.shapes.cache_clear()
    print(f"{sum(shapes.values())} digits read as other characters -> {args.shapes_out}")
    # Superscript markers from the real pages only: the team's renderer sets them otherwise
    # (its 1 reads as "'", the UN's as '!').
    real = [p for p in pairs if p.split == "train"]
    markers = marker_shapes.learn((p.gt, p.ocr) for p in real)
    kinds = footnote_markers.learn_kinds(((p.gt, p.ocr) for p in real), default_lexicon())
    marker_shapes.save(
        marker_shapes.MarkerShapes(
            markers, kinds, marker_shapes.learn_lengths((p.gt, p.ocr) for p in real)
        ),
        args.markers_out,
        note="splits: train (real pages)",
    )
    marker_shapes.shapes.cache_clear()
    print(f"{sum(markers.values())} marker digits read, marks {kinds} -> {args.markers_out}")
    # Last, with every table above in place: how often the word scorer's edits are right.
    return fit_calibration(pairs, bodies, args.calibration_out, note)


def save_openers(bodies: Sequence[str], path: Path, note: str) -> None:
    """Count the paragraph openers of the training texts (:mod:`ocrfix.openers`)."""
    found = openers.count_openers(bodies)
    openers.save_openers(found, path, note=note)
    openers.opener_counts.cache_clear()
    print(f"{found.paragraphs} paragraphs, {len(found.first)} opening words -> {path}")


def fit_calibration(
    pairs: Sequence[accuracy.Pair], bodies: Sequence[str], out: Path, note: str
) -> int:
    samples = scorer_samples(pairs, bodies)
    fitted = calibration.fit(samples)
    splits = ", ".join(sorted({p.split for p in pairs}))
    calibration.save(fitted, out, note=f"splits: {splits}; {note}; {len(samples)} edits")
    calibration.default_calibration.cache_clear()
    steps = ", ".join(f"{start:.4f}: {share:.2f}" for start, share, _ in fitted.steps)
    print(f"{len(samples)} scorer edits, posterior -> share right: {steps} -> {out}")
    return 0


def scorer_samples(
    pairs: Sequence[accuracy.Pair], clean: Sequence[str]
) -> list[tuple[float, bool]]:
    """(posterior, right) of the character-confusion fixer's edits on the training ``pairs``
    (right: the edit writes the ground truth's word) and on the ``clean`` texts (every edit
    there is wrong)."""
    fixer = "character_confusions"
    pipeline = ocrfix.Pipeline(config={fixer: {"calibrated": False}})
    found = calibration.samples(((p.gt, p.ocr) for p in pairs), pipeline, fixer)
    for text in clean:
        found += [
            (e.confidence, False) for e in pipeline.fix_and_explain(text).edits if e.fixer == fixer
        ]
    return found


if __name__ == "__main__":
    sys.exit(main())
